import JicengCore
import JicengNormalize
import JicengPipeline

/// A column that no file of a present dataset carries and that has no default, with what the run
/// leaves out because of it: the measures that read it, their indicators and the breakdowns over it.
///
/// Exists because such a column does not make a file unreadable (only required columns do), yet
/// every measure over it would count as if no row had a value: without a status column the
/// resolution rate would be 0%, reported like a fact. Those indicators are left out instead, as
/// an absent dataset's are, with a `missing-column` warning for the dataset naming the column and
/// what was left out. Kept in the data-quality summary, so that a stage that reads the canonical
/// files of `normalise` (which carry every column) leaves out the same indicators as `run`.
public struct AbsentColumn: Sendable, Codable, Hashable {
    public var dataset: String
    public var column: String
    /// The measures that read the column, directly or through a derived column (pipeline order).
    public var measures: [String]
    /// The indicators over those measures (pipeline order): left out of the outputs.
    public var indicators: [String]
    /// The report's breakdowns over the column: left out.
    public var breakdowns: [String]

    public init(dataset: String, column: String, measures: [String], indicators: [String], breakdowns: [String]) {
        self.dataset = dataset
        self.column = column
        self.measures = measures
        self.indicators = indicators
        self.breakdowns = breakdowns
    }

    /// The columns of `dataset` that none of its readable files carries (`carried`, per column)
    /// and that have no default, for which something reads them.
    public static func find(in dataset: DatasetSpec, carried: [Bool], pipeline: Pipeline) -> [AbsentColumn] {
        dataset.columns.enumerated().compactMap { c, column in
            guard !carried[c], column.defaultValue == nil else { return nil }
            let measures = pipeline.measures(reading: column.name, of: dataset.name).map(\.name)
            let breakdowns = pipeline.breakdowns(over: column.name, of: dataset.name).map(\.name)
            guard !measures.isEmpty || !breakdowns.isEmpty else { return nil }
            return AbsentColumn(
                dataset: dataset.name, column: column.name, measures: measures,
                indicators: pipeline.indicators(using: Set(measures)).map(\.name), breakdowns: breakdowns)
        }
    }

    /// The `missing-column` warning for the dataset (no file, no line): the column, the headers it
    /// could have had, and what is left out (the indicators and breakdowns, or else the measures).
    public func finding(accepted: [String]) -> Finding {
        Finding(
            severity: .warning, code: .missingColumn, dataset: dataset, column: column,
            message: FindingMessages.absentColumn(
                column, dataset: dataset, accepted: accepted, indicators: indicators,
                breakdowns: breakdowns, measures: measures))
    }
}
