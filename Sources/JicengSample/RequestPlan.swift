/// Where the in-period requests of a drop go and how each unit handles them: how many requests
/// each grid and each community (for requests handled at the community itself) receives, exactly
/// how many of them end in each status, and how often its resolved requests close late and its
/// answered ones are dissatisfied.
///
/// It exists so that units differ by how well they are run (`SampleProfiles`) rather than by
/// chance: the city's exact status counts (seed 004's 4,229 / 332 / 129) are shared out over
/// units by their difficulty, and late closings and dissatisfied answers are spread by
/// systematic sampling, so a grid of fifteen requests gets its expected share, give or take one.
/// Each unit's outcomes are drawn without replacement while rows stream past, so memory stays
/// flat for benchmark drops of ten million requests.
struct RequestPlan {
    /// Share (per cent) of requests handled at the community itself rather than at a grid.
    static let escalatedPercent = 15
    /// Share (per cent) of requests with a satisfaction answer, per status (resolved, in
    /// progress, explained, open).
    static let answeredPercent = [90, 5, 80, 0]
    /// How much likelier a dissatisfied answer is, per status, than for a resolved request.
    static let dissatisfactionFactor = [1.0, 3.0, 3.5, 0.0]
    /// Among answers that are not dissatisfied: share (per cent) of `satisfied` (the rest are
    /// `basically_satisfied`), per status.
    static let satisfiedPercent = [76, 60, 53, 0]

    /// Per slot (grids in hierarchy order, then communities): the grid's position in
    /// `SampleHierarchy.grids` (-1 for a community slot), and the position of the community
    /// (the grid's own for a grid slot).
    let gridPosition: [Int]
    let communityPosition: [Int]
    /// In-period requests per slot.
    let rows: [Int]
    /// Share (per cent) of on-time closings done within a week, per slot.
    let quickClosingPercent: [Int]
    /// Remaining status counts, slot × 4 (resolved, in progress, explained, open).
    private var statusLeft: [Int]
    private var lateChance: [Double]
    private var lateCarry: [Double]
    private var dissatisfactionChance: [Double]
    private var dissatisfactionCarry: [Double]

