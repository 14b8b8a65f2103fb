import JicengCore

/// One line of `quarantine.csv`: a rejected record with the findings that rejected it.
///
/// Exists so that the layout of a quarantine line (dataset, file, line, codes, columns, message,
/// record) is written in one place: records rejected while normalising (`FactProcessor`) and
/// records taken back as duplicates of a unique key (JicengRun) are rendered alike.
public struct QuarantineRecord: Sendable, Hashable {
    public var dataset: String
    public var file: String
    /// The record's line in the original file.
    public var line: Int
    /// The findings that rejected the record (their codes, columns and Chinese messages are listed).
    public var findings: [Finding]
    /// The record's cells as one line of CSV text, personal data masked.
    public var maskedRecord: String

    /// The first line of `quarantine.csv`.
    public static let header = "dataset,file,line,codes,columns,message,record\n"

    public init(dataset: String, file: String, line: Int, findings: [Finding], maskedRecord: String) {
        self.dataset = dataset
        self.file = file
        self.line = line
        self.findings = findings
        self.maskedRecord = maskedRecord
    }

    /// A record given by its cells as read; personal data in them is masked here.
    public init(dataset: String, file: String, line: Int, findings: [Finding], cells: [String]) {
        self.init(
            dataset: dataset, file: file, line: line, findings: findings,
            maskedRecord: Self.maskedRecord(cells))
    }

    /// The cells as one line of CSV text, personal data masked.
    public static func maskedRecord(_ cells: [String]) -> String {
        CSVText.record(cells.map(SensitiveDataMasker.mask))
    }

    /// The line as written to `quarantine.csv`, newline included.
    var csvLine: String {
        let codes = findings.map(\.code.rawValue).joined(separator: ";")
        let columns = findings.compactMap(\.column).joined(separator: ";")
        let message = findings.map(\.message.zh).joined(separator: "；")
        return CSVText.record([dataset, file, String(line), codes, columns, message, maskedRecord]) + "\n"
    }

    /// `csvLine` as UTF-8 bytes.
    public var utf8: [UInt8] { Array(csvLine.utf8) }
}
