/// How bad a finding is: an `error` rejects the row (or the file) and fails `validate`;
/// a `warning` is reported but leaves the data in use (contract §7).
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable {
    case error
    case warning
}
