/// A row filter over normalised values, used by measures and rules.
///
/// Written in pipeline files as text, e.g. `status = resolved and days_to_close <= $ontime_limit_days`,
/// `party_org_type != none or has_instructor`, `satisfaction in (satisfied, basically_satisfied)`,
/// `satisfaction is set`.
public indirect enum Condition: Sendable, Hashable {
    case compare(column: String, op: ComparisonOperator, value: ConditionValue)
    case isIn(column: String, values: [ConditionValue])
    /// The column has a (non-missing) value.
    case isSet(column: String)
    /// A boolean column is true.
    case isTrue(column: String)
    case and([Condition])
    case or([Condition])
    case not(Condition)

    /// Every column the condition reads.
    public var columns: Set<String> {
        switch self {
        case .compare(let c, _, _), .isIn(let c, _), .isSet(let c), .isTrue(let c): return [c]
        case .and(let cs), .or(let cs): return cs.reduce(into: Set<String>()) { $0.formUnion($1.columns) }
        case .not(let c): return c.columns
        }
    }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A literal on the right of a comparison: a number, an enumeration value's canonical name, a
/// boolean, or a `$parameter` of the pipeline.
public enum ConditionValue: Sendable, Hashable {
    case number(Double)
    case symbol(String)
    case boolean(Bool)
    case parameter(String)
}
