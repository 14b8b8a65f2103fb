/// What makes the units of the synthetic city differ from one another, and stay different from
/// one quarter to the next: how well each community and grid is run, each grid's size, and the
/// order in which grids found party branches and gain grid workers.
///
/// It exists so that report cards carry signal. Requests spread evenly over grids of ~15 requests
/// a quarter give rates that differ by chance alone, so a target of 91% turns half the grids red
/// at random. Here most grids are well run and a few are not, persistently, the way leadership
/// expects: the same lagging grids and communities show up quarter after quarter while the city
/// as a whole improves. Everything is drawn from the hierarchy seed, never from the row seed, so
/// drops of different quarters of one city share it.
struct SampleProfiles {
    /// How well a grid is run, best first.
    enum GridTier: Int, CaseIterable {
        case excellent, good, lagging, failing
    }

    /// How well a community is run as a whole, best first.
    enum Standing: Int, CaseIterable {
        case strong, average, lagging
    }

    /// Chance (per cent) of each grid tier, per community standing: a strong community has few
    /// weak grids, a lagging one many.
    static let tierPercent: [[Int]] = [
        [70, 25, 5, 0],  // strong
        [45, 35, 15, 5],  // average
        [10, 30, 35, 25],  // lagging
    ]
    /// Relative weight (per mille) of bad outcomes — unresolved, late, dissatisfied — per grid
    /// tier; the drop's totals decide the absolute rates.
    static let gridDifficulty = [200, 500, 1000, 3000]
    /// The same for requests handled at the community itself: the ones a grid could not settle
    /// and passed up (seed 004: "网格(小区)党支部—社区党建联席会议—…的递进层级逐一解决"), so harder.
    static let escalatedDifficulty = [2400, 3000, 4500]
    /// Relative weight (per mille) of a dissatisfied answer, per grid tier and, for escalated
    /// requests, per community standing: residents of well-run grids are rarely dissatisfied,
    /// and dissatisfaction gathers where requests go unsettled.
    static let gridDissatisfaction = [80, 300, 1000, 3000]
    static let escalatedDissatisfaction = [2400, 3000, 3000]
    /// Requests per resident (per mille, before a ±15% spread): weaker grids, often older estates,
    /// hear more complaints.
    static let gridRequestVolume = [900, 1000, 1150, 1300]
    /// Service activities per resident (per mille, before a ±10% spread), per grid tier and per
    /// community standing (the community's own "seven colours" teams).
    static let gridServiceActivity = [1150, 1050, 850, 600]
    static let communityServiceActivity = [1100, 900, 550]
    /// Share (per cent) of on-time closings done within a week, per grid tier; escalated requests
    /// take longer.
    static let gridQuickClosingPercent = [75, 65, 55, 45]
    static let escalatedQuickClosingPercent = 50

    /// Per community position.
    let standing: [Standing]
    /// Per grid position (the order of `SampleHierarchy.grids`).
    let tier: [GridTier]
    let baseHouseholds: [Int]
    /// Residents per hundred households (230…310).
    let residentsPerHundredHouseholds: [Int]
    /// Per mille, tier and spread together.
    let requestVolume: [Int]
    let serviceActivity: [Int]
    /// Weights of a grid's share of the city's building party groups and party-member households.
    let buildingGroupWeight: [Int]
    let memberHouseholdWeight: [Int]
    /// Figures used when a configuration gives no exact sums.
    let defaultBuildingGroups: [Int]
    let defaultMemberHouseholds: [Int]
    /// Party members beyond the party-member households.
    let extraPartyMembers: [Int]
    /// Grid positions, those that found a party branch last first (failing grids first).
    let branchOrder: [Int]
    let baseWorkers: [Int]
    /// Grid positions in the order they gain a grid worker (and lose one, backwards).
    let workerOrder: [Int]

