import JicengCore
import Testing

@testable import JicengIngest
@testable import JicengNormalize

@Suite("HeaderMapping")
struct HeaderMappingTests {
    private func mapping(_ dataset: String, header: String, bytes prefix: [UInt8] = []) throws -> (HeaderMapping, CompiledDataset) {
        let folder = NTFolder()
        let path = folder.write("\(dataset).csv", bytes: prefix + Array((header + "\n").utf8))
        let result = try ntNormalise(path, dataset: dataset, directory: try NT.directory())
        return (try #require(result.header), result.dataset)
    }

    private func field(_ m: HeaderMapping, _ ds: CompiledDataset, _ column: String) -> Int {
        m.columnToField[ds.spec.columns.firstIndex { $0.name == column }!]
    }

    @Test("Chinese aliases map to the canonical columns")
    func aliases() throws {
        let (m, ds) = try mapping("requests", header: "工单号,登记时间,来源,网格编号,单位编码,所属社区,乡镇,类别,办理状态,办结日期,回访满意度")
        #expect(m.findings.isEmpty)
        #expect(m.isUsable)
        let expected = [
            "request_id", "received_at", "channel", "grid_id", "unit_id", "community", "street", "category",
            "status", "closed_at", "satisfaction",
        ]
        for (i, name) in expected.enumerated() { #expect(field(m, ds, name) == i, "\(name)") }
        #expect(m.headerCount == 11)
        #expect(m.provenanceLineField == -1)
    }

    @Test("headers fold: spaces, a BOM (file or field), full-width forms and case")
    func folding() throws {
        // File BOM before the first name, full-width letters, mixed case, spaces, an ideographic
        // space, and a BOM inside the fifth name.
        let header = "ＲＥＱＵＥＳＴ＿ＩＤ, Received_At ,CHANNEL,\u{3000}Unit_Id\u{3000},\u{FEFF}Status"
        let (m, ds) = try mapping("requests", header: header, bytes: [0xEF, 0xBB, 0xBF])
        #expect(m.findings.isEmpty)
        #expect(m.isUsable)
        #expect(field(m, ds, "request_id") == 0)
        #expect(field(m, ds, "received_at") == 1)
        #expect(field(m, ds, "channel") == 2)
        #expect(field(m, ds, "unit_id") == 3)
        #expect(field(m, ds, "status") == 4)
        #expect(field(m, ds, "grid_id") == -1)
    }

    @Test("an unknown column is a warning on the header line, with its name, and is ignored")
    func unknown() throws {
        let (m, ds) = try mapping("requests", header: "request_id,received_at,channel,unit_id,status,备注")
        #expect(m.isUsable)
        #expect(m.findings.count == 1)
        let f = try #require(m.findings.first)
        #expect(f.code == .unknownColumn)
        #expect(f.severity == .warning)
        #expect(f.line == 1)
        #expect(f.value == "备注")
        #expect(f.file == "requests.csv")
        #expect(m.fieldToColumn[5] == -1)
        #expect(field(m, ds, "status") == 4)
    }

    @Test("a column given twice (by two aliases) is a duplicate-column error; the first is used")
    func duplicate() throws {
        let (m, ds) = try mapping("requests", header: "request_id,received_at,channel,unit_id,status,工单号")
        #expect(m.findings.count == 1)
        let f = try #require(m.findings.first)
        #expect(f.code == .duplicateColumn)
        #expect(f.severity == .error)
        #expect(f.column == "request_id")
        #expect(f.value == "工单号")
        #expect(field(m, ds, "request_id") == 0)
        #expect(m.fieldToColumn[5] == -1)
        #expect(m.isUsable)
    }

    @Test("a missing required column is a missing-column error and the file is not read")
    func missingRequired() throws {
        let (m, _) = try mapping("requests", header: "request_id,received_at,channel,unit_id,closed_at")
        #expect(!m.isUsable)
        #expect(m.findings.count == 1)
        let f = try #require(m.findings.first)
        #expect(f.code == .missingColumn)
        #expect(f.severity == .error)
        #expect(f.column == "status")
        #expect(f.line == 1)
    }

    @Test("no unit-reference column at all is a missing-column error; a street alone is enough (contract v2 §9)")
    func noReference() throws {
        let (m, _) = try mapping("requests", header: "request_id,received_at,channel,status,备注")
        #expect(!m.isUsable)
        #expect(m.findings.map(\.code) == [.unknownColumn, .missingColumn])
        #expect(m.findings.last?.column == "unit_id")
        #expect(
            m.findings.last?.message.en
                == "no unit reference column (one of grid_id/unit_id/community/street is required); the file was not read")
        // Any one of grid_id, unit_id, community, street is enough.
        for reference in ["grid_id", "unit_id", "社区", "所属街道", "乡镇"] {
            let (ok, _) = try mapping("requests", header: "request_id,received_at,channel,status,\(reference)")
            #expect(ok.isUsable, "\(reference)")
            #expect(ok.findings.isEmpty)
        }
        // grids: grid_id is both the key and the reference.
        let (grids, _) = try mapping("grids", header: "households,residents,party_members,has_party_branch,grid_workers")
        #expect(!grids.isUsable)
        #expect(grids.findings.map(\.column) == ["grid_id"])
        // property_companies: unit_id, community or street.
        let (companies, _) = try mapping(
            "property_companies", header: "company_id,company_name,estates_managed,party_org_type,has_instructor")
        #expect(!companies.isUsable)
        #expect(companies.findings.map(\.code) == [.missingColumn])
        let (byStreet, _) = try mapping(
            "property_companies", header: "company_id,company_name,estates_managed,party_org_type,has_instructor,街道")
        #expect(byStreet.isUsable)
    }

    @Test("_line is provenance only in Jiceng's own stage folders; in a drop it is an unknown column")
    func provenance() throws {
        // A drop: `_line` is data, reported like any other unknown column and not used for lines.
        let (m, ds) = try mapping("requests", header: "request_id,received_at,channel,unit_id,status,_line")
        #expect(m.findings.map(\.code) == [.unknownColumn])
        #expect(m.provenanceLineField == -1)
        // A stage folder (trusted): recognised, not reported.
        let header = CSVHeader(fields: ["request_id", "received_at", "channel", "unit_id", "status", "_line"], line: 1, encoding: .utf8)
        let trusted = HeaderMapping(header: header, dataset: ds, file: "requests.csv", trustProvenance: true)
        #expect(trusted.findings.isEmpty)
        #expect(trusted.provenanceLineField == 5)
    }
}

@Suite("HeaderMapping of stage files")
struct StageHeaderMappingTests {
    private func mapping(_ fields: [String], trusted: Bool) throws -> HeaderMapping {
        let ds = try NT.dataset("requests")
        return HeaderMapping(
            header: CSVHeader(fields: fields, line: 1, encoding: .utf8), dataset: ds, file: "requests.csv", trustProvenance: trusted)
    }

