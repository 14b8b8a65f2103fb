/// Writes the `services` dataset: service records over the "seven colours" categories, spread over
/// the configured quarters, plus a few records dated in the quarter before (out-of-period warnings).
///
/// Three quarters of the records are the grids' own activities (a grid party branch's monthly
/// activity, seed 000: "依托主题党日活动,开展…服务"), shared out over grids by residents and by how
/// active each grid is (`SampleProfiles`); the rest belong to the communities' "seven colours"
/// teams (seed 004), by community residents and standing. Each unit gets exactly its share, so
/// `services_per_1000_residents` differs between units by how active they are, not by chance.
///
/// In a messy drop the headers mix a full-width name (`ｓｅｒｖｉｃｅ＿ｉｄ`) and one padded with
/// spaces, dates are mostly `2022.4.26`, units are named by grid id or community name or alias
/// with the street, and provider and category are Chinese words.
enum ServicesWriter {
    /// Share (per cent) of in-period services recorded at grids.
    static let gridPercent = 75

    /// In-period services per slot: grids (hierarchy order), then communities.
    static func quotas(_ context: GenerationContext) -> [Int] {
        let hierarchy = context.hierarchy
        let profiles = context.profiles
        let residents = context.gridResidents
        var communityResidents = Array(repeating: 0, count: hierarchy.communities.count)
        for (g, community) in hierarchy.communityOfGrid.enumerated() { communityResidents[community] += residents[g] }
        let total = context.configuration.services
        let atGrids = total * gridPercent / 100
        let gridWeights = residents.indices.map { max(1, residents[$0] * profiles.serviceActivity[$0] / 1000) }
        let communityWeights = communityResidents.indices.map {
            max(1, communityResidents[$0] * SampleProfiles.communityServiceActivity[profiles.standing[$0].rawValue] / 1000)
        }
        return SampleRandom.apportion(atGrids, weights: gridWeights)
            + SampleRandom.apportion(total - atGrids, weights: communityWeights)
    }

