import JicengCore

/// A mistake in the targets that does not stop a run but changes what it reports: a targets
/// file with no row for the period's year (every status then becomes `no_target`), a `unit_id`
/// that is no unit of the drop (its row applies to nobody), a row that repeats another's key.
///
/// Not a data-quality finding of contract §7 — targets are configuration, not part of the drop,
/// and findings.json keeps the contract's closed list of codes — so commands print these on
/// standard error in the `--lang` language, and `run` records them in manifest.json.
public struct TargetWarning: Sendable, Hashable, Codable {
    public enum Code: String, Sendable, Hashable, Codable {
        /// A file has no row for the period's year.
        case noTargetsForYear = "no-targets-for-year"
        /// A row's unit_id matches no unit of the drop.
        case unknownUnit = "unknown-unit"
        /// A row repeats the year, indicator, level and unit_id of an earlier row of its file.
        case duplicateTarget = "duplicate-target"
    }

    public var code: Code
    /// The targets file as people know it, and the line (nil for the file as a whole).
    public var file: String
    public var line: Int?
    /// The canonical column, when the warning is about one cell.
    public var column: String?
    public var value: String?
    public var message: LocalizedText

    public init(code: Code, file: String, line: Int? = nil, column: String? = nil, value: String? = nil, message: LocalizedText) {
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    /// `file:line (key 'unit_id')`, as errors name places.
    public var location: SourceLocation { SourceLocation(file: file, line: line, key: column) }
}
