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
            let measure = entries[i].index % m
            let value = entries[i].value
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