    static func write(_ context: GenerationContext) throws {
        let c = context.configuration
        let hierarchy = context.hierarchy
        let calendar = context.calendar
        let messy = c.messy
        var rng = context.random(30)

        let pool = BytePool()
        let dates = DateTable(from: calendar.first, through: calendar.last, pool: pool)
        let providers = SynonymSlices(pool: pool, values: SampleVocabulary.providerTypes.map { ($0.canonical, $0.synonyms) })
        let categories = SynonymSlices(pool: pool, values: SampleVocabulary.sevenColours.map { ($0.canonical, $0.synonyms) })
        let missing = SampleVocabulary.missing.map { pool.field($0) }
        let prefix = pool.raw("FW")
        let picker = UnitReferencePicker(
            hierarchy: hierarchy, pool: pool, messy: messy,
            gridId: messy, unitId: !messy, community: messy, street: messy)
        pool.freeze()
        let providerWeights = SampleVocabulary.providerTypes.map(\.weight)
        let categoryWeights = SampleVocabulary.sevenColours.map(\.weight)
        let quarterKeys = calendar.quarterKeys()
        var buckets: [Int: [SampleServiceTotals]] = [:]
        for key in Set(quarterKeys) { buckets[key] = Array(repeating: SampleServiceTotals(), count: hierarchy.units.count) }

        let out = try CSVFileWriter(
            folder: context.folder, name: "services.csv", dataset: "services",
            encoding: .utf8, crlf: false, pool: pool)
        try out.header(
            messy
                ? ["ｓｅｒｖｉｃｅ＿ｉｄ", " 服务日期 ", "网格编号", "所属社区", "所属街道", "服务主体类型", "服务类别", "志愿者人次", "受益人次"]
                : ["service_id", "date", "unit_id", "provider_type", "category", "volunteers", "beneficiaries"])

        let total = c.outOfPeriodServices + c.services
        let idWidth = max(4, String(total).count)
        let previous = calendar.previousQuarterDays
        let lateDays = max(previous.lowerBound, previous.upperBound - 20)..<previous.upperBound
        let outDays = (0..<c.outOfPeriodServices).map { _ in lateDays.lowerBound + rng.below(lateDays.count) }.sorted()
        let inDays = calendar.inPeriodDays
        let gridCount = hierarchy.grids.count
        var slots = QuotaSampler(quotas: quotas(context))

        for row in 0..<total {
            let outOfPeriod = row < c.outOfPeriodServices
            let day =
                outOfPeriod
                ? outDays[row]
                : inDays[(row - c.outOfPeriodServices) * inDays.count / max(c.services, 1)]
            var style = DateStyle.iso
            var time = TimeStyle.none
            if messy {
                style = .dot
                if rng.chance(10) {
                    style = DateStyle(rawValue: rng.below(DateStyle.allCases.count))!
                    time = TimeStyle(rawValue: rng.below(TimeStyle.allCases.count))!
                }
            }
            let seconds = 8 * 3600 + rng.below(10 * 3600)
            let attachedToGrid: Bool
            let g: Int
            let community: Int
            if outOfPeriod {
                attachedToGrid = rng.chance(gridPercent)
                g = rng.below(gridCount)
                community = hierarchy.communityOfGrid[g]
            } else {
                let slot = slots.draw(&rng)
                attachedToGrid = slot < gridCount
                g = attachedToGrid ? slot : -1
                community = attachedToGrid ? hierarchy.communityOfGrid[slot] : slot - gridCount
            }
            let reference = attachedToGrid ? picker.grid(g, rng: &rng) : picker.community(community, rng: &rng)
            let unit = attachedToGrid ? hierarchy.grids[g] : hierarchy.communities[community]
            let provider = rng.weighted(providerWeights)
            let category = rng.weighted(categoryWeights)
            let volunteers = rng.int(in: 1...30)
            let beneficiaries = rng.chance(2) ? rng.int(in: 1000...3000) : rng.int(in: 5...300)
            let volunteersMissing = messy && rng.chance(3)
            let beneficiariesMissing = messy && rng.chance(2)

            if outOfPeriod {
                context.outOfPeriod.append(
                    SampleRowLocation(
                        dataset: "services", file: out.name, line: out.line, column: "date",
                        value: dates.text(day: day, style: style, time: time, seconds: seconds)))
            }
            out.slice(prefix)
            out.slice(dates.compact(day: day))
            out.int(row + 1, width: idWidth)
            out.comma()
            dates.write(day: day, style: style, time: time, seconds: seconds, to: out)
            out.comma()
            if messy {
                out.slice(reference.gridId)
                out.comma()
                out.slice(reference.community)
                out.comma()
                out.slice(reference.street)
                out.comma()
            } else {
                out.slice(reference.unitId)
                out.comma()
            }
            out.slice(providers.pick(provider, messy: messy, rng: &rng))
            out.comma()
            out.slice(categories.pick(category, messy: messy, rng: &rng))
            out.comma()
            if volunteersMissing {
                out.missing(messy: messy, rng: &rng, markers: missing)
            } else {
                out.count(volunteers, messy: messy, rng: &rng)
            }
            out.comma()
            if beneficiariesMissing {
                out.missing(messy: messy, rng: &rng, markers: missing)
            } else {
                out.count(beneficiaries, messy: messy, rng: &rng)
            }
            try out.endRecord()

            let key = quarterKeys[day]
            buckets[key]![unit].delivered += 1
            buckets[key]![unit].volunteers += volunteersMissing ? 0 : volunteers
            buckets[key]![unit].beneficiaries += beneficiariesMissing ? 0 : beneficiaries
        }
        context.files.append(try out.finish())
        for (key, totals) in buckets { context.serviceTotals[key] = totals }
    }
}