    @Test("ingest's trailing _cells and _line are provenance in a stage folder; the drop's width is the header's without them")
    func trailingProvenance() throws {
        let m = try mapping(["request_id", "received_at", "channel", "unit_id", "status", "_cells", "_line"], trusted: true)
        #expect(m.findings.isEmpty)
        #expect(m.provenanceLineField == 6)
        #expect(m.cellCountField == 5)
        #expect(m.headerCount == 7)
        #expect(m.dataHeaderCount == 5)
    }

    @Test("_line only counts as provenance in last place, _cells only just before it")
    func onlyAtTheEnd() throws {
        // A drop column named _line (kept by ingest) is data even in the stage folder.
        let m = try mapping(["request_id", "_line", "received_at", "channel", "unit_id", "status", "_line"], trusted: true)
        #expect(m.provenanceLineField == 6)
        #expect(m.cellCountField == -1)
        #expect(m.findings.map(\.code) == [.unknownColumn])
        #expect(m.dataHeaderCount == 6)
        // In a drop both are unknown columns.
        let drop = try mapping(["request_id", "received_at", "channel", "unit_id", "status", "_cells", "_line"], trusted: false)
        #expect(drop.provenanceLineField == -1 && drop.cellCountField == -1)
        #expect(drop.findings.map(\.code) == [.unknownColumn, .unknownColumn])
        #expect(drop.dataHeaderCount == 7)
    }
}

/// Findings name a column by the header the file used, and suggest the accepted spelling that a
/// header which names no column resembles (issue 13, "the analyst's language").
@Suite("Column labels and header suggestions")
struct ColumnLabelTests {
    private func mapping(_ dataset: String, _ header: String) throws -> HeaderMapping {
        let ds = try NT.dataset(dataset)
        return HeaderMapping(
            header: CSVHeader(fields: header.components(separatedBy: ","), line: 1, encoding: .utf8),
            dataset: ds, file: "\(dataset).csv")
    }

    private func label(_ m: HeaderMapping, _ dataset: String, _ column: String) throws -> String {
        let ds = try NT.dataset(dataset)
        return m.columnLabels[try #require(ds.spec.columns.firstIndex { $0.name == column })]
    }

    @Test("a column is labelled by its header and its canonical name; by the name alone when the file wrote that, or has no such column")
    func labels() throws {
        let m = try mapping("requests", "工单号, 登记时间 ,Channel,ｇｒｉｄ＿ｉｄ,办理状态")
        #expect(try label(m, "requests", "request_id") == "工单号 (request_id)")
        #expect(try label(m, "requests", "received_at") == "登记时间 (received_at)")  // trimmed
        #expect(try label(m, "requests", "channel") == "channel")  // the name, in another case
        #expect(try label(m, "requests", "grid_id") == "grid_id")  // the name, full-width
        #expect(try label(m, "requests", "status") == "办理状态 (status)")
        #expect(try label(m, "requests", "satisfaction") == "satisfaction")  // absent
    }

    @Test("row findings name the header; the JSON column stays canonical")
    func rowFindings() throws {
        let r = try ntNormalise(
            "requests.csv",
            [
                "工单号,登记时间,渠道,网格编号,办理状态,办结时间",
                "R1,2022-04-01,热线,G1,完成,",
                "R2,2022-04-05,热线,G9,已解决,2022-04-01",
            ], dataset: "requests")
        let messages = r.findings.map { "\($0.line ?? 0) \($0.column ?? "") \($0.message.zh)" }
        #expect(
            messages == [
                "2 status 办理状态 (status) 的值无法识别为有效取值",
                "3 grid_id 网格编号 (grid_id) 在组织架构中找不到对应单位",
                "3 closed_at 办结时间 (closed_at) 早于 登记时间 (received_at)",
            ])
        #expect(r.findings[0].message.en == "办理状态 (status) is not a valid value of the allowed list")
    }

