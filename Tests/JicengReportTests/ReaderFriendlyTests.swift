import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

/// Reports that respect the reader (issue 13): a notice when the drop had errors, a unit that
/// only repeats its parent listed once, a ranking where everyone ties said in one line, tables
/// that scroll rather than squeeze on a phone.
@Suite("reports that respect the reader")
struct ReaderFriendlyTests {
    /// City C → its single district D (same figures) → streets S1 and S2 (different).
    static func singleDistrict(districtResolution: Double = 0.9) -> Evaluation {
        var e = Fixture.evaluation()
        e.units = [
            UnitInfo(id: "C", name: "石首市", level: .city, parentId: nil, depth: 0),
            UnitInfo(id: "D", name: "石首市城区", level: .district, parentId: "C", depth: 1),
            UnitInfo(id: "S1", name: "绣林街道", level: .street, parentId: "D", depth: 2),
            UnitInfo(id: "S2", name: "笔架山街道", level: .street, parentId: "D", depth: 2),
        ]
        func rows(_ unit: String, _ resolution: Double, _ status: TargetStatus, received: Double) -> [IndicatorResult] {
            [
                IndicatorResult(
                    unitId: unit, indicator: "requests_received", value: received, numerator: nil, denominator: nil,
                    target: nil, comparator: nil, status: .noTarget),
                IndicatorResult(
                    unitId: unit, indicator: "resolution_rate", value: resolution, numerator: nil, denominator: nil,
                    target: 0.91, comparator: .atLeast, status: status),
            ]
        }
        e.indicators = Array(e.indicators.prefix(2))
        e.headline = ["requests_received", "resolution_rate"]
        e.rankings = ["resolution_rate"]
        e.barCharts = []
        e.results =
            rows("C", 0.9, .warning, received: 100) + rows("D", districtResolution, .warning, received: 100)
            + rows("S1", 0.95, .met, received: 60) + rows("S2", 0.83, .missed, received: 40)
        return e
    }

    @Test("a single district with the city's figures is found; a different one, or one of two, is not")
    func mirrored() throws {
        let same = EvaluationIndex(Self.singleDistrict()).mirrored
        #expect(same.ids == ["D"])
        #expect(same.childNames == ["C": ["石首市城区"]])
        #expect(EvaluationIndex(Self.singleDistrict(districtResolution: 0.899)).mirrored.ids.isEmpty)
        var two = Self.singleDistrict()
        two.units.insert(UnitInfo(id: "D2", name: "另一区", level: .district, parentId: "C", depth: 1), at: 2)
        two.results += two.results.filter { $0.unitId == "D" }.map {
            var r = $0
            r.unitId = "D2"
            return r
        }
        #expect(EvaluationIndex(two).mirrored.ids.isEmpty, "two districts are not a repetition of the city")
        // In the Fixture, S02's only community M03 has S02's figures.
        #expect(EvaluationIndex(Fixture.evaluation()).mirrored.parentOf == ["M03": "S02"])
    }

    @Test("the district is listed once: no district table, no second card, a note that it equals the city")
    func singleDistrictCollapsed() throws {
        let html = try SummaryHTML.render(Self.singleDistrict())
        #expect(html.contains("<h3>区（县）（1 个）</h3>"))
        #expect(html.contains("本层级只有石首市城区，其各项指标与上级石首市完全相同，不再重复列表。"))
        let tables = try #require(section(html, "tables"))
        #expect(!tables.contains("<td>石首市城区</td>"))
        let cards = try #require(section(html, "cards"))
        #expect(cards.contains("石首市的唯一下级单位石首市城区各项指标与之相同，不再单列。"))
        #expect(cards.components(separatedBy: "class=\"card card-").count == 3, "cards for 石首市 and 笔架山街道 only")
        #expect(cards.contains("本期红牌 1 个单位，黄牌 1 个单位。"))
        let md = try SummaryMarkdown.render(Self.singleDistrict())
        #expect(!md.contains("| 石首市城区 |"))
        #expect(!md.contains("| 🟡 黄牌 | 石首市城区"))
        #expect(md.contains("本层级只有石首市城区"))
        // A district with other figures keeps its table and its card.
        let different = try SummaryHTML.render(Self.singleDistrict(districtResolution: 0.899))
        #expect(!different.contains("不再重复列表") && !different.contains("不再单列"))
    }

