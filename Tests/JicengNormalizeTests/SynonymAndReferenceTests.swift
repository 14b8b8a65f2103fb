import JicengCore
import JicengPipeline
import Testing

@testable import JicengNormalize

/// The synonym tables of contract §3, typed from the contract (not from the pipeline file).
enum ContractSynonyms {
    static let channel: [String: [String]] = [
        "hotline": ["热线", "市民热线", "12345", "12345热线"],
        "online": ["网络", "网上", "网站", "微信", "民呼我应"],
        "media": ["媒体"],
        "visit": ["走访", "上门", "敲门行动"],
        "letter": ["来信", "来信来访"],
        "other": ["其他"],
    ]
    static let status: [String: [String]] = [
        "resolved": ["已解决", "已办结", "办结", "已回应解决"],
        "in_progress": ["办理中", "正在办理", "跟踪办理", "正在跟踪办理"],
        "explained": ["已解释", "已答复", "暂无法办理", "已做好解释"],
        "open": ["未办理", "待办", "未受理"],
    ]
    static let satisfaction: [String: [String]] = [
        "satisfied": ["满意"],
        "basically_satisfied": ["基本满意"],
        "dissatisfied": ["不满意"],
    ]
    static let providerType: [String: [String]] = [
        "party_member": ["下沉党员", "在职党员", "党员"],
        "co_building_unit": ["共驻共建单位", "共建单位"],
        "volunteer": ["志愿者"],
        "social_org": ["社会组织"],
        "grid_worker": ["网格员"],
        "other": ["其他"],
    ]
    static let category: [String: [String]] = [
        "elderly": ["关爱老人"],
        "culture_sports": ["文化体育"],
        "livelihood": ["民生事务"],
        "youth": ["关心下一代"],
        "security": ["治安维稳"],
        "policy_law": ["政策法规"],
        "women": ["妇女维权"],
        "environment": ["环境整治"],
        "other": ["其他"],
    ]
    static let partyOrgType: [String: [String]] = [
        "standalone": ["单独组建", "单独建立"],
        "joint": ["联合组建", "联合建立"],
        "affiliated": ["挂靠", "挂靠网格党支部"],
        "temporary": ["临时党组织", "临时党支部", "临时党小组"],
        "none": ["未建立", "未组建", "无"],
    ]
    static let level: [String: [String]] = [
        "city": ["市"],
        "district": ["区", "县", "县级市"],
        "street": ["街道", "乡镇", "镇", "乡"],
        "community": ["社区", "村"],
        "grid": ["网格", "小区"],
    ]

    /// (spelling, canonical) pairs: every synonym, the canonical name itself, and its upper-case
    /// and full-width forms (matching folds case and width).
    static func cases(_ table: [String: [String]]) -> [(String, String)] {
        var out: [(String, String)] = []
        for (canonical, synonyms) in table.sorted(by: { $0.key < $1.key }) {
            for s in synonyms { out.append((s, canonical)) }
            out.append((canonical, canonical))
            out.append((canonical.uppercased(), canonical))
            out.append(
                (
                    String(
                        String.UnicodeScalarView(
                            canonical.unicodeScalars.map {
                                $0.value >= 0x21 && $0.value <= 0x7E ? Unicode.Scalar($0.value + 0xFEE0)! : $0
                            })), canonical
                ))
        }
        return out
    }
}

@Suite("Synonyms of contract §3")
struct SynonymTests {
    /// Normalises one row per spelling (spelling in `column`), and checks every row was accepted
    /// with the canonical value.
    private func check(
        _ dataset: String, header: String, column: String, table: [String: [String]],
        row: (String) -> String
    ) throws {
        let cases = ContractSynonyms.cases(table)
        let r = try ntNormalise("\(dataset).csv", [header] + cases.map { row($0.0) }, dataset: dataset)
        #expect(r.findings.isEmpty, "\(r.findings.map { "\($0.line ?? 0) \($0.code) \($0.value ?? "")" })")
        #expect(r.rows.count == cases.count)
        let c = try #require(r.dataset.spec.columns.firstIndex { $0.name == column })
        guard case .enumeration(let e) = r.dataset.spec.columns[c].type else {
            Issue.record("\(column) is not an enumeration")
            return
        }
        // Every canonical value of the contract is a value of the column, and no other.
        #expect(Set(e.values.map(\.name)) == Set(table.keys))
        for row in r.rows {
            let (spelling, canonical) = cases[row.line - 2]
            let code = row.slots[c]
            #expect(code != missingSlot && e.values[Int(code)].name == canonical, "\(spelling) → \(canonical)")
        }
    }

