/// Writes the `property_companies` snapshot: the configured number of companies, of which exactly
/// the configured number have a party organisation or an instructor, managing exactly the
/// configured number of estates, each attached to a community. The companies are the city's
/// persistent ones (`SampleCompanies`), so a later quarter keeps every earlier organisation.
///
/// In a messy drop this is the file "saved by Excel on a Chinese Windows machine": GB18030, CRLF,
/// Chinese headers and Chinese organisation-type words.
enum PropertyCompaniesWriter {
    static func write(_ context: GenerationContext) throws {
        let c = context.configuration
        let hierarchy = context.hierarchy
        var rng = context.random(20)
        let n = c.propertyCompanies
        let messy = c.messy

        // The city's persistent companies; which are organised follows their fixed order.
        let companies = SampleCompanies(
            count: n, hierarchy: hierarchy, profiles: context.profiles,
            hierarchySeed: c.hierarchySeed)
        let ids = companies.ids
        let names = companies.names
        let community = companies.community
        let estates = companies.estates(total: c.estatesManaged)
        let organised = companies.partyOrganisations(c.propertyPartyOrgs)
        let instructor = companies.instructors(c.propertyInstructors, organised: organised)
        let orgType = (0..<n).map { organised[$0] ? companies.partyOrgType[$0] : -1 }

        let pool = BytePool()
        let idSlices = ids.map { pool.field($0) }
        let nameSlices = names.map { pool.field($0) }
        let orgTypes = SynonymSlices(
            pool: pool,
            values: SampleVocabulary.partyOrgTypes.map { ($0.canonical, $0.synonyms) }
                + [SampleVocabulary.noPartyOrg])
        let missing = SampleVocabulary.missing.map { pool.field($0) }
        let picker = UnitReferencePicker(
            hierarchy: hierarchy, pool: pool, messy: messy,
            gridId: false, unitId: true, community: messy, street: messy)
        pool.freeze()

        let out = try CSVFileWriter(
            folder: context.folder, name: "property_companies.csv", dataset: "property_companies",
            encoding: messy ? .gb18030 : .utf8, crlf: messy, pool: pool)
        try out.header(
            messy
                ? [
                    "统一社会信用代码", "物业企业名称", "单位编码", "所属街道", "所属社区", "在管小区数", "党组织组建方式",
                    "是否选派党建指导员", "党员数",
                ]
                : [
                    "company_id", "company_name", "unit_id", "estates_managed", "party_org_type", "has_instructor",
                    "party_members",
                ])
        let noneIndex = SampleVocabulary.partyOrgTypes.count
        for i in 0..<n {
            let reference = picker.community(community[i], rng: &rng)
            let members = orgType[i] >= 0 ? rng.int(in: 3...12) : rng.int(in: 0...2)
            let membersMissing = messy && rng.chance(15)
            out.slice(idSlices[i])
            out.comma()
            out.slice(nameSlices[i])
            out.comma()
            out.slice(reference.unitId)
            out.comma()
            if messy {
                out.slice(reference.street)
                out.comma()
                out.slice(reference.community)
                out.comma()
            }
            out.count(estates[i], messy: messy, rng: &rng)
            out.comma()
            out.slice(orgTypes.pick(orgType[i] >= 0 ? orgType[i] : noneIndex, messy: messy, rng: &rng))
            out.comma()
            out.boolean(instructor[i], messy: messy, rng: &rng)
            out.comma()
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
