/// Writes the `property_companies` snapshot: the configured number of companies, of which exactly
/// the configured number have a party organisation or an instructor, managing exactly the
/// configured number of estates, each attached to a community.
///
/// In a messy drop this is the file "saved by Excel on a Chinese Windows machine": GB18030, CRLF,
/// Chinese headers and Chinese organisation-type words.
enum PropertyCompaniesWriter {
    private static let creditCodeCharacters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    static func write(_ context: GenerationContext) throws {
        let c = context.configuration
        let hierarchy = context.hierarchy
        var rng = context.random(20)
        let n = c.propertyCompanies
        let messy = c.messy

        var ids: [String] = []
        var seen = Set<String>()
        while ids.count < n {
            var code = "9142" + "1081"
            for _ in 0..<10 { code.append(rng.element(creditCodeCharacters)) }
            if seen.insert(code).inserted { ids.append(code) }
        }
        var cores = SampleNames.companyCores
        rng.shuffle(&cores)
        let names = (0..<n).map { i in
            SampleNames.city + cores[i % cores.count] + (i >= cores.count ? String(i / cores.count + 1) : "")
                + rng.element(SampleNames.companyForms)
        }
        let community = (0..<n).map { _ in rng.below(hierarchy.communities.count) }
        let estates = n == 0 ? [] : SampleRandom.apportion(c.estatesManaged - n, weights: (0..<n).map { _ in rng.int(in: 1...10) })
            .map { $0 + 1 }
        var order = Array(0..<n)
        rng.shuffle(&order)
        var orgType = Array(repeating: -1, count: n)
        for i in order.prefix(c.propertyPartyOrgs) {
            orgType[i] = rng.weighted(SampleVocabulary.partyOrgTypes.map(\.weight))
        }
        rng.shuffle(&order)
        var instructor = Array(repeating: false, count: n)
        for i in order.prefix(c.propertyInstructors) { instructor[i] = true }

        let pool = BytePool()
        let idSlices = ids.map { pool.field($0) }
        let nameSlices = names.map { pool.field($0) }
        let orgTypes = SynonymSlices(pool: pool, values: SampleVocabulary.partyOrgTypes.map { ($0.canonical, $0.synonyms) }
                                     + [SampleVocabulary.noPartyOrg])
        let missing = SampleVocabulary.missing.map { pool.field($0) }
        let picker = UnitReferencePicker(hierarchy: hierarchy, pool: pool, messy: messy,
                                         gridId: false, unitId: true, community: messy, street: messy)
        pool.freeze()

        let out = try CSVFileWriter(folder: context.folder, name: "property_companies.csv", dataset: "property_companies",
                                    encoding: messy ? .gb18030 : .utf8, crlf: messy, pool: pool)
        try out.header(messy
            ? ["统一社会信用代码", "物业企业名称", "单位编码", "所属街道", "所属社区", "在管小区数", "党组织组建方式",
               "是否选派党建指导员", "党员数"]
            : ["company_id", "company_name", "unit_id", "estates_managed", "party_org_type", "has_instructor",
               "party_members"])
        let noneIndex = SampleVocabulary.partyOrgTypes.count
        for i in 0..<n {
            let reference = picker.community(community[i], rng: &rng)
            let members = orgType[i] >= 0 ? rng.int(in: 3...12) : rng.int(in: 0...2)
            let membersMissing = messy && rng.chance(15)
            out.slice(idSlices[i]); out.comma()
            out.slice(nameSlices[i]); out.comma()
            out.slice(reference.unitId); out.comma()
            if messy {
                out.slice(reference.street); out.comma()
                out.slice(reference.community); out.comma()
            }
            out.count(estates[i], messy: messy, rng: &rng); out.comma()
            out.slice(orgTypes.pick(orgType[i] >= 0 ? orgType[i] : noneIndex, messy: messy, rng: &rng)); out.comma()
            out.boolean(instructor[i], messy: messy, rng: &rng); out.comma()
            if membersMissing {
                out.missing(messy: messy, rng: &rng, markers: missing)
            } else {
                out.count(members, messy: messy, rng: &rng)
            }
            try out.endRecord()

            let unit = hierarchy.communities[community[i]]
            var t = SampleCompanyTotals()
            t.companies = 1
            t.partyOrgs = orgType[i] >= 0 ? 1 : 0
            t.instructors = instructor[i] ? 1 : 0
            t.partyWork = (orgType[i] >= 0 || instructor[i]) ? 1 : 0
            t.estatesManaged = estates[i]
            t.partyMembers = membersMissing ? 0 : members
            context.companyTotals[unit] = context.companyTotals[unit] + t
        }
        context.files.append(try out.finish())
    }
}
