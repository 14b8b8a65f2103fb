import Foundation
import JicengCore
import Testing

@testable import JicengPipeline

/// The built-in standard pipeline against the data contract, with expectations copied by hand
/// from contract §3 and §5 (not derived from the YAML under test).
struct StandardPipelineTests {
    let pipeline = PipelineLoader.standard

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func column(_ dataset: String, _ column: String) -> ColumnSpec? {
        pipeline.dataset(named: dataset)?.column(named: column)
    }

    /// The canonical value an enumeration column gives to `spelling`, matching as the contract says.
    func canonical(_ dataset: String, _ columnName: String, _ spelling: String) -> String? {
        guard case .enumeration(let spec)? = column(dataset, columnName)?.type else { return nil }
        let folded = TextFolding.fold(spelling)
        return spec.values.first { value in
            TextFolding.fold(value.name) == folded || value.synonyms.contains { TextFolding.fold($0) == folded }
        }?.name
    }

    @Test func embeddedTextIsByteIdenticalToTheFile() throws {
        let url = Self.repositoryRoot.appendingPathComponent("Pipelines/standard.yaml")
        let file = try Data(contentsOf: url)
        #expect(file == Data(StandardPipelineText.yaml.utf8), "the EmbedAssets plugin did not build in Pipelines/standard.yaml as it is")
    }

    @Test func loadsFromTheFileWithTargetsResolvedNextToIt() throws {
        let path = Self.repositoryRoot.appendingPathComponent("Pipelines/standard.yaml").path
        let loaded = try PipelineLoader.load(path: path)
        #expect(loaded.sourcePath == path)
        #expect(loaded.targetsFile == Self.repositoryRoot.appendingPathComponent("Pipelines/targets.csv").path)
        var comparable = loaded
        comparable.sourcePath = nil
        comparable.targetsFile = "targets.csv"
        #expect(comparable == pipeline)
    }

    @Test func builtInKeepsTheRelativeTargetsName() {
        #expect(pipeline.name == "standard")
        #expect(pipeline.version == 1)
        #expect(pipeline.targetsFile == "targets.csv")
        #expect(pipeline.sourcePath == nil)
        #expect(pipeline.parameters == ["ontime_limit_days": 15])
    }

    @Test func everyIndicatorOfTheContract() {
        let contract = [
            "requests_received", "requests_resolved", "requests_in_progress", "requests_explained", "requests_open",
            "resolution_rate", "response_rate", "ontime_rate", "mean_days_to_close", "satisfaction_rate",
            "grids", "grid_party_branches", "grid_party_branch_coverage",
            "building_party_groups", "party_member_households", "party_members", "households", "residents", "grid_workers",
            "residents_per_grid_worker", "property_companies", "property_party_orgs", "property_party_org_coverage",
            "property_instructors", "property_party_work_coverage", "estates_managed",
            "services_delivered", "service_volunteers", "service_beneficiaries", "services_per_1000_residents",
        ]
        #expect(Set(pipeline.indicators.map(\.name)) == Set(contract))
        #expect(pipeline.indicators.count == contract.count)
        #expect(pipeline.indicator(named: "resolution_rate")?.title == LocalizedText(zh: "诉求解决率", en: "Resolution rate"))
        for indicator in pipeline.indicators {
            #expect(!indicator.title.zh.isEmpty && !indicator.title.en.isEmpty)
        }
    }

    @Test func indicatorFormulasFollowSection5() throws {
        func ratio(_ name: String) -> (String, String, Double)? {
            if case .ratio(let n, let d, let f)? = pipeline.indicator(named: name)?.formula { return (n, d, f) }
            return nil
        }
        func measure(_ name: String) throws -> MeasureSpec { try #require(pipeline.measure(named: name)) }

        let resolution = try #require(ratio("resolution_rate"))
        #expect(try measure(resolution.0).condition == .compare(column: "status", op: .equal, value: .symbol("resolved")))
        #expect(try measure(resolution.1).condition == nil)
        #expect(try measure(resolution.1).aggregation == .count)
        #expect(try measure(resolution.1).dataset == "requests")

        let response = try #require(ratio("response_rate"))
        #expect(
            try measure(response.0).condition
                == .isIn(column: "status", values: [.symbol("resolved"), .symbol("in_progress"), .symbol("explained")]))

        let ontime = try #require(ratio("ontime_rate"))
        #expect(
            try measure(ontime.0).condition
                == .and([
                    .compare(column: "status", op: .equal, value: .symbol("resolved")),
                    .compare(column: "days_to_close", op: .lessOrEqual, value: .parameter("ontime_limit_days")),
                ]))
        #expect(ontime.1 == resolution.0)