    /// `lateableShare` is the share of in-period requests received early enough to close after
    /// the limit before the export day; late closings are spread over those only.
    init(
        configuration c: SampleDropConfiguration, hierarchy: SampleHierarchy, profiles: SampleProfiles,
        gridResidents: [Int], lateableShare: Double, rng: inout SampleRandom
    ) {
        let grids = hierarchy.grids.count
        let communities = hierarchy.communities.count
        gridPosition = Array(0..<grids) + Array(repeating: -1, count: communities)
        communityPosition = hierarchy.communityOfGrid + Array(0..<communities)
        let slots = grids + communities

        // Rows: grids by residents and request volume, the escalated share by community residents.
        var communityResidents = Array(repeating: 0, count: communities)
        for g in 0..<grids { communityResidents[hierarchy.communityOfGrid[g]] += gridResidents[g] }
        let escalated = c.requests * Self.escalatedPercent / 100
        let gridWeights = (0..<grids).map { max(1, gridResidents[$0] * profiles.requestVolume[$0] / 1000) }
        let rows =
            SampleRandom.apportion(c.requests - escalated, weights: gridWeights)
            + SampleRandom.apportion(escalated, weights: communityResidents.map { max(1, $0) })
        self.rows = rows
        let difficulty =
            (0..<grids).map { profiles.difficulty(grid: $0) }
            + (0..<communities).map { profiles.escalatedDifficulty(community: $0) }
        quickClosingPercent =
            (0..<grids).map { SampleProfiles.gridQuickClosingPercent[profiles.tier[$0].rawValue] }
            + Array(repeating: SampleProfiles.escalatedQuickClosingPercent, count: communities)

        // Statuses: the unsettled requests by difficulty; open ones where it is highest, then
        // explained ones, and the rest are still in progress.
        let statuses = c.effectiveRequestStatuses
        let unsettled = SampleRandom.apportion(
            statuses.total - statuses.resolved,
            weights: (0..<slots).map { rows[$0] * difficulty[$0] }, caps: rows)
        let open = SampleRandom.apportion(
            statuses.open, weights: (0..<slots).map { unsettled[$0] * difficulty[$0] },
            caps: unsettled)
        let rest = (0..<slots).map { unsettled[$0] - open[$0] }
        let explained = SampleRandom.apportion(statuses.explained, weights: rest, caps: rest)
        var left: [Int] = []
        for s in 0..<slots {
            left += [rows[s] - unsettled[s], rest[s] - explained[s], explained[s], open[s]]
        }
        statusLeft = left

        // Late closings: the city's share, weighted by difficulty over the resolved requests.
        let resolved = (0..<slots).map { left[4 * $0] }
        let resolvedTotal = resolved.reduce(0, +)
        let weightedResolved = (0..<slots).reduce(0.0) { $0 + Double(resolved[$1]) * Double(difficulty[$1]) }
        let late = Double(c.lateResolvedPerMille) / 1000 / max(lateableShare, 0.01)
        lateChance = difficulty.map { d in
            weightedResolved == 0 ? 0 : min(1, late * Double(d) * Double(resolvedTotal) / weightedResolved)
        }

        // Dissatisfied answers: the city's share of the expected answers, weighted by status and
        // by the unit's dissatisfaction weight.
        let dissatisfaction =
            (0..<grids).map { profiles.dissatisfaction(grid: $0) }
            + (0..<communities).map { profiles.escalatedDissatisfaction(community: $0) }
        var answers = 0.0
        var weightedAnswers = 0.0
        for s in 0..<slots {
            let unitFactor = Double(dissatisfaction[s]) / 1000
            for status in 0..<4 {
                let expected = Double(left[4 * s + status]) * Double(Self.answeredPercent[status]) / 100
                answers += expected
                weightedAnswers += expected * Self.dissatisfactionFactor[status] * unitFactor
            }
        }
        let scale = weightedAnswers == 0 ? 0 : Double(c.dissatisfiedPerMille) / 1000 * answers / weightedAnswers
        dissatisfactionChance = dissatisfaction.map { scale * Double($0) / 1000 }

        lateCarry = (0..<slots).map { _ in Double(rng.below(1 << 20)) / Double(1 << 20) }
        dissatisfactionCarry = (0..<slots).map { _ in Double(rng.below(1 << 20)) / Double(1 << 20) }
    }

    /// The status of the next request of `slot`, drawn without replacement from its counts.
    mutating func nextStatus(slot: Int, rng: inout SampleRandom) -> Int {
        let base = 4 * slot
        let total = statusLeft[base] + statusLeft[base + 1] + statusLeft[base + 2] + statusLeft[base + 3]
        var pick = rng.below(total)
        var status = 0
        while pick >= statusLeft[base + status] {
            pick -= statusLeft[base + status]
            status += 1
        }
        statusLeft[base + status] -= 1
        return status
    }

    /// Whether the next resolved request of `slot` closes after the limit. `canBeLate` is false
    /// when the export day comes before the limit would pass: such a request is on time and
    /// does not count toward the unit's late share.
    mutating func closesLate(slot: Int, canBeLate: Bool) -> Bool {
        guard canBeLate else { return false }
        lateCarry[slot] += lateChance[slot]
        if lateCarry[slot] >= 1 {
            lateCarry[slot] -= 1
            return true
        }
        return false
    }

    /// Whether the next answered request of `slot`, in `status`, is dissatisfied.
    mutating func dissatisfied(slot: Int, status: Int) -> Bool {
        let chance = min(1, dissatisfactionChance[slot] * Self.dissatisfactionFactor[status])
        dissatisfactionCarry[slot] += chance
        if dissatisfactionCarry[slot] >= 1 {
            dissatisfactionCarry[slot] -= 1
            return true
        }
        return false
    }
}
