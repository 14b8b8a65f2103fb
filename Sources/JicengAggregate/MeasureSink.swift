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
public struct MeasureSink: RowSink {
    let measures: [CompiledMeasures.Measure]
    let indices: [Int]
    let unitCount: Int
    let measureCount: Int

    public init(measures: CompiledMeasures, dataset: String, unitCount: Int) {
        self.indices = measures.byDataset[dataset] ?? []
        self.measures = indices.map { measures.measures[$0] }
        self.unitCount = unitCount
        self.measureCount = measures.count
    }

    public func makeState() -> MeasureTotals { MeasureTotals(units: unitCount, measures: measureCount) }


    @inline(__always)
    public func accept(_ row: NormalizedRow, weight: Int64, state: inout MeasureTotals) {
        guard row.unit >= 0 else { return }
        let base = row.unit * measureCount
        for (k, m) in measures.enumerated() {
            if let c = m.condition, !c.holds(row.slots) { continue }
            switch m.kind {
            case .count:
                state.values[base + indices[k]] &+= weight
            case .sum(let slot):
                let v = row.slots[slot]
                if v != missingSlot { state.values[base + indices[k]] &+= weight &* v }
            case .distinct(let slot):
                let v = row.slots[slot]
                if v != missingSlot && weight > 0 { state.distinct[base + indices[k], default: []].insert(v) }
            }
        }
    }

    public func endChunk(state: inout MeasureTotals) -> Int { 0 }
}