    init(hierarchy: SampleHierarchy, hierarchySeed: UInt64) {
        var rng = SampleRandom(seed: hierarchySeed, stream: 2)
        let communityCount = hierarchy.communities.count
        var positions = Array(0..<communityCount)
        rng.shuffle(&positions)
        let lagging = communityCount < 3 ? 0 : max(1, (communityCount * 15 + 50) / 100)
        let average = communityCount < 3 ? 0 : max(1, (communityCount * 23 + 50) / 100)
        var standing = Array(repeating: Standing.strong, count: communityCount)
        for (rank, position) in positions.enumerated() {
            if rank < lagging { standing[position] = .lagging } else if rank < lagging + average { standing[position] = .average }
        }
        self.standing = standing

        let n = hierarchy.grids.count
        var tier: [GridTier] = []
        var households: [Int] = []
        var ratio: [Int] = []
        var volume: [Int] = []
        var activity: [Int] = []
        var groupWeight: [Int] = []
        var memberWeight: [Int] = []
        var groups: [Int] = []
        var members: [Int] = []
        var extra: [Int] = []
        var workers: [Int] = []
        var branchKey: [Int] = []
        for g in 0..<n {
            let t = GridTier(rawValue: rng.weighted(Self.tierPercent[standing[hierarchy.communityOfGrid[g]].rawValue]))!
            tier.append(t)
            households.append(rng.int(in: 180...720))
            ratio.append(rng.int(in: 230...310))
            volume.append(Self.gridRequestVolume[t.rawValue] * rng.int(in: 850...1150) / 1000)
            activity.append(Self.gridServiceActivity[t.rawValue] * rng.int(in: 900...1100) / 1000)
            groupWeight.append(households[g] * rng.int(in: 60...140))
            memberWeight.append(households[g] * rng.int(in: 70...130))
            groups.append(rng.int(in: 1...5))
            members.append(rng.int(in: 8...40))
            extra.append(rng.int(in: 3...30))
            workers.append(1 + rng.weighted([70, 25, 5]))
            branchKey.append(rng.below(1 << 30))
        }
        self.tier = tier
        baseHouseholds = households
        residentsPerHundredHouseholds = ratio
        requestVolume = volume
        serviceActivity = activity
        buildingGroupWeight = groupWeight
        memberHouseholdWeight = memberWeight
        defaultBuildingGroups = groups
        defaultMemberHouseholds = members
        extraPartyMembers = extra
        baseWorkers = workers
        branchOrder = (0..<n).sorted { a, b in
            tier[a] != tier[b] ? tier[a].rawValue > tier[b].rawValue : branchKey[a] < branchKey[b]
        }
        var order = Array(0..<n)
        rng.shuffle(&order)
        workerOrder = order
    }

    /// Households of a grid in a drop: the base grown by `growthPerMille`, give or take a few
    /// families that moved (`jitter`, drawn from the drop's own seed).
    func households(grid g: Int, growthPerMille: Int, jitter: Int) -> Int {
        max(1, baseHouseholds[g] + baseHouseholds[g] * growthPerMille / 1000 + jitter)
    }

    /// Grid workers per grid for a city total: the base staffing, plus one more for grids in
    /// `workerOrder` (or one fewer, backwards) until the total is reached; nil keeps the base.
    func workers(total: Int?) -> [Int] {
        var workers = baseWorkers
        guard let total, !workers.isEmpty else { return workers }
        var difference = total - workers.reduce(0, +)
        var k = 0
        while difference > 0 {
            workers[workerOrder[k % workers.count]] += 1
            difference -= 1
            k += 1
        }
        k = 0
        while difference < 0 && workers.contains(where: { $0 > 0 }) {
            let g = workerOrder[workers.count - 1 - k % workers.count]
            if workers[g] > 0 {
                workers[g] -= 1
                difference += 1
            }
            k += 1
        }
        return workers
    }

    /// Difficulty weight (per mille) of requests handled at a grid or at a community itself.
    func difficulty(grid g: Int) -> Int { Self.gridDifficulty[tier[g].rawValue] }
    func escalatedDifficulty(community c: Int) -> Int { Self.escalatedDifficulty[standing[c].rawValue] }
    /// Dissatisfaction weight (per mille) of requests handled at a grid or at a community itself.
    func dissatisfaction(grid g: Int) -> Int { Self.gridDissatisfaction[tier[g].rawValue] }
    func escalatedDissatisfaction(community c: Int) -> Int { Self.escalatedDissatisfaction[standing[c].rawValue] }
}