    @Test("requests.channel") func channel() throws {
        try check(
            "requests", header: "request_id,received_at,channel,grid_id,status", column: "channel",
            table: ContractSynonyms.channel
        ) { "R,2022-04-01,\($0),G1,办理中" }
    }

    @Test("requests.status") func status() throws {
        try check(
            "requests", header: "request_id,received_at,channel,grid_id,status,closed_at", column: "status",
            table: ContractSynonyms.status
        ) { "R,2022-04-01,热线,G1,\($0),2022-04-02" }
    }

    @Test("requests.satisfaction") func satisfaction() throws {
        try check(
            "requests", header: "request_id,received_at,channel,grid_id,status,satisfaction", column: "satisfaction",
            table: ContractSynonyms.satisfaction
        ) { "R,2022-04-01,热线,G1,办理中,\($0)" }
    }

    @Test("services.provider_type") func providerType() throws {
        try check(
            "services", header: "service_id,date,grid_id,provider_type,category", column: "provider_type",
            table: ContractSynonyms.providerType
        ) { "V,2022-04-01,G1,\($0),其他" }
    }

    @Test("services.category") func category() throws {
        try check(
            "services", header: "service_id,date,grid_id,provider_type,category", column: "category",
            table: ContractSynonyms.category
        ) { "V,2022-04-01,G1,其他,\($0)" }
    }

    @Test("property_companies.party_org_type") func partyOrgType() throws {
        try check(
            "property_companies", header: "company_id,company_name,unit_id,estates_managed,party_org_type,has_instructor",
            column: "party_org_type", table: ContractSynonyms.partyOrgType
        ) { "P,甲,M1,1,\($0),否" }
    }

    @Test("units.level") func level() throws {
        try check(
            "units", header: "unit_id,name,level,parent_id", column: "level",
            table: ContractSynonyms.level
        ) { "U,单位,\($0),C" }
    }
}

@Suite("Unit references of contract §2")
struct UnitReferenceTests {
    static let header = "request_id,received_at,channel,grid_id,unit_id,community,street,status"

    /// Normalises one request per (grid_id, unit_id, community, street) and returns, per line from
    /// 2, the id of the unit it was attached to, or the code of its finding.
    private func attach(_ refs: [(String, String, String, String)]) throws -> [String] {
        let lines = refs.enumerated().map { i, r in "R\(i),2022-04-01,热线,\(r.0),\(r.1),\(r.2),\(r.3),办理中" }
        let r = try ntNormalise("requests.csv", [Self.header] + lines, dataset: "requests")
        let d = try NT.directory()
        return (0..<refs.count).map { i in
            if let row = r.rows.first(where: { $0.line == i + 2 }) { return d.units[row.unit].id }
            return r.findings.filter { $0.line == i + 2 }.map { "\($0.code.rawValue):\($0.column ?? "")" }.joined(separator: " ")
        }
    }

    @Test("by grid_id and by unit_id (any level), folded")
    func byId() throws {
        let got = try attach([
            ("G1", "", "", ""), ("ｇ３", "", "", ""), ("", "S2", "", ""), ("", "c", "", ""), ("", "Ｍ２", "", ""),
            ("M1", "", "", ""),  // grid_id must name a grid
            ("", "X9", "", ""),
        ])
        #expect(got == ["G1", "G3", "S2", "C", "M2", "unknown-unit:grid_id", "unknown-unit:unit_id"])
    }

    @Test("by community name or alias, with a street name or alias to tell same-named communities apart")
    func byCommunity() throws {
        let got = try attach([
            ("", "", "西门社区", ""),  // name
            ("", "", "老西门", ""),  // alias
            ("", "", "西门社区", "绣林街道"),  // street agrees
            ("", "", "东门", ""),  // alias only M1 has
            ("", "", "东门社区", "绣林街道"),  // name + street
            ("", "", "东门社区", "笔架山"),  // name + street alias
            ("", "", "东门社区", ""),  // ambiguous
            ("", "", "东门社区", "南湖街道"),  // no such street: matches nothing
            ("", "", "西门社区", "笔架山街道"),  // the street contradicts: matches nothing
            ("", "", "北门社区", ""),
        ])
        #expect(
            got == [
                "M2", "M2", "M2", "M1", "M1", "M3", "unknown-unit:community", "unknown-unit:community",
                "unknown-unit:community", "unknown-unit:community",
            ])
    }

    @Test("precedence: the first non-empty of grid_id, unit_id, community is used, with no fallback")
    func precedence() throws {
        let got = try attach([
            ("G1", "S2", "西门社区", ""),
            ("", "S2", "西门社区", ""),
            ("", "", "西门社区", ""),
            ("-", "NULL", "西门社区", ""),  // missing-value markers are empty
            ("G9", "S2", "西门社区", ""),  // grid_id given but wrong: no fallback to unit_id
            ("", "X9", "西门社区", ""),
        ])
        #expect(got == ["G1", "S2", "M2", "M2", "unknown-unit:grid_id", "unknown-unit:unit_id"])
    }
}