        let days = try #require(ratio("mean_days_to_close"))
        #expect(try measure(days.0).aggregation == .sum(column: "days_to_close"))
        #expect(try measure(days.0).condition == .compare(column: "status", op: .equal, value: .symbol("resolved")))

        let satisfaction = try #require(ratio("satisfaction_rate"))
        #expect(try measure(satisfaction.1).condition == .isSet(column: "satisfaction"))

        let work = try #require(ratio("property_party_work_coverage"))
        #expect(
            try measure(work.0).condition
                == .or([
                    .compare(column: "party_org_type", op: .notEqual, value: .symbol("none")),
                    .isTrue(column: "has_instructor"),
                ]))

        let perThousand = try #require(ratio("services_per_1000_residents"))
        #expect(perThousand.2 == 1000)
        #expect(try measure(perThousand.0).dataset == "services")
        #expect(try measure(perThousand.1).dataset == "grids")
        #expect(try measure(perThousand.1).aggregation == .sum(column: "residents"))
        #expect(pipeline.datasets(for: pipeline.indicator(named: "services_per_1000_residents")!) == ["services", "grids"])

        #expect(pipeline.indicator(named: "resolution_rate")?.display == .percent)
        #expect(pipeline.indicator(named: "requests_received")?.display == .count)
        #expect(pipeline.indicator(named: "mean_days_to_close")?.display == .decimal)
        #expect(pipeline.indicator(named: "services_per_1000_residents")?.display == .decimal)
    }

    @Test func datasetsAndTheirRoles() throws {
        #expect(pipeline.datasets.map(\.name) == ["units", "grids", "property_companies", "services", "requests"])
        let units = try #require(pipeline.dataset(named: "units"))
        #expect(units.role == .hierarchy && units.required && units.unitReference.isEmpty)
        for name in ["grids", "property_companies", "services", "requests"] {
            let dataset = try #require(pipeline.dataset(named: name))
            #expect(dataset.role == .facts && !dataset.required && dataset.filePrefix == name)
        }
        #expect(pipeline.dataset(named: "grids")?.unitReference == ["grid_id"])
        #expect(pipeline.dataset(named: "property_companies")?.unitReference == ["unit_id", "community", "street"])
        #expect(pipeline.dataset(named: "services")?.unitReference == ["grid_id", "unit_id", "community", "street"])
        #expect(pipeline.dataset(named: "requests")?.unitReference == ["grid_id", "unit_id", "community", "street"])
        #expect(pipeline.dataset(named: "services")?.periodColumn == "date")
        #expect(pipeline.dataset(named: "requests")?.periodColumn == "received_at")
        #expect(pipeline.dataset(named: "grids")?.periodColumn == nil)
        #expect(pipeline.dataset(named: "property_companies")?.periodColumn == nil)
    }

    @Test func columnTypesAndConstraints() {
        #expect(
            column("grids", "grid_id")
                == ColumnSpec(
                    name: "grid_id", aliases: ["网格编码", "网格编号"], type: .unitReference(.grid), required: true, unique: true,
                    title: LocalizedText(zh: "网格编码", en: "Grid id")))
        #expect(column("units", "unit_id")?.unique == true)
        #expect(column("units", "parent_id")?.required == true)
        #expect(column("units", "parent_id")?.valueRequired == false)
        #expect(column("property_companies", "company_id")?.unique == true)
        #expect(column("services", "service_id")?.unique == true)
        #expect(column("requests", "request_id")?.unique == true)
        #expect(column("services", "volunteers")?.defaultValue == .integer(0))
        #expect(column("services", "beneficiaries")?.defaultValue == .integer(0))
        #expect(column("services", "volunteers")?.required == false)
        #expect(column("grids", "households")?.type == .integer(minimum: 0))
        #expect(column("grids", "has_party_branch")?.type == .boolean)
        #expect(column("requests", "closed_at")?.type == .date)
        #expect(column("requests", "closed_at")?.required == false)
        #expect(column("requests", "satisfaction")?.required == false)
        #expect(column("requests", "category")?.type == .text)
        #expect(column("services", "street")?.type == .unitReference(.street))
        #expect(column("requests", "community")?.type == .unitReference(.community))
        #expect(column("property_companies", "unit_id")?.type == .unitReference(.unit))
        #expect(column("property_companies", "grid_id") == nil)
    }

    /// Required (●) columns of contract §3, per dataset.
    @Test func requiredColumns() {
        let required: [String: Set<String>] = [
            "units": ["unit_id", "name", "level", "parent_id"],
            "grids": ["grid_id", "households", "residents", "party_members", "has_party_branch", "grid_workers"],
            "property_companies": ["company_id", "company_name", "estates_managed", "party_org_type", "has_instructor"],
            "services": ["service_id", "date", "provider_type", "category"],
            "requests": ["request_id", "received_at", "channel", "status"],
        ]
        for (name, expected) in required {
            let actual = Set(pipeline.dataset(named: name)!.columns.filter(\.required).map(\.name))
            #expect(actual == expected, "\(name)")
        }
    }

    /// Every alias of contract §2–§3, copied by hand.
    @Test func everyAliasOfTheContract() {
        let unitRefs: [String: [String]] = [
            "unit_id": ["单位编码"], "grid_id": ["网格编码", "网格编号"],
            "community": ["社区", "所属社区", "社区名称"], "street": ["街道", "所属街道", "街道名称", "乡镇"],
        ]
        let expected: [String: [String: [String]]] = [
            "units": [
                "unit_id": ["单位编码", "编码", "代码"], "name": ["名称", "单位名称"], "level": ["层级", "级别"],
                "parent_id": ["上级编码", "上级单位编码"], "aliases": ["别名"], "type": ["类型"],
            ],
            "grids": [
                "grid_id": ["网格编码", "网格编号"], "households": ["户数", "住户数"], "residents": ["常住人口", "人口数", "居民数"],
                "party_members": ["党员数", "党员人数"], "has_party_branch": ["网格党支部", "是否建立网格党支部"],
                "building_party_groups": ["楼栋党小组数"], "party_member_households": ["党员中心户数"],
                "grid_workers": ["网格员数", "网格员人数"],
            ],
            "property_companies": [
                "company_id": ["企业编码", "统一社会信用代码"], "company_name": ["企业名称", "物业企业名称"],
                "unit_id": unitRefs["unit_id"]!, "community": unitRefs["community"]!, "street": unitRefs["street"]!,
                "estates_managed": ["在管小区数", "服务小区数"], "party_org_type": ["党组织组建方式", "组建形式"],
                "has_instructor": ["党建指导员", "是否选派党建指导员"], "party_members": ["党员数"],
            ],
            "services": [
                "service_id": ["服务编号", "记录编号"], "date": ["服务日期", "日期"],
                "grid_id": unitRefs["grid_id"]!, "unit_id": unitRefs["unit_id"]!, "community": unitRefs["community"]!,
                "street": unitRefs["street"]!, "provider_type": ["服务主体类型"], "category": ["服务类别"],
                "volunteers": ["参与人次", "志愿者人次"], "beneficiaries": ["受益人次", "服务人次"],
            ],
            "requests": [
                "request_id": ["诉求编号", "工单编号", "工单号"], "received_at": ["受理时间", "受理日期", "登记时间"],
                "channel": ["渠道", "受理渠道", "来源"], "grid_id": unitRefs["grid_id"]!, "unit_id": unitRefs["unit_id"]!,
                "community": unitRefs["community"]!, "street": unitRefs["street"]!, "category": ["诉求类别", "类别"],
                "status": ["办理状态", "状态"], "closed_at": ["办结时间", "办结日期"], "satisfaction": ["满意度", "回访满意度"],
            ],
        ]
        for (datasetName, columns) in expected {
            let dataset = pipeline.dataset(named: datasetName)!
            #expect(Set(dataset.columns.map(\.name)) == Set(columns.keys), "\(datasetName)")
            for (columnName, aliases) in columns {
                #expect(dataset.column(named: columnName)?.aliases == aliases, "\(datasetName).\(columnName)")
                #expect(dataset.column(named: columnName)?.title?.zh.isEmpty == false, "\(datasetName).\(columnName) has a title")
            }
        }
    }

    /// Every enumeration value and synonym of contract §3, copied by hand.
    @Test func everySynonymOfTheContract() {
        let expected: [(String, String, [(String, [String])])] = [
            (
                "property_companies", "party_org_type",
                [
                    ("standalone", ["单独组建", "单独建立"]), ("joint", ["联合组建", "联合建立"]),
                    ("affiliated", ["挂靠", "挂靠网格党支部"]), ("temporary", ["临时党组织", "临时党支部", "临时党小组"]),
                    ("none", ["未建立", "未组建", "无"]),
                ]
            ),
            (
                "services", "provider_type",
                [
                    ("party_member", ["下沉党员", "在职党员", "党员"]), ("co_building_unit", ["共驻共建单位", "共建单位"]),
                    ("volunteer", ["志愿者"]), ("social_org", ["社会组织"]), ("grid_worker", ["网格员"]), ("other", ["其他"]),
                ]
            ),
            (
                "services", "category",
                [
                    ("elderly", ["关爱老人"]), ("culture_sports", ["文化体育"]), ("livelihood", ["民生事务"]),
                    ("youth", ["关心下一代"]), ("security", ["治安维稳"]), ("policy_law", ["政策法规"]),
                    ("women", ["妇女维权"]), ("environment", ["环境整治"]), ("other", ["其他"]),
                ]
            ),
            (
                "requests", "channel",
                [
                    ("hotline", ["热线", "市民热线", "12345", "12345热线"]),
                    ("online", ["网络", "网上", "网站", "微信", "民呼我应"]), ("media", ["媒体"]),
                    ("visit", ["走访", "上门", "敲门行动"]), ("letter", ["来信", "来信来访"]), ("other", ["其他"]),
                ]
            ),
            (
                "requests", "status",
                [
                    ("resolved", ["已解决", "已办结", "办结", "已回应解决"]),
                    ("in_progress", ["办理中", "正在办理", "跟踪办理", "正在跟踪办理"]),
                    ("explained", ["已解释", "已答复", "暂无法办理", "已做好解释"]),
                    ("open", ["未办理", "待办", "未受理"]),
                ]
            ),
            (
                "requests", "satisfaction",
                [
                    ("satisfied", ["满意"]), ("basically_satisfied", ["基本满意"]), ("dissatisfied", ["不满意"]),
                ]
            ),
        ]
        for (datasetName, columnName, values) in expected {
            guard case .enumeration(let spec)? = column(datasetName, columnName)?.type else {
                Issue.record("\(datasetName).\(columnName) is not an enumeration")
                continue
            }
            #expect(spec.values.map(\.name) == values.map(\.0), "\(datasetName).\(columnName)")
            for (name, synonyms) in values {
                let value = spec.values.first { $0.name == name }
                #expect(value.map { Set($0.synonyms) } == Set(synonyms), "\(datasetName).\(columnName).\(name)")
                #expect(value?.title?.zh.isEmpty == false, "\(datasetName).\(columnName).\(name) has a title")
            }
        }
    }

    @Test func sampleSpellingsMeanWhatTheContractSays() {
        #expect(canonical("requests", "channel", "12345热线") == "hotline")
        #expect(canonical("requests", "channel", "１２３４５") == "hotline")  // full-width digits fold
        #expect(canonical("requests", "channel", "民呼我应") == "online")
        #expect(canonical("requests", "channel", "敲门行动") == "visit")
        #expect(canonical("requests", "status", "暂无法办理") == "explained")
        #expect(canonical("requests", "status", "已回应解决") == "resolved")
        #expect(canonical("requests", "status", "正在跟踪办理") == "in_progress")
        #expect(canonical("requests", "status", "待办") == "open")
        #expect(canonical("requests", "satisfaction", "基本满意") == "basically_satisfied")
        #expect(canonical("property_companies", "party_org_type", "挂靠网格党支部") == "affiliated")
        #expect(canonical("property_companies", "party_org_type", "无") == "none")
        #expect(canonical("services", "provider_type", "在职党员") == "party_member")
        #expect(canonical("services", "category", "关心下一代") == "youth")
        #expect(canonical("units", "level", "县级市") == "district")
        #expect(canonical("units", "level", "乡镇") == "street")
        #expect(canonical("units", "level", "村") == "community")
        #expect(canonical("units", "level", "小区") == "grid")
        #expect(canonical("units", "level", "市") == "city")
    }

    @Test func levelSynonyms() {
        #expect(
            pipeline.levelSynonyms == [
                .city: ["市"], .district: ["区", "县", "县级市"], .street: ["街道", "乡镇", "镇", "乡"],
                .community: ["社区", "村"], .grid: ["网格", "小区"],
            ])
        guard case .enumeration(let spec)? = column("units", "level")?.type else {
            Issue.record("units.level is not an enumeration")
            return
        }
        #expect(spec.values.map(\.name) == ["city", "district", "street", "community", "grid"])
    }

    @Test func requestRulesAndDerivedColumn() {
        let requests = pipeline.dataset(named: "requests")!
        #expect(
            requests.rules == [
                .requiredWhen(
                    column: "closed_at", condition: .isIn(column: "status", values: [.symbol("resolved"), .symbol("explained")])),
                .notBefore(column: "closed_at", reference: "received_at"),
            ])
        #expect(requests.derived == [DerivedColumn(name: "days_to_close", formula: .daysBetween(from: "received_at", to: "closed_at"))])
    }

    @Test func reportSettings() {
        let report = pipeline.report
        #expect(
            report.headline == [
                "resolution_rate", "response_rate", "ontime_rate", "satisfaction_rate", "grid_party_branch_coverage",
                "property_party_org_coverage", "property_party_work_coverage", "services_per_1000_residents",
            ])
        #expect(report.rankings == ["resolution_rate", "response_rate", "grid_party_branch_coverage", "property_party_org_coverage"])
        #expect(report.barCharts == ["resolution_rate", "grid_party_branch_coverage", "property_party_org_coverage"])
        #expect(report.breakdowns.map { "\($0.dataset).\($0.column)" } == ["requests.status", "requests.channel", "services.category"])
    }
}
