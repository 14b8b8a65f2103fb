import JicengCore

/// The value a column takes in a row that has none: where the file has no such column, or its cell
/// is empty (`default:` in a pipeline file).
///
/// Exists because real exports leave out what their system never varies — a web platform's
/// requests have no channel column, they all came in online — and a pipeline must be able to say
/// so for a column of any type (`default: online`), not only for counts (`volunteers` → 0). A
/// column with a default is never missing: a file may leave it out even when it is required.
public enum ColumnDefault: Sendable, Hashable {
    case integer(Int64)
    case boolean(Bool)
    case date(CivilDate)
    /// An enumeration (or level) value, by its canonical name.
    case value(String)
    case text(String)

    /// How the default is written back as a cell in canonical form (the `normalise` stage files).
    public var canonicalText: String {
        switch self {
        case .integer(let v): return String(v)
        case .boolean(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        case .value(let name): return name
        case .text(let t): return t
        }
    }
}

extension YAMLCursor {
    /// A column's `default:`, written as the column's type reads it in a pipeline file: a whole
    /// number (at least the column's minimum), `true` or `false`, a date `2022-04-01`, an
    /// enumeration value by its canonical name or any synonym (matched as cells are: trimmed,
    /// full-width folded, case ignored), or a text. Anything else is a `pipeline-invalid` error
    /// at the key, saying what the column accepts.
    func columnDefault(for type: ColumnType, column: String) throws -> ColumnDefault {
        switch type {
        case .integer(let minimum):
            let value = try integer()
            if let minimum, value < minimum {
                throw error("the default \(value) is below the minimum \(minimum) of column '\(column)'")
            }
            return .integer(value)
        case .boolean:
            guard case .scalar = node, !isNull, let value = try? bool() else {
                throw error("the default of the yes/no column '\(column)' must be true or false, found \(shapeDescription)")
            }
            return .boolean(value)
        case .date:
            let written = try text()
            guard let date = Self.isoDate(written) else {
                throw error("the default of the date column '\(column)' must be a date written like 2022-04-01, found '\(written)'")
            }
            return .date(date)
        case .enumeration(let e):
            let written = try text()
            let folded = TextFolding.fold(written)
            if let value = e.values.first(where: { v in ([v.name] + v.synonyms).contains { TextFolding.fold($0) == folded } }) {
                return .value(value.name)
            }
            var message = "the default '\(written)' is not a value of column '\(column)'"
            if let suggestion = Suggestion.closest(to: written, among: e.values.flatMap { [$0.name] + $0.synonyms }) {
                message += " (did you mean '\(suggestion)'?)"
            }
            message += "; its values: \(e.values.map(\.name).joined(separator: ", ")) (or their synonyms)"
            throw error(message)
        case .text:
            return .text(try text())
        case .unitReference:
            throw error("column '\(column)' names a row's unit, which comes from the file: a unit reference has no default")
        }
    }

    /// `2022-04-01` (four-digit year, two-digit month and day) as a calendar date; nil otherwise.
    static func isoDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
