/// Why a condition text could not be parsed, and where.
///
/// Exists so that the pipeline loader can point an analyst at the exact character of a
/// `where:` text that is wrong (`column 17: expected a value after '<='`), not just at the line.
public struct ConditionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based position in the condition text, counted in Unicode scalars (as YAML columns are).
    public var position: Int
    public var message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "position \(position): \(message)" }
}
