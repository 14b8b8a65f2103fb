/// The generator's own pseudo-random source: SplitMix64, seeded explicitly.
///
/// It exists so that one seed gives byte-identical drops on every machine and Swift version:
/// the standard library's `random(in:using:)` algorithms are not promised to stay the same, so
/// every draw the generator makes goes through the small, fixed helpers below.
struct SampleRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for an independent purpose (hierarchy, grids, requests…) derived from one seed,
    /// so that adding draws to one part of a drop does not shift the values of another.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SampleRandom(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next() ^ stream
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (bound > 0), by Lemire's multiply-shift; the tiny bias is irrelevant here
    /// and keeping the draw count fixed (one `next()` per call) keeps streams aligned.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let product = next().multipliedFullWidth(by: UInt64(bound))
        return Int(product.high)
    }

    /// A value in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `percent` / 100.
    @inline(__always)
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// True with probability `perMille` / 1000.
    @inline(__always)
    mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// An index drawn with the given integer weights (at least one weight > 0).
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var pick = below(total)
        for (index, weight) in weights.enumerated() {
            if pick < weight { return index }
            pick -= weight
        }
        return weights.count - 1
    }

    /// One element of a non-empty array.
    mutating func element<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Shuffles in place (Fisher–Yates with this generator).
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }

    /// Splits `total` into `count` non-negative parts proportional to `weights` (largest remainder),
    /// so that the parts sum to exactly `total`.
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        let weightSum = weights.reduce(0, +)
        precondition(weightSum > 0 && total >= 0)
        var parts = weights.map { total * $0 / weightSum }
        let remainders = weights.enumerated().map { (index: $0.offset, rest: total * $0.element % weightSum) }
        var left = total - parts.reduce(0, +)
        for entry in remainders.sorted(by: { $0.rest != $1.rest ? $0.rest > $1.rest : $0.index < $1.index }) where left > 0 {
            parts[entry.index] += 1
            left -= 1
        }
        return parts
    }

    /// Like `apportion(_:weights:)`, but no part exceeds its cap: what a capped part cannot take
    /// is shared among the others by their weights, and parts of weight 0 take what is left only
    /// when nothing else can (in index order). The caps must hold `total` (their sum ≥ total).
    static func apportion(_ total: Int, weights: [Int], caps: [Int]) -> [Int] {
        precondition(weights.count == caps.count && total >= 0 && caps.reduce(0, +) >= total)
        var parts = Array(repeating: 0, count: weights.count)
        var left = total
        while left > 0 {
            let open = weights.indices.filter { weights[$0] > 0 && parts[$0] < caps[$0] }
            guard !open.isEmpty else {
                for index in parts.indices where left > 0 {
                    let room = min(caps[index] - parts[index], left)
                    parts[index] += room
                    left -= room
                }
                break
            }
            let shares = apportion(left, weights: open.map { weights[$0] })
            for (share, index) in zip(shares, open) {
                let given = min(share, caps[index] - parts[index])
                parts[index] += given
                left -= given
            }
        }
        return parts
    }
}
