/// Writes the `grids` snapshot: one row per grid, with the configured exact sums of building party
/// groups and party-member households and the configured number of grid party branches.
///
/// In a messy drop the file uses Chinese headers, CRLF line endings, mixed boolean spellings and
/// some full-width or thousands-separated numbers.
enum GridsWriter {
    static func write(_ context: GenerationContext) throws {
        let c = context.configuration
        let hierarchy = context.hierarchy
        var rng = context.random(10)
        let n = hierarchy.grids.count

        let households = (0..<n).map { _ in rng.int(in: 180...720) }
        let residents = households.map { $0 * rng.int(in: 230...310) / 100 }
        var hasBranch = Array(repeating: true, count: n)
        var withoutBranch = Array(0..<n)
        rng.shuffle(&withoutBranch)
        for g in withoutBranch.prefix(n - (c.gridsWithPartyBranch ?? n)) { hasBranch[g] = false }
        let groups: [Int]
        if let total = c.buildingPartyGroups {
            groups = SampleRandom.apportion(total, weights: households.map { $0 * rng.int(in: 60...140) })
        } else {
            groups = (0..<n).map { _ in rng.int(in: 1...5) }
        }
        let memberHouseholds: [Int]
        if let total = c.partyMemberHouseholds {
            memberHouseholds = SampleRandom.apportion(total, weights: households.map { $0 * rng.int(in: 70...130) })
        } else {
            memberHouseholds = (0..<n).map { _ in rng.int(in: 8...40) }
        }
        let partyMembers = memberHouseholds.map { $0 + rng.int(in: 3...30) }
        let workers = (0..<n).map { _ in rng.weighted([0, 70, 25, 5]) }

        let pool = BytePool()
        let ids = hierarchy.grids.map { pool.field(hierarchy.units[$0].id) }
        pool.freeze()
        let messy = c.messy
        let out = try CSVFileWriter(folder: context.folder, name: "grids.csv", dataset: "grids",
                                    encoding: .utf8, crlf: messy, pool: pool)
        try out.header(messy
            ? ["网格编码", "户数", "常住人口", "党员人数", "楼栋党小组数", "党员中心户数", "是否建立网格党支部", "网格员数"]
            : ["grid_id", "households", "residents", "party_members", "building_party_groups",
               "party_member_households", "has_party_branch", "grid_workers"])
        for g in 0..<n {
            out.slice(ids[g]); out.comma()
            out.count(households[g], messy: messy, rng: &rng); out.comma()
            out.count(residents[g], messy: messy, rng: &rng); out.comma()
            out.count(partyMembers[g], messy: messy, rng: &rng); out.comma()
            out.count(groups[g], messy: messy, rng: &rng); out.comma()
            out.count(memberHouseholds[g], messy: messy, rng: &rng); out.comma()
            out.boolean(hasBranch[g], messy: messy, rng: &rng); out.comma()
            out.count(workers[g], messy: messy, rng: &rng)
            try out.endRecord()

            var t = SampleGridTotals()
            t.grids = 1
            t.partyBranches = hasBranch[g] ? 1 : 0
            t.buildingPartyGroups = groups[g]
            t.partyMemberHouseholds = memberHouseholds[g]
            t.partyMembers = partyMembers[g]
            t.households = households[g]
            t.residents = residents[g]
            t.gridWorkers = workers[g]
            context.gridTotals[hierarchy.grids[g]] = context.gridTotals[hierarchy.grids[g]] + t
        }
        context.files.append(try out.finish())
    }
}
