import JicengCore
import JicengNormalize

/// Per-unit measure totals: a flat `units × measures` array of integers, plus the values seen by
/// distinct-count measures. One per worker; merged at the end.
public struct MeasureTotals: @unchecked Sendable {
    public let unitCount: Int
    public let measureCount: Int
    public var values: [Int64]
    /// Distinct-count measures: for each (unit × measures + measure, value) the net number of rows
    /// holding the value there (rows taken back count −1), so a value whose rows were all taken
    /// back is no longer counted. Entries that fall to zero are removed.
    public private(set) var distinct: [DistinctEntry: Int64]
    /// At most this many entries in `distinct`: with 24-byte entries in a hash table, about 50 MB.
    /// A value that would go beyond is not recorded and its measure is listed in `distinctOverflow`.
    public var distinctLimit = MeasureTotals.defaultDistinctLimit
    /// Measures (indices) that saw more distinct values than `distinctLimit` allows.
    public private(set) var distinctOverflow: Set<Int> = []

    public static let defaultDistinctLimit = 1 << 20

    /// One unit's one distinct-count measure and one value of it.
    public struct DistinctEntry: Hashable, Sendable {
        /// unit × measures + measure, as in `values`.
        public var index: Int
        public var value: Int64
    }

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

    /// Records `weight` rows (−1 to take one back) holding `value` for a distinct-count measure.
    public mutating func addDistinct(unit: Int, measure: Int, value: Int64, weight: Int64) {
        let key = DistinctEntry(index: unit * measureCount + measure, value: value)
        if let i = distinct.index(forKey: key) {
            let n = distinct.values[i] + weight
            if n == 0 { distinct.remove(at: i) } else { distinct.values[i] = n }
            return
        }
        guard weight != 0 else { return }
        guard distinct.count < distinctLimit else {
            distinctOverflow.insert(measure)
            return
        }
        distinct[key] = weight
    }

    public mutating func add(_ other: MeasureTotals) {
        precondition(other.values.count == values.count)
        values.withUnsafeMutableBufferPointer { mine in
            other.values.withUnsafeBufferPointer { theirs in
                for i in 0..<mine.count { mine[i] &+= theirs[i] }
            }
        }
        for (key, n) in other.distinct {
            addDistinct(unit: key.index / measureCount, measure: key.index % measureCount, value: key.value, weight: n)
        }
        distinctOverflow.formUnion(other.distinctOverflow)
    }

    /// Adds every unit's totals to all its ancestors, so each unit holds its subtree's totals
    /// (contract §5). `parents` is in hierarchy order (parents before children). A distinct count
    /// becomes the number of values held by at least one row anywhere in the unit's subtree.
    public mutating func rollUp(parents: [Int?]) {
        for u in stride(from: parents.count - 1, through: 0, by: -1) {
            guard let p = parents[u] else { continue }
            for m in 0..<measureCount { self[p, m] &+= self[u, m] }
        }
        guard !distinct.isEmpty else { return }
        // Entries grouped by (measure, value); each group walks up from its units, counting the
        // value once at every unit reached and stopping where an earlier unit already did.
        // Memory: one array of the entries (16 bytes each) and a set of units per group.
        let m = measureCount
        var entries = distinct.compactMap { $0.value > 0 ? $0.key : nil }
        entries.sort { a, b in a.index % m != b.index % m ? a.index % m < b.index % m : a.value < b.value }
        var reached = Set<Int>()
        var i = 0
        while i < entries.count {
            let measure = entries[i].index % m, value = entries[i].value
            reached.removeAll(keepingCapacity: true)
            while i < entries.count && entries[i].index % m == measure && entries[i].value == value {
                var unit = entries[i].index / m
                while reached.insert(unit).inserted {
                    values[unit * m + measure] += 1
                    guard let p = parents[unit] else { break }
                    unit = p
                }
                i += 1
            }
        }
    }
}

/// The row sink of `jiceng run`: adds each accepted row to its unit's measures of its dataset.
///
/// Measures and their filters are flattened at construction into plain-value buffers held for the
/// run, so the per-row loop does integer work only, with no reference counting.
public struct MeasureSink: RowSink, @unchecked Sendable {
    /// How a step adds a row to its measure; a one-byte enum, so steps stay plain values.
    enum StepKind: UInt8 {
        /// One per row.
        case count
        /// The row's value in `slot`.
        case sum
        /// The row's value in `slot` among the distinct values seen.
        case distinct
    }

    struct Step {
        var measure: Int
        var kind: StepKind
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
            var step = Step(measure: index, kind: .count, slot: 0, codeStart: code.count, codeCount: 0)
            switch m.kind {
            case .count: step.kind = .count
            case .sum(let slot): step.kind = .sum; step.slot = slot
            case .distinct(let slot): step.kind = .distinct; step.slot = slot
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
                case .count:
                    totals[base + step.measure] &+= weight
                case .sum:
                    let v = row.slots[step.slot]
                    if v != missingSlot { totals[base + step.measure] &+= weight &* v }
                case .distinct:
                    break
                }
            }
        }
        // Distinct counts keep the values they saw, with a row count so a taken-back row (weight −1)
        // removes its value when no other row holds it (rare measures, bounded by `distinctLimit`).
        for k in 0..<stepCount where steps[k].kind == .distinct {
            let step = steps[k]
            if step.codeCount > 0 &&
                !ConditionProgram.holds(UnsafeBufferPointer(start: code + step.codeStart, count: step.codeCount), valueBuffer, row.slots) {
                continue
            }
            let v = row.slots[step.slot]
            if v != missingSlot { state.addDistinct(unit: row.unit, measure: step.measure, value: v, weight: weight) }
        }
    }

    public func endChunk(state: inout MeasureTotals) -> Int { 0 }
}
