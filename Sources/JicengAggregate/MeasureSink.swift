import JicengCore
import JicengNormalize

/// Per-unit measure totals: a flat `units × measures` array of integers, plus the value sets of
/// distinct-count measures. One per worker; merged at the end.
public struct MeasureTotals: @unchecked Sendable {
    public let unitCount: Int
    public let measureCount: Int
    public var values: [Int64]
    /// Distinct-count measures: (unit × measures + measure) → values seen.
    public var distinct: [Int: Set<Int64>]

    public init(units: Int, measures: Int) {
        unitCount = units
        measureCount = measures
        values = Array(repeating: 0, count: units * measures)
        distinct = [:]
    }

    public subscript(unit: Int, measure: Int) -> Int64 {
        get { values[unit * measureCount + measure] }
        set { values[unit * measureCount + measure] = newValue }
    }

    public mutating func add(_ other: MeasureTotals) {
        precondition(other.values.count == values.count)
        values.withUnsafeMutableBufferPointer { mine in
            other.values.withUnsafeBufferPointer { theirs in
                for i in 0..<mine.count { mine[i] &+= theirs[i] }
            }
        }
        for (k, set) in other.distinct { distinct[k, default: []].formUnion(set) }
    }

    /// Adds every unit's totals to all its ancestors, so each unit holds its subtree's totals
    /// (contract §5). `parents` is in hierarchy order (parents before children).
    public mutating func rollUp(parents: [Int?]) {
        for u in stride(from: parents.count - 1, through: 0, by: -1) {
            guard let p = parents[u] else { continue }
            for m in 0..<measureCount { self[p, m] &+= self[u, m] }
            for m in 0..<measureCount {
                if let set = distinct[u * measureCount + m] { distinct[p * measureCount + m, default: []].formUnion(set) }
            }
        }
        for (k, set) in distinct { values[k] = Int64(set.count) }
    }
}

/// The row sink of `jiceng run`: adds each accepted row to its unit's measures of its dataset.
///
/// Measures and their filters are flattened at construction into plain-value buffers held for the
/// run, so the per-row loop does integer work only, with no reference counting.
public struct MeasureSink: RowSink, @unchecked Sendable {
    struct Step {
        var measure: Int
        var kind: UInt8        // 0 count, 1 sum, 2 distinct
        var slot: Int
        var codeStart: Int
        var codeCount: Int
    }

    /// Owns the flattened buffers for as long as any copy of the sink lives.
    final class Storage: @unchecked Sendable {
        let steps: UnsafeMutableBufferPointer<Step>
        let code: UnsafeMutableBufferPointer<ConditionProgram.Instruction>
        let values: UnsafeMutableBufferPointer<Int64>

        init(steps: [Step], code: [ConditionProgram.Instruction], values: [Int64]) {
            self.steps = .allocate(capacity: max(1, steps.count))
            _ = self.steps.initialize(from: steps)
            self.code = .allocate(capacity: max(1, code.count))
            _ = self.code.initialize(from: code)
            self.values = .allocate(capacity: max(1, values.count))
            _ = self.values.initialize(from: values)
        }

        deinit {
            steps.deallocate()
            code.deallocate()
            values.deallocate()
        }
    }

    let storage: Storage
    let stepCount: Int
    let steps: UnsafeMutablePointer<Step>
    let code: UnsafeMutablePointer<ConditionProgram.Instruction>
    let values: UnsafeMutablePointer<Int64>
    let unitCount: Int
    let measureCount: Int

    /// A sink for the measures of `dataset`; with no dataset it counts nothing (for `validate`).
    public init(measures: CompiledMeasures, dataset: String?, unitCount: Int) {
        var steps: [Step] = []
        var code: [ConditionProgram.Instruction] = []
        var values: [Int64] = []
        for index in dataset.flatMap({ measures.byDataset[$0] }) ?? [] {
            let m = measures.measures[index]
            var step = Step(measure: index, kind: 0, slot: 0, codeStart: code.count, codeCount: 0)
            switch m.kind {
            case .count: step.kind = 0
            case .sum(let slot): step.kind = 1; step.slot = slot
            case .distinct(let slot): step.kind = 2; step.slot = slot
            }
            if let c = m.condition {
                let program = ConditionProgram(c)
                let offset = Int64(values.count)
                code.append(contentsOf: program.instructions.map { ins in
                    var i = ins
                    if i.kind == .isIn { i.start += Int32(offset) }
                    return i
                })
                values.append(contentsOf: program.values)
                step.codeCount = program.instructions.count
            }
            steps.append(step)
        }
        storage = Storage(steps: steps, code: code, values: values)
        stepCount = steps.count
        self.steps = storage.steps.baseAddress!
        self.code = storage.code.baseAddress!
        self.values = storage.values.baseAddress!
        self.unitCount = unitCount
        self.measureCount = measures.count
    }

    public func makeState() -> MeasureTotals { MeasureTotals(units: unitCount, measures: measureCount) }

    @inline(__always)
    public func accept(_ row: NormalizedRow, weight: Int64, state: inout MeasureTotals) {
        guard row.unit >= 0 else { return }
        let base = row.unit * measureCount
        let valueBuffer = UnsafeBufferPointer(start: values, count: storage.values.count)
        state.values.withUnsafeMutableBufferPointer { totals in
            for k in 0..<stepCount {
                let step = steps[k]
                if step.codeCount > 0 &&
                    !ConditionProgram.holds(UnsafeBufferPointer(start: code + step.codeStart, count: step.codeCount), valueBuffer, row.slots) {
                    continue
                }
                switch step.kind {
                case 0:
                    totals[base + step.measure] &+= weight
                case 1:
                    let v = row.slots[step.slot]
                    if v != missingSlot { totals[base + step.measure] &+= weight &* v }
                default:
                    break
                }
            }
        }
        // Distinct counts keep their sets (rare, small).
        for k in 0..<stepCount where steps[k].kind == 2 && weight > 0 {
            let step = steps[k]
            if step.codeCount > 0 &&
                !ConditionProgram.holds(UnsafeBufferPointer(start: code + step.codeStart, count: step.codeCount), valueBuffer, row.slots) {
                continue
            }
            let v = row.slots[step.slot]
            if v != missingSlot { state.distinct[base + step.measure, default: []].insert(v) }
        }
    }

    public func endChunk(state: inout MeasureTotals) -> Int { 0 }
}
