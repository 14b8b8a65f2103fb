/// Writes the `grids` snapshot: one row per grid, with the configured exact sums of building party
/// groups, party-member households and grid workers and the configured number of grid party
/// branches. Grids are the city's persistent ones (`SampleProfiles`): the same grids are large or
/// small, and the same ones lack a branch, in every quarter.
///
/// In a messy drop the file uses Chinese headers, CRLF line endings, mixed boolean spellings and
/// some full-width or thousands-separated numbers.
enum GridsWriter {
    static func write(_ context: GenerationContext) throws {
        let c = context.configuration
        let hierarchy = context.hierarchy
        var rng = context.random(10)
        let n = hierarchy.grids.count
        let profiles = context.profiles

        // The city's persistent grids, grown by the configured share; a few families moved.
        let households = (0..<n).map {
            profiles.households(grid: $0, growthPerMille: c.householdGrowthPerMille, jitter: rng.int(in: -3...3))
        }
        let residents = (0..<n).map { households[$0] * profiles.residentsPerHundredHouseholds[$0] / 100 }
        var hasBranch = Array(repeating: true, count: n)
        for g in profiles.branchOrder.prefix(n - (c.gridsWithPartyBranch ?? n)) { hasBranch[g] = false }
        let groups =
            c.buildingPartyGroups.map { SampleRandom.apportion($0, weights: profiles.buildingGroupWeight) }
            ?? profiles.defaultBuildingGroups
        let memberHouseholds =
            c.partyMemberHouseholds.map { SampleRandom.apportion($0, weights: profiles.memberHouseholdWeight) }
            ?? profiles.defaultMemberHouseholds
        let partyMembers = (0..<n).map { memberHouseholds[$0] + profiles.extraPartyMembers[$0] }
        let workers = profiles.workers(total: c.gridWorkers)

        let pool = BytePool()
        let ids = hierarchy.grids.map { pool.field(hierarchy.units[$0].id) }
        pool.freeze()
        let messy = c.messy
        let out = try CSVFileWriter(
            folder: context.folder, name: "grids.csv", dataset: "grids",
            encoding: .utf8, crlf: messy, pool: pool)
        try out.header(
            messy
                ? ["网格编码", "户数", "常住人口", "党员人数", "楼栋党小组数", "党员中心户数", "是否建立网格党支部", "网格员数"]
                : [
                    "grid_id", "households", "residents", "party_members", "building_party_groups",
                    "party_member_households", "has_party_branch", "grid_workers",
                ])
        for g in 0..<n {
            out.slice(ids[g])
            out.comma()
            out.count(households[g], messy: messy, rng: &rng)
            out.comma()
            out.count(residents[g], messy: messy, rng: &rng)
            out.comma()
            out.count(partyMembers[g], messy: messy, rng: &rng)
            out.comma()
            out.count(groups[g], messy: messy, rng: &rng)
            out.comma()
            out.count(memberHouseholds[g], messy: messy, rng: &rng)
            out.comma()
            out.boolean(hasBranch[g], messy: messy, rng: &rng)
            out.comma()
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
