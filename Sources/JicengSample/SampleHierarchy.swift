/// The synthetic city: root → one district → streets → communities → grids, with index tables
/// the row writers need (the street of a community, the community of a grid, ancestors).
///
/// It exists apart from the writers because every dataset refers to the same units and the
/// summary rolls expected totals up the same tree. It depends only on the hierarchy seed and the
/// unit counts, so drops of different quarters of one city share it exactly.
struct SampleHierarchy {
    var units: [SampleUnit] = []
    /// Parent index per unit; -1 for the root.
    var parent: [Int] = []
    /// Alias separator per unit (`;` or `；`).
    var aliasSeparator: [String] = []
    var streets: [Int] = []
    var communities: [Int] = []
    var grids: [Int] = []
    /// For each community (by position in `communities`): the position of its street in `streets`.
    var streetOfCommunity: [Int] = []
    /// For each grid (by position in `grids`): the position of its community in `communities`.
    var communityOfGrid: [Int] = []
    /// Communities (by position) whose name is shared with another community.
    var ambiguousCommunityName: [Bool] = []

    init(configuration c: SampleDropConfiguration) {
        var rng = SampleRandom(seed: c.hierarchySeed, stream: 1)
        let code = SampleNames.cityCode
        add(SampleUnit(id: code + "000000", name: SampleNames.city, level: .city, parentId: nil, aliases: [], type: "市"), parent: -1)
        add(
            SampleUnit(
                id: code + "100000", name: SampleNames.district, level: .district, parentId: units[0].id,
                aliases: ["城区"], type: "城区"), parent: 0)
        let district = 1

        var streetCodes: [String] = []
        for s in 0..<c.streets {
            let named = s < SampleNames.streets.count ? SampleNames.streets[s] : ("第\(SampleNames.chineseNumber(s + 1))街道", [])
            let streetCode = code + pad(s + 1, 3)
            streetCodes.append(streetCode)
            streets.append(units.count)
            add(
                SampleUnit(
                    id: streetCode + "000", name: named.0, level: .street, parentId: units[district].id,
                    aliases: named.1, type: "街道"), parent: district)
        }

        // Communities per street: as even as possible, earlier streets take the remainder (7 + 6).
        let perStreet = SampleRandom.apportion(c.communities, weights: Array(repeating: 1, count: c.streets))
        var extraPool = SampleNames.moreCommunities.makeIterator()
        var numbered = 0
        for s in 0..<c.streets {
            let count = perStreet[s]
            var names: [(name: String, aliases: [String], separator: String)]
            switch s {
            case 0: names = SampleNames.firstStreetCommunities
            case 1: names = SampleNames.secondStreetCommunities
            default: names = []
            }
            if s <= 1 && count < names.count {
                // Keep the shared name (last entry) whatever the count.
                names = Array(names.prefix(count - 1)) + [names[names.count - 1]]
            }
            while names.count < count {
                if let next = extraPool.next() {
                    names.append((next, [], ";"))
                } else {
                    numbered += 1
                    names.append(("第\(SampleNames.chineseNumber(numbered))社区", [], ";"))
                }
            }
            for k in 0..<count {
                communities.append(units.count)
                streetOfCommunity.append(s)
                add(
                    SampleUnit(
                        id: streetCodes[s] + pad(k + 1, 3), name: names[k].name, level: .community,
                        parentId: units[streets[s]].id, aliases: names[k].aliases, type: "社区"),
                    parent: streets[s], separator: names[k].separator)
            }
        }
        var nameCounts: [String: Int] = [:]
        for u in communities { nameCounts[units[u].name, default: 0] += 1 }
        ambiguousCommunityName = communities.map { nameCounts[units[$0].name]! > 1 }

        // Grids per community: at least one each, the rest by random weights.
        let weights = communities.map { _ in rng.int(in: 60...140) }
        let extra = SampleRandom.apportion(c.grids - c.communities, weights: weights)
        for (position, community) in communities.enumerated() {
            let shortName =
                units[community].name.hasSuffix("社区")
                ? String(units[community].name.dropLast(2)) : units[community].name
            for k in 0..<(1 + extra[position]) {
                let isEstate = rng.chance(35)
                let name =
                    isEstate
                    ? rng.element(SampleNames.estatePrefixes) + rng.element(SampleNames.estateSuffixes)
                    : shortName + "第" + SampleNames.chineseNumber(k + 1) + "网格"
                grids.append(units.count)
                communityOfGrid.append(position)
                add(
                    SampleUnit(
                        id: units[community].id + "-" + pad(k + 1, 3), name: name, level: .grid,
                        parentId: units[community].id, aliases: [], type: isEstate ? "小区" : "网格"),
                    parent: community)
            }
        }
    }

    private mutating func add(_ unit: SampleUnit, parent p: Int, separator: String = ";") {
        units.append(unit)
        parent.append(p)
        aliasSeparator.append(separator)
    }

    /// The unit itself and its ancestors up to the root, by index.
    func lineage(of unit: Int) -> [Int] {
        var chain: [Int] = []
        var current = unit
        while current >= 0 {
            chain.append(current)
            current = parent[current]
        }
        return chain
    }
}

/// Zero-padded decimal text.
func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
