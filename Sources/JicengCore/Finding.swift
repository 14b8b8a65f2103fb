/// One data-quality problem at one place in a drop (contract §7).
///
/// Findings are the product of `jiceng validate` and part of every run's output; they are value
/// types so that workers can collect them independently and merge them in file and line order.
public struct Finding: Sendable, Hashable, Codable {
    public var severity: Severity
    public var code: FindingCode
    /// Dataset name (`requests`, `units`, …) or nil for findings about the drop as a whole.
    public var dataset: String?
    /// File name as found in the drop (no folder).
    public var file: String?
    /// Physical line where the record starts; the header is line 1.
    public var line: Int?
    /// Canonical column name, when there is one.
    public var column: String?
    /// The offending value, masked when it looks like personal data.
    public var value: String?
    public var message: LocalizedText

    public init(
        severity: Severity, code: FindingCode, dataset: String? = nil, file: String? = nil,
        line: Int? = nil, column: String? = nil, value: String? = nil, message: LocalizedText
    ) {
        self.severity = severity
        self.code = code
        self.dataset = dataset
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }
}

extension Finding {
    /// The order findings are reported in: by file, then line, then column and code.
    /// Findings about the drop as a whole (no file) come first.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? "") != (b.column ?? "") { return (a.column ?? "") < (b.column ?? "") }
        if a.code != b.code { return a.code < b.code }
        return (a.value ?? "") < (b.value ?? "")
    }
}