    @Test("a ranking where every unit ties is one line, with the shared status; otherwise a table")
    func ties() throws {
        let strings = try ReportStrings(language: .zh)
        #expect(
            RankingTable.tieLine([1, 1, 1], statuses: [.met, .met, .met], format: .percent, strings: strings)
                == "全部 3 个单位均为 100.00%（达标），并列第 1 名。")
        #expect(
            RankingTable.tieLine([7, 7], statuses: [.noTarget, .noTarget], format: .count, strings: strings)
                == "全部 2 个单位均为 7，并列第 1 名。")
        #expect(
            RankingTable.tieLine([1, 1], statuses: [.met, .warning], format: .percent, strings: strings)
                == "全部 2 个单位均为 100.00%，并列第 1 名。")
        #expect(RankingTable.tieLine([1, 0.99, 1], statuses: [.met, .met, .met], format: .percent, strings: strings) == nil)
        #expect(RankingTable.tieLine([1, nil], statuses: [.met, .noData], format: .percent, strings: strings) == nil)
        #expect(RankingTable.tieLine([1], statuses: [.met], format: .percent, strings: strings) == nil)
        #expect(
            RankingTable.tieLine([1, 1], statuses: [.met, .met], format: .percent, strings: try ReportStrings(language: .en))
                == "All 2 units are at 100.00% (met): tied for first.")

        var e = Fixture.evaluation()
        for i in e.results.indices where e.results[i].indicator == "resolution_rate" && e.evaluationLevel(e.results[i].unitId) == .community
        {
            e.results[i].value = 1
            e.results[i].status = .met
        }
        let html = try SummaryHTML.render(e)
        let rankings = try #require(section(html, "rankings"))
        #expect(rankings.contains("<p class=\"tie\">全部 3 个单位均为 100.00%（达标），并列第 1 名。</p>"))
        #expect(rankings.components(separatedBy: "<table class=\"ranking\">").count == 2, "the streets still get their table")
        let md = try SummaryMarkdown.render(e)
        #expect(md.contains("### 诉求解决率 · 社区（村）排名\n\n全部 3 个单位均为 100.00%（达标），并列第 1 名。\n\n## "))
    }

    @Test("a notice at the top when the drop had errors: errors, rows rejected, indicators and datasets left out")
    func banner() throws {
        let leftOut = [
            LocalizedText(zh: "每千名常住人口服务次数", en: "Services per 1,000 residents"),
            LocalizedText(zh: "物业企业党组织覆盖率", en: "Property party organisation coverage"),
        ]
        let html = try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings, leftOut: leftOut)
        let top = try #require(html.range(of: "<div class=\"banner\" role=\"note\">"))
        #expect(top.lowerBound < html.range(of: "<section id=\"headline\"")!.lowerBound)
        // Fixture: 5 errors, 5 rows rejected (requests-绣林街道.csv), services and property companies absent.
        #expect(html.contains("<p>本期数据发现错误 5 条，拒收 5 行（未计入指标）。</p>"))
        #expect(html.contains("<p>2 项指标因数据缺失或无法使用未列出：每千名常住人口服务次数、物业企业党组织覆盖率。</p>"))
        #expect(html.contains("<p>未提供或无法使用的数据集：服务记录、物业企业党组织。</p>"))
        #expect(html.contains("<p>详见“六、数据质量”。</p>"))
        let md = try SummaryMarkdown.render(Fixture.evaluation(), language: .en, findings: Fixture.findings, leftOut: leftOut)
        #expect(md.contains("> **⚠️ Data quality notice**\n>\n> - This drop has 5 errors; 5 rows were rejected and are not counted.\n"))
        #expect(md.contains("> - See “6. Data quality”."))
        // A clean drop: no notice.
        var clean = Fixture.evaluation()
        clean.dataQuality.errors = 0
        clean.dataQuality.absentDatasets = []
        #expect(!(try SummaryHTML.render(clean)).contains("class=\"banner\""))
        #expect(!(try SummaryMarkdown.render(clean)).contains("⚠️"))
        // Warnings alone are no reason for one.
        clean.dataQuality.warnings = 9
        #expect(!(try SummaryHTML.render(clean)).contains("class=\"banner\""))
    }

    @Test("on a narrow screen tables and charts scroll inside their box instead of squeezing their columns")
    func narrowScreen() throws {
        let html = try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings)
        #expect(html.contains("@media screen and (max-width: 600px)"))
        #expect(html.contains(".scroll { overflow-x: auto; }"))
        let tables = html.components(separatedBy: "<table").count - 1
        #expect(tables > 0)
        #expect(html.components(separatedBy: "<div class=\"scroll\"><table").count - 1 == tables, "every table is in a scroll box")
        #expect(html.contains("<div class=\"scroll\"><svg"))
    }

    private func section(_ html: String, _ id: String) -> Substring? {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }
}

extension Evaluation {
    fileprivate func evaluationLevel(_ unitId: String) -> UnitLevel? { units.first { $0.id == unitId }?.level }
}
