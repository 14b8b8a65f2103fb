/// Draws indices at random without replacement from per-index quotas: each draw picks an index
/// with probability proportional to what is left of its quota, so that after all draws every
/// index has come up exactly its quota times, in a random order.
///
/// It exists so that a drop can fix how many rows each unit gets (and so how each unit scores)
/// while the rows still come out shuffled over the days of the period. A Fenwick tree keeps a
/// draw at O(log n), which matters for ten-million-row benchmark drops.
struct QuotaSampler {
    /// 1-based Fenwick tree of the remaining quotas.
    private var tree: [Int]
    /// The highest power of two not above the number of indices.
    private let topStep: Int
    /// Draws left (the sum of the remaining quotas).
    private(set) var remaining: Int

    init(quotas: [Int]) {
        precondition(quotas.allSatisfy { $0 >= 0 })
        var tree = [0] + quotas
        for i in 1..<tree.count {
            let parent = i + (i & -i)
            if parent < tree.count { tree[parent] += tree[i] }
        }
        self.tree = tree
        remaining = quotas.reduce(0, +)
        var step = 1
        while step * 2 <= quotas.count { step *= 2 }
        topStep = quotas.isEmpty ? 0 : step
    }

    /// The next index; at least one draw must be left.
    mutating func draw(_ rng: inout SampleRandom) -> Int {
        precondition(remaining > 0, "no quota left")
        var pick = rng.below(remaining)
        // Find the largest position whose prefix sum is ≤ pick: the drawn index is the next one.
        var position = 0
        var step = topStep
        while step > 0 {
            let next = position + step
            if next < tree.count && tree[next] <= pick {
                position = next
                pick -= tree[next]
            }
            step >>= 1
        }
        var i = position + 1
        while i < tree.count {
            tree[i] -= 1
            i += i & -i
        }
        remaining -= 1
        return position
    }
}