@Suite("A street alone places a row (contract v2 §9)")
struct StreetReferenceTests {
    /// (grid_id, unit_id, community, street) → the unit attached, or the finding, as `UnitReferenceTests`.
    private func attach(_ refs: [(String, String, String, String)], directory: UnitDirectory? = nil) throws -> (
        got: [String], result: NTResult
    ) {
        let lines = refs.enumerated().map { i, r in "R\(i),2022-04-01,热线,\(r.0),\(r.1),\(r.2),\(r.3),办理中" }
        let d = try directory ?? NT.directory()
        let r = try ntNormalise("requests.csv", [UnitReferenceTests.header] + lines, dataset: "requests", directory: d)
        let got = (0..<refs.count).map { i in
            if let row = r.rows.first(where: { $0.line == i + 2 }) { return d.units[row.unit].id }
            return r.findings.filter { $0.line == i + 2 }.map { "\($0.code.rawValue):\($0.column ?? "")" }.joined(separator: " ")
        }
        return (got, r)
    }

    @Test("the street is used only when grid_id, unit_id and community are all empty; by name or alias, folded")
    func precedence() throws {
        let (got, _) = try attach([
            ("", "", "", "绣林街道"),  // name → S1
            ("", "", "", "笔架山"),  // alias → S2
            ("", "", "", " 绣林 "),  // trimmed
            ("-", "NULL", "", "笔架山街道"),  // missing-value markers are empty
            ("", "", "东门社区", "笔架山"),  // a community comes first; the street tells M1 and M3 apart
            ("G1", "", "", "笔架山街道"),  // a grid comes first, whatever the street says
            ("", "", "北门社区", "绣林街道"),  // a community given but unknown: no fall back to the street
            ("", "", "", "南湖街道"),  // no such street
            ("", "", "", "东门社区"),  // a community's name is not a street's
            ("", "", "", "一区"),  // nor a district's
        ])
        #expect(
            got == [
                "S1", "S2", "S1", "S2", "M3", "G1", "unknown-unit:community", "unknown-unit:street",
                "unknown-unit:street", "unknown-unit:street",
            ])
    }

    @Test("a street name that two streets share is ambiguous: unknown-unit, saying so")
    func ambiguous() throws {
        // A third street, in the other district, that also goes by 绣林.
        var rows = NT.unitRows
        rows.append(NT.row("S3", "城关街道", .street, "D2", aliases: ["绣林"], line: 14))
        let directory = try #require(UnitHierarchyBuilder.build(rows).directory)
        let (got, r) = try attach([("", "", "", "绣林"), ("", "", "", "城关街道"), ("", "", "", "绣林街道")], directory: directory)
        #expect(got == ["unknown-unit:street", "S3", "S1"])
        let f = try #require(r.findings.first)
        #expect(f.severity == .error)
        #expect(f.value == "绣林")
        #expect(f.message == LocalizedText(zh: "street 对应多个街道，无法确定", en: "street matches more than one street"))
    }

    @Test("a file whose only reference column is 所属街道 is read, its rows attached to their streets")
    func streetOnlyFile() throws {
        let r = try ntNormalise(
            "requests.csv",
            [
                "工单编号,受理时间,渠道,所属街道,办理状态",
                "R1,2022-04-01,热线,绣林街道,办理中",
                "R2,2022-04-02,热线,笔架山,办理中",
                "R3,2022-04-03,热线,,办理中",
                "R4,2022-04-04,热线,南湖街道,办理中",
            ], dataset: "requests")
        let d = try NT.directory()
        #expect(r.header?.isUsable == true)
        #expect(r.rows.map { d.units[$0.unit].id } == ["S1", "S2"])
        #expect(
            r.findings.map { "\($0.line ?? 0) \($0.code.rawValue) \($0.column ?? "")" } == [
                "4 missing-value street", "5 unknown-unit street",
            ])
        #expect(r.findings[0].message.zh == "没有填写所属单位（所属街道 (street)）")
        #expect(r.findings[1].message.zh == "所属街道 (street) 在组织架构中找不到对应单位")
    }
}
