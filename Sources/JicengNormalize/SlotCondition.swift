import JicengCore
import JicengPipeline

/// A `Condition` compiled against one dataset's slots: column names become slot indices and
/// enumeration symbols become codes, so evaluating it per row is integer work only.
public indirect enum SlotCondition: Sendable {
    case compare(slot: Int, op: ComparisonOperator, value: Double)
    case isIn(slot: Int, values: [Int64])
    case isSet(slot: Int)
    case isTrue(slot: Int)
    case and([SlotCondition])
    case or([SlotCondition])
    case not(SlotCondition)

    public init(_ condition: Condition, dataset: DatasetSpec, slotNames: [String], parameters: [String: Double]) throws {
        func slot(_ name: String) throws -> Int {
            guard let s = slotNames.firstIndex(of: name) else {
                throw JicengError(.pipelineInvalid, "condition names unknown column \(name) of \(dataset.name)")
            }
            return s
        }
        func number(_ value: ConditionValue, column: String) throws -> Double {
            switch value {
            case .number(let d): return d
            case .boolean(let b): return b ? 1 : 0
            case .parameter(let p):
                guard let d = parameters[p] else { throw JicengError(.pipelineInvalid, "unknown parameter $\(p)") }
                return d
            case .symbol(let s):
                if case .enumeration(let e)? = dataset.column(named: column)?.type, let code = e.code(of: s) { return Double(code) }
                throw JicengError(.pipelineInvalid, "\(s) is not a value of \(dataset.name).\(column)")
            }
        }
        switch condition {
        case .compare(let column, let op, let value):
            self = .compare(slot: try slot(column), op: op, value: try number(value, column: column))
        case .isIn(let column, let values):
            self = .isIn(slot: try slot(column), values: try values.map { Int64(try number($0, column: column)) })
        case .isSet(let column): self = .isSet(slot: try slot(column))
        case .isTrue(let column): self = .isTrue(slot: try slot(column))
        case .and(let cs): self = .and(try cs.map { try SlotCondition($0, dataset: dataset, slotNames: slotNames, parameters: parameters) })
        case .or(let cs): self = .or(try cs.map { try SlotCondition($0, dataset: dataset, slotNames: slotNames, parameters: parameters) })
        case .not(let c): self = .not(try SlotCondition(c, dataset: dataset, slotNames: slotNames, parameters: parameters))
        }
    }

    /// Evaluates over a row's slots. A comparison with a missing value is false.
    @inline(__always)
    public func holds(_ slots: UnsafePointer<Int64>) -> Bool {
        switch self {
        case .compare(let s, let op, let value):
            let v = slots[s]
            if v == missingSlot { return false }
            let d = Double(v)
            switch op {
            case .equal: return d == value
            case .notEqual: return d != value
            case .less: return d < value
            case .lessOrEqual: return d <= value
            case .greater: return d > value
            case .greaterOrEqual: return d >= value
            }
        case .isIn(let s, let values):
            let v = slots[s]
            return v != missingSlot && values.contains(v)
        case .isSet(let s): return slots[s] != missingSlot
        case .isTrue(let s): return slots[s] != missingSlot && slots[s] != 0
        case .and(let cs):
            for c in cs where !c.holds(slots) { return false }
            return true
        case .or(let cs):
            for c in cs where c.holds(slots) { return true }
            return false
        case .not(let c): return !c.holds(slots)
        }
    }
}
