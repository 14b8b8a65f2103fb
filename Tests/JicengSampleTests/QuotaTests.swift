import Testing

@testable import JicengSample

/// The two helpers that fix per-unit figures exactly: capped apportionment and drawing from
/// quotas without replacement.
@Suite struct QuotaTests {
    @Test func cappedApportionmentKeepsTotalAndCaps() {
        // Proportional where no cap binds: 10 over weights 1:1:3 → 2, 2, 6.
        #expect(SampleRandom.apportion(10, weights: [1, 1, 3], caps: [10, 10, 10]) == [2, 2, 6])
        // The third can take only 3; the other 3 are shared by weight.
        #expect(SampleRandom.apportion(10, weights: [1, 1, 3], caps: [10, 10, 3]) == [4, 3, 3])
        // Zero weights take what nothing else can, in index order.
        #expect(SampleRandom.apportion(5, weights: [0, 1, 0], caps: [2, 1, 9]) == [2, 1, 2])
        #expect(SampleRandom.apportion(0, weights: [0, 0], caps: [0, 0]) == [0, 0])
        var rng = SampleRandom(seed: 7)
        for _ in 0..<200 {
            let n = 1 + rng.below(12)
            let weights = (0..<n).map { _ in rng.below(50) }
            let caps = (0..<n).map { _ in rng.below(20) }
            let total = rng.below(caps.reduce(0, +) + 1)
            let parts = SampleRandom.apportion(total, weights: weights, caps: caps)
            #expect(parts.reduce(0, +) == total)
            #expect(zip(parts, caps).allSatisfy { $0 >= 0 && $0 <= $1 })
        }
    }

    @Test func samplerDrawsEveryQuotaExactlyInShuffledOrder() {
        let quotas = [5, 0, 1, 12, 3, 0, 7, 2, 9]
        var sampler = QuotaSampler(quotas: quotas)
        var rng = SampleRandom(seed: 11)
        var drawn: [Int] = []
        while sampler.remaining > 0 { drawn.append(sampler.draw(&rng)) }
        #expect(drawn.count == quotas.reduce(0, +))
        for (index, quota) in quotas.enumerated() {
            #expect(drawn.filter { $0 == index }.count == quota, "index \(index)")
        }
        #expect(drawn != drawn.sorted(), "draws come out in random order")
        // A single index and an empty sampler.
        var one = QuotaSampler(quotas: [3])
        #expect([one.draw(&rng), one.draw(&rng), one.draw(&rng)] == [0, 0, 0])
        #expect(QuotaSampler(quotas: []).remaining == 0)
    }

    /// Over many samplers the first draw follows the quotas (index 1 holds 3 of 4).
    @Test func firstDrawIsProportionalToQuota() {
        var rng = SampleRandom(seed: 3)
        var hits = 0
        for _ in 0..<4000 {
            var sampler = QuotaSampler(quotas: [1, 3])
            if sampler.draw(&rng) == 1 { hits += 1 }
        }
        #expect((2850...3150).contains(hits), "\(hits)")
    }
}