    @Test("单位编号 in units.csv: the missing unit_id suggests 单位编码, and the unknown header says so too")
    func missingColumnSuggestion() throws {
        let m = try mapping("units", "单位编号,名称,层级,上级编码")
        #expect(!m.isUsable)
        #expect(m.findings.map(\.code) == [.unknownColumn, .missingColumn])
        let unknown = m.findings[0]
        let missing = m.findings[1]
        #expect(unknown.value == "单位编号")
        #expect(unknown.column == nil)
        #expect(
            unknown.message
                == LocalizedText(
                    zh: "无法识别的列“单位编号”，已忽略；是否应为 单位编码 (unit_id)？",
                    en: "unknown column '单位编号' ignored; did you mean 单位编码 (unit_id)?"))
        #expect(missing.column == "unit_id")
        #expect(missing.severity == .error)
        #expect(
            missing.message
                == LocalizedText(
                    zh: "缺少必需的列 unit_id（表头可写作 unit_id、单位编码、编码、代码），该文件未被读取；文件中的 单位编号 是否应为 单位编码？",
                    en:
                        "required column unit_id is missing (headers accepted: unit_id, 单位编码, 编码, 代码); the file was not read; is 单位编号 in the file meant to be 单位编码?"
                ))
    }

    @Test("suggestions fold case and width, and never name a column the header already has")
    func suggestionsAmongAbsentColumns() throws {
        // Request_Idx is one edit from request_id (case ignored).
        var m = try mapping("requests", "Request_Idx,received_at,channel,unit_id,status")
        #expect(
            m.findings.map(\.message.en) == [
                "unknown column 'Request_Idx' ignored; did you mean request_id?",
                "required column request_id is missing (headers accepted: request_id, 诉求编号, 工单编号, 工单号); the file was not read; is Request_Idx in the file meant to be request_id?",
            ])
        // 状况 resembles 状态, but status is there: no suggestion.
        m = try mapping("requests", "request_id,received_at,channel,unit_id,status,状况")
        #expect(m.findings.map(\.message.zh) == ["无法识别的列“状况”，已忽略"])
        // Without status, the same header is suggested for it.
        m = try mapping("requests", "request_id,received_at,channel,unit_id,状况")
        #expect(
            m.findings.map(\.message.zh) == [
                "无法识别的列“状况”，已忽略；是否应为 状态 (status)？",
                "缺少必需的列 status（表头可写作 status、办理状态、状态），该文件未被读取；文件中的 状况 是否应为 状态？",
            ])
        // A header far from every spelling gets none.
        m = try mapping("requests", "request_id,received_at,channel,unit_id,status,备注")
        #expect(m.findings.map(\.message.zh) == ["无法识别的列“备注”，已忽略"])
    }

    @Test("no unit reference: the nearest unknown header is suggested for one of the reference columns")
    func referenceSuggestion() throws {
        let m = try mapping("requests", "request_id,received_at,channel,status,社区名字")
        #expect(m.findings.map(\.code) == [.unknownColumn, .missingColumn])
        #expect(
            m.findings[1].message.zh
                == "缺少单位引用列（grid_id/unit_id/community/street 至少需要一列），该文件未被读取；文件中的 社区名字 是否应为 社区名称 (community)？")
        #expect(m.findings[0].message.zh == "无法识别的列“社区名字”，已忽略；是否应为 社区名称 (community)？")
    }

    @Test("a duplicate column is named by its first header")
    func duplicate() throws {
        let m = try mapping("requests", "工单号,received_at,channel,unit_id,status,诉求编号")
        #expect(m.findings.map(\.message.zh) == ["列 工单号 (request_id) 在表头中出现多次，只使用第一次出现的列"])
        #expect(m.findings.first?.column == "request_id")
        #expect(m.findings.first?.value == "诉求编号")
    }

    @Test("a required column with a default may be absent from the header")
    func requiredWithDefault() throws {
        let p = try ntPipeline([
            (old: "        aliases: [渠道, 受理渠道, 来源]\n", new: "        aliases: [渠道, 受理渠道, 来源]\n        default: online\n")
        ])
        let ds = try CompiledDataset(#require(p.dataset(named: "requests")), parameters: p.parameters)
        let m = HeaderMapping(
            header: CSVHeader(fields: ["request_id", "received_at", "unit_id", "status"], line: 1, encoding: .utf8),
            dataset: ds, file: "requests.csv")
        #expect(m.isUsable)
        #expect(m.findings.isEmpty)
    }
}
