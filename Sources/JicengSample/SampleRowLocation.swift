/// Where a deliberately planted row of a generated drop is: dataset, file, physical line and the
/// cell text that makes it notable.
///
/// It exists so that a test can compare the pipeline's `out-of-period` warnings with the rows the
/// generator put outside the period, line by line.
public struct SampleRowLocation: Sendable, Hashable {
    public let dataset: String
    public let file: String
    /// Physical line where the record starts (the header is line 1).
    public let line: Int
    /// Canonical column name of the notable cell.
    public let column: String
    /// The cell as written (before encoding).
    public let value: String

    public init(dataset: String, file: String, line: Int, column: String, value: String) {
        self.dataset = dataset
        self.file = file
        self.line = line
        self.column = column
        self.value = value
    }
}
