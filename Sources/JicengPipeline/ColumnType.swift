import JicengCore

/// How a column's cells are parsed and checked (contract §2–§3).
public enum ColumnType: Sendable, Hashable {
    /// Free text, kept as given (trimmed).
    case text
    /// Whole number; full-width digits and thousands separators accepted. `minimum` (usually 0)
    /// makes smaller values a `constraint-error`.
    case integer(minimum: Int64?)
    /// `是/否`, `有/无`, `yes/no`, `true/false`, `y/n`, `1/0`, `√/×`.
    case boolean
    /// A calendar date in any contract form, optionally followed by a time.
    case date
    /// One of a closed list of values, each with synonyms.
    case enumeration(EnumerationSpec)
    /// A reference to a unit of the hierarchy (contract §2, unit references).
    case unitReference(UnitReferenceRole)
}

/// Which way a column names a unit.
public enum UnitReferenceRole: String, Sendable, Hashable, CaseIterable {
    /// The unit_id of a `grid` unit.
    case grid
    /// The unit_id of a unit of any level.
    case unit
    /// A name or alias of a `community` unit.
    case community
    /// A name or alias of a `street` unit: it tells apart communities of the same name, and
    /// places a row at the street when the row gives no other reference (contract v2 §9).
    case street
}

/// A closed list of values with synonyms. A value's code is its index in `values`.
public struct EnumerationSpec: Sendable, Hashable {
    public var values: [EnumerationValue]

    public init(values: [EnumerationValue]) {
        self.values = values
    }

    public func code(of name: String) -> Int? { values.firstIndex { $0.name == name } }
}

/// One canonical value of an enumeration and the other spellings that mean it.
public struct EnumerationValue: Sendable, Hashable {
    public var name: String
    public var synonyms: [String]
    public var title: LocalizedText?

    public init(name: String, synonyms: [String], title: LocalizedText? = nil) {
        self.name = name
        self.synonyms = synonyms
        self.title = title
    }
}
