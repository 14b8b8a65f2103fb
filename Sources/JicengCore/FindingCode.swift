/// The closed list of data-quality finding codes of contract §7 (and v2 §9).
///
/// The raw value is the code as it appears in JSON, JUnit and annotations.
public enum FindingCode: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case encodingError = "encoding-error"
    case malformedCSV = "malformed-csv"
    case missingFile = "missing-file"
    case emptyFile = "empty-file"
    case missingColumn = "missing-column"
    case duplicateColumn = "duplicate-column"
    case unknownColumn = "unknown-column"
    case missingCell = "missing-cell"
    case extraCell = "extra-cell"
    case fieldTooLarge = "field-too-large"
    case missingValue = "missing-value"
    case typeError = "type-error"
    case constraintError = "constraint-error"
    case uniqueError = "unique-error"
    case unknownUnit = "unknown-unit"
    case ruleError = "rule-error"
    case outOfPeriod = "out-of-period"
    /// v2 (§8): a quarter of the year is missing from the history store, so no year-to-date table.
    case historyGap = "history-gap"
    /// A CSV file whose name starts with no dataset's name (contract v2 §9): read as the dataset
    /// its header matches, or not read when it matches none or several.
    case unknownFile = "unknown-file"

    public static func < (lhs: FindingCode, rhs: FindingCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
