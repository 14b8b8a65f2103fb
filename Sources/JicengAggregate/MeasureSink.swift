import JicengCore
import JicengNormalize

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
    /// `storage.values.count`, kept here so that a row never touches `storage` (a shared class
    /// instance: reading it retains it).
    let valueCount: Int
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
            case .sum(let slot):
                step.kind = .sum
                step.slot = slot
            case .distinct(let slot):
                step.kind = .distinct
                step.slot = slot
            }
            if let c = m.condition {
                let program = ConditionProgram(c)
                let offset = Int64(values.count)
                code.append(
                    contentsOf: program.instructions.map { ins in
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
        valueCount = values.count
        self.unitCount = unitCount
        self.measureCount = measures.count
    }

    public func makeState() -> MeasureTotals { MeasureTotals(units: unitCount, measures: measureCount) }

    @inline(__always)
    public func accept(_ row: NormalizedRow, weight: Int64, state: inout MeasureTotals) {
        guard row.unit >= 0 else { return }
        let base = row.unit * measureCount
        let valueBuffer = UnsafeBufferPointer(start: values, count: valueCount)
        state.values.withUnsafeMutableBufferPointer { totals in
            for k in 0..<stepCount {
                let step = steps[k]
                if step.codeCount == 1 {
                    if !ConditionProgram.leafHolds(code[step.codeStart], valueBuffer, row.slots) { continue }
                } else if step.codeCount > 1
                    && !ConditionProgram.holds(
                        UnsafeBufferPointer(start: code + step.codeStart, count: step.codeCount), valueBuffer, row.slots)
                {
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
            if step.codeCount > 0
                && !ConditionProgram.holds(UnsafeBufferPointer(start: code + step.codeStart, count: step.codeCount), valueBuffer, row.slots)
            {
                continue
            }
            let v = row.slots[step.slot]
            if v != missingSlot { state.addDistinct(unit: row.unit, measure: step.measure, value: v, weight: weight) }
        }
    }

    public func endChunk(state: inout MeasureTotals) -> Int { 0 }
}
