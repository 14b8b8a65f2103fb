import JicengCore

/// One dataset of a drop (contract §1, §3): which files hold it, its columns, how rows name their
/// unit, which date decides the period, and its row rules.
public struct DatasetSpec: Sendable, Hashable {
    public var name: String
    /// Files whose names start with this prefix and end in `.csv` belong to the dataset.
    public var filePrefix: String
    /// An absent required dataset is a `missing-file` error; an absent optional one a warning.
    public var required: Bool
    /// `units` defines the hierarchy; every other dataset holds facts attached to units.
    public var role: DatasetRole
    public var columns: [ColumnSpec]
    /// The unit-reference columns in order of precedence: in each row the first non-empty one is
    /// used (contract §2), a street column only when no other is given (v2 §9). Empty for `units`.
    public var unitReference: [String]
    /// A `date` column; rows whose date lies outside the period are `out-of-period` warnings.
    /// nil for snapshots (grids, property companies), which always count.
    public var periodColumn: String?
    public var rules: [RowRule]
    public var derived: [DerivedColumn]
    public var title: LocalizedText?

    public init(
        name: String, filePrefix: String? = nil, required: Bool = false, role: DatasetRole = .facts,
        columns: [ColumnSpec], unitReference: [String] = [], periodColumn: String? = nil,
        rules: [RowRule] = [], derived: [DerivedColumn] = [], title: LocalizedText? = nil
    ) {
        self.name = name
        self.filePrefix = filePrefix ?? name
        self.required = required
        self.role = role
        self.columns = columns
        self.unitReference = unitReference
        self.periodColumn = periodColumn
        self.rules = rules
        self.derived = derived
        self.title = title
    }

    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }
}

/// Whether a dataset defines the hierarchy or holds facts about units.
public enum DatasetRole: String, Sendable, Hashable {
    case hierarchy
    case facts
}

/// A check across columns of one row.
public enum RowRule: Sendable, Hashable {
    /// `column` must have a value when `condition` holds (a `missing-value` error otherwise),
    /// e.g. closed_at when status is resolved or explained.
    case requiredWhen(column: String, condition: Condition)
    /// The date in `column` must not be before the date in `reference` (a `rule-error`),
    /// e.g. closed_at not before received_at.
    case notBefore(column: String, reference: String)
}

/// A value computed from other columns of the same row.
public struct DerivedColumn: Sendable, Hashable {
    public enum Formula: Sendable, Hashable {
        /// Calendar days from the date in `from` to the date in `to`; missing if either is.
        case daysBetween(from: String, to: String)
    }

    public var name: String
    public var formula: Formula

    public init(name: String, formula: Formula) {
        self.name = name
        self.formula = formula
    }
}
