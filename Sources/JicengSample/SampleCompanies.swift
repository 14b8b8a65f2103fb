/// The property companies of the synthetic city, the same companies in every quarter: the first
/// n of one fixed list (ids, names, community, size), and the order in which they build party
/// organisations and receive party-building instructors.
///
/// It exists because property companies are a snapshot (a stock): from one quarter to the next
/// the same companies should appear, a new one now and then, and party organisations should only
/// be added. Drawing them afresh per drop would make every company change between quarters.
/// Everything comes from the hierarchy seed; the drop's row seed only varies how cells are spelt.
struct SampleCompanies {
    /// Seed 004's 34 companies; companies after them are newly registered and come last in the
    /// order of building a party organisation.
    static let established = 34
    private static let creditCodeCharacters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    let ids: [String]
    let names: [String]
    /// Community position per company.
    let community: [Int]
    /// Weight of a company's share of the estates managed.
    let estateWeight: [Int]
    /// The kind of party organisation a company builds (index into `SampleVocabulary.partyOrgTypes`).
    let partyOrgType: [Int]
    /// The standing of each community (by position), from the profiles.
    let standing: [SampleProfiles.Standing]
    /// Company indices in the order they build a party organisation: each next one in the
    /// community with the lowest coverage so far, its largest company first.
    let adoptionOrder: [Int]

    init(count n: Int, hierarchy: SampleHierarchy, profiles: SampleProfiles, hierarchySeed: UInt64) {
        var rng = SampleRandom(seed: hierarchySeed, stream: 3)
        var cores = SampleNames.companyCores
        rng.shuffle(&cores)
        var ids: [String] = []
        var names: [String] = []
        var community: [Int] = []
        var weight: [Int] = []
        var orgType: [Int] = []
        let typeWeights = SampleVocabulary.partyOrgTypes.map(\.weight)
        var seen = Set<String>()
        for i in 0..<n {
            var code: String
            repeat {
                code = "9142" + "1081"
                for _ in 0..<10 { code.append(rng.element(Self.creditCodeCharacters)) }
            } while !seen.insert(code).inserted
            ids.append(code)
            names.append(
                SampleNames.city + cores[i % cores.count] + (i >= cores.count ? String(i / cores.count + 1) : "")
                    + rng.element(SampleNames.companyForms))
            community.append(rng.below(hierarchy.communities.count))
            weight.append(rng.int(in: 1...10))
            orgType.append(rng.weighted(typeWeights))
        }
        self.ids = ids
        self.names = names
        self.community = community
        estateWeight = weight
        standing = profiles.standing
        partyOrgType = orgType

        // Each next organisation goes to the community with the lowest coverage so far (strong
        // communities first among equals), to its largest company not yet organised.
        var queues = hierarchy.communities.indices.map { c in
            (0..<min(n, Self.established)).filter { community[$0] == c }.sorted {
                weight[$0] != weight[$1] ? weight[$0] > weight[$1] : $0 < $1
            }
        }
        let sizes = queues.map(\.count)
        var organised = Array(repeating: 0, count: queues.count)
        var order: [Int] = []
        while true {
            let candidates = queues.indices.filter { !queues[$0].isEmpty }
            guard
                let next = candidates.min(by: { a, b in
                    let left = organised[a] * sizes[b]
                    let right = organised[b] * sizes[a]
                    if left != right { return left < right }
                    if profiles.standing[a] != profiles.standing[b] { return profiles.standing[a].rawValue < profiles.standing[b].rawValue }
                    return a < b
                })
            else { break }
            order.append(queues[next].removeFirst())
            organised[next] += 1
        }
        adoptionOrder = order + (n > Self.established ? Array(Self.established..<n) : [])
    }

    /// Estates per company for a city total (each company manages at least one).
    func estates(total: Int) -> [Int] {
        guard !ids.isEmpty else { return [] }
        return SampleRandom.apportion(total - ids.count, weights: estateWeight).map { $0 + 1 }
    }

    /// Which companies have a party organisation when the city has `count` of them.
    func partyOrganisations(_ count: Int) -> [Bool] {
        var has = Array(repeating: false, count: ids.count)
        for i in adoptionOrder.prefix(count) { has[i] = true }
        return has
    }

    /// Which companies have an instructor when the city has `count`: companies without a party
    /// organisation first (an instructor's task is to prepare one), those of strong communities
    /// first and then next in line to organise, so the companies left without either are in the
    /// communities that lag anyway; organised companies last.
    func instructors(_ count: Int, organised: [Bool]) -> [Bool] {
        var has = Array(repeating: false, count: ids.count)
        let rank = Dictionary(uniqueKeysWithValues: adoptionOrder.enumerated().map { ($0.element, $0.offset) })
        let unorganised = adoptionOrder.filter { !organised[$0] }.sorted { a, b in
            let sa = standing[community[a]]
            let sb = standing[community[b]]
            return sa != sb ? sa.rawValue < sb.rawValue : rank[a]! < rank[b]!
        }
        let order = unorganised + adoptionOrder.filter { organised[$0] }
        for i in order.prefix(count) { has[i] = true }
        return has
    }
}
