import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

@Suite("summary.html")
struct SummaryHTMLTests {
    @Test("Chinese by default: seed-004 rate as 90.17% with 达标, all five status words, sections in order")
    func chineseContent() throws {
        let html = try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("90.17%"))
        #expect(html.contains("4,690"))
        for word in ["达标", "预警", "未达标", "无数据", "无目标", "红牌", "黄牌"] {
            #expect(html.contains(word), "missing \(word)")
        }
        #expect(html.contains("2022年第二季度"))
        #expect(html.contains("党建引领基层治理 v1"))
        let order = ["id=\"headline\"", "id=\"cards\"", "id=\"rankings\"", "id=\"charts\"", "id=\"tables\"", "id=\"quality\""]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!html.contains("⟦"), "a wording key is missing")
    }

    @Test("the headline card of the top unit shows value, target and status")
    func headline() throws {
        let html = try SummaryHTML.render(Fixture.evaluation())
        let headline = try #require(section(html, "headline"))
        #expect(headline.contains("<div class=\"kpi-value\">90.17%</div>"))
        #expect(headline.contains("≥ 90.00%"))
        #expect(headline.contains("<span class=\"chip st-met\">达标</span>"))
        #expect(headline.contains("<div class=\"kpi-value\">4,690</div>"))
        #expect(headline.contains("<span class=\"chip st-no-target\">无目标</span>"))
    }

    @Test("self-contained: inline CSS and SVG, no script, no external resource, A4 print rules")
    func selfContained() throws {
        let html = try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings)
        for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import", "<img", "<iframe"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"target-line\""))
    }

    @Test("every name from the data is HTML-escaped")
    func escaping() throws {
        let html = try SummaryHTML.render(Fixture.evaluation(m01: "=HYPERLINK(\"x\")"), findings: Fixture.findings)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("A&amp;B &quot;x&quot;, 二组"))
        #expect(!html.contains("A&B \"x\""))
        #expect(html.contains("&lt;b&gt;不存在社区&lt;/b&gt;"))  // a finding's value
        #expect(!html.contains("<b>"))
    }

    @Test("English on request")
    func english() throws {
        let html = try SummaryHTML.render(Fixture.evaluation(), language: .en, findings: Fixture.findings)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("90.17%"))
        #expect(html.contains(">met</span>"))
        #expect(html.contains(">missed</span>"))
        #expect(html.contains("2022 Q2"))
        #expect(!html.contains("⟦"))
    }

    @Test("red cards before yellow, then by relative shortfall")
    func cardOrder() throws {
        let cards = RedYellowCards(EvaluationIndex(Fixture.evaluation()))
        #expect(cards.entries.map(\.unit.id) == ["M01", "S02", "M03", "M02"])
        #expect(cards.entries.map(\.card) == [.missed, .missed, .missed, .warning])
        let html = try SummaryHTML.render(Fixture.evaluation(m02: "黄牌社区"))
        let cardsHTML = try #require(section(html, "cards"))
        // M03 is the only community of S02 with the same figures: listed once, under S02, with a note.
        let table = try #require(cardsHTML.range(of: "</table>")).lowerBound
        let names = ["东方社区", "笔架山街道", "黄牌社区"].map { cardsHTML.range(of: $0)?.lowerBound }
        #expect(names.allSatisfy { $0 != nil && $0! < table })
        #expect(names.compactMap { $0 } == names.compactMap { $0 }.sorted())
        #expect(!cardsHTML[..<table].contains("A&amp;B"))
        #expect(cardsHTML.contains("笔架山街道的唯一下级单位A&amp;B &quot;x&quot;, 二组各项指标与之相同，不再单列。"))
    }

    @Test("grids are counted in a note, not listed among the cards")
    func gridCards() throws {
        var e = Fixture.evaluation()
        e.units.append(UnitInfo(id: "G01", name: "第一网格", level: .grid, parentId: "M01", depth: 3))
        e.results.append(
            IndicatorResult(
                unitId: "G01", indicator: "resolution_rate", value: 0.5, numerator: 1, denominator: 2,
                target: 0.9, comparator: .atLeast, status: .missed))
        let html = try SummaryHTML.render(e)
        let cardsHTML = try #require(section(html, "cards"))
        #expect(!cardsHTML.contains("第一网格"))
        #expect(cardsHTML.contains("网格层级另有红牌 1 个、黄牌 0 个"))
        #expect(cardsHTML.contains("本期红牌 2 个单位，黄牌 1 个单位。"))
        let md = try SummaryMarkdown.render(e)
        #expect(md.contains("网格层级另有红牌 1 个、黄牌 0 个"))
    }

    @Test("rankings: best first, ties share a rank, no value last; lower is better for <= targets")
    func rankingOrder() {
        let units = ["a", "b", "c", "d"].map { UnitInfo(id: $0, name: $0, level: .street, parentId: nil, depth: 1) }
        let higher = RankingTable.order(Array(zip(units, [0.5, nil, 0.9, 0.5])), lowerIsBetter: false)
        #expect(higher.map(\.0.id) == ["c", "a", "d", "b"])
        let lower = RankingTable.order(Array(zip(units, [0.5, nil, 0.9, 0.1])), lowerIsBetter: true)
        #expect(lower.map(\.0.id) == ["d", "a", "c", "b"])
        let table = RankingTable(
            EvaluationIndex(Fixture.evaluation()), indicator: Fixture.evaluation().indicators[1],
            level: .community, strings: try! ReportStrings(language: .zh))
        #expect(table.rows.map(\.rank) == ["1", "2", "3"])
        #expect(table.rows.map(\.value) == ["94.67%", "89.09%", "87.51%"])
    }

    @Test("the status mix is drawn once even when the pipeline has no status breakdown")
    func derivedStatusMix() throws {
        var e = Fixture.evaluation()
        e.breakdowns.removeFirst()
        e.indicators.append(
            IndicatorInfo(name: "requests_resolved", title: LocalizedText(zh: "已解决诉求数", en: "Resolved"), display: .count, isRatio: false))
        e.results.append(
            IndicatorResult(
                unitId: "C01", indicator: "requests_resolved", value: 4229, numerator: nil, denominator: nil, target: nil, comparator: nil,
                status: .noTarget))
        let html = try SummaryHTML.render(e)
        #expect(html.contains("诉求办理状态构成"))
    }

    private func section(_ html: String, _ id: String) -> Substring? {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }
}
