import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

@Suite("year view: 环比/同比, trends, 序时进度")
struct YearViewTests {
    // MARK: 环比 and 同比

    @Test("a rate moves in percentage points, two decimals; up is good against a >= target")
    func ratePoints() throws {
        let change = try #require(PeriodChange.between(0.9289, 0.9017, format: .percent, comparator: .atLeast))
        #expect(change.direction == .up)
        #expect(change.amount == "2.72")
        #expect(change.inPoints)
        #expect(change.tone == .good)
        #expect(change.cssClass == "chg-good")
        let strings = try ReportStrings(language: .zh)
        #expect(change.text(strings) == "↑ 2.72 个百分点")
        #expect(change.text(try ReportStrings(language: .en)) == "↑ 2.72 pp")
        let fall = try #require(PeriodChange.between(0.9017, 0.9289, format: .percent, comparator: .atLeast))
        #expect(fall.direction == .down && fall.tone == .bad && fall.text(strings) == "↓ 2.72 个百分点")
    }

    @Test("a count moves in per cent of the earlier value, one decimal; no target makes it neutral")
    func countPercent() throws {
        // 4,690 against 4,200: +490 / 4,200 = 11.666…% → 11.7%.
        let up = try #require(PeriodChange.between(4690, 4200, format: .count, comparator: nil))
        #expect(up.direction == .up && up.amount == "11.7" && !up.inPoints && up.tone == .neutral)
        #expect(up.text(try ReportStrings(language: .zh)) == "↑ 11.7%")
        // 4,690 against 5,000: −310 / 5,000 = −6.2%.
        let down = try #require(PeriodChange.between(4690, 5000, format: .count, comparator: nil))
        #expect(down.direction == .down && down.amount == "6.2" && down.cssClass == "chg-neutral")
        // A decimal (services per 1,000 residents, 3.77 against 3.60 → +4.72…%) is a per-cent move too.
        let decimal = try #require(PeriodChange.between(3.77, 3.6, format: .decimal, comparator: .atLeast))
        #expect(decimal.amount == "4.7" && !decimal.inPoints && decimal.tone == .good)
    }

    @Test("a <= target makes a fall good and a rise bad")
    func lowerIsBetter() throws {
        // Mean days to close 9.40 → 8.46: −0.94 / 9.40 = −10.0%.
        let fall = try #require(PeriodChange.between(8.46, 9.4, format: .decimal, comparator: .atMost))
        #expect(fall.direction == .down && fall.amount == "10.0" && fall.tone == .good && fall.arrow == "↓")
        let rise = try #require(PeriodChange.between(9.4, 8.46, format: .decimal, comparator: .atMost))
        #expect(rise.direction == .up && rise.tone == .bad && rise.arrow == "↑")
        // A rate held to <= (a complaint rate): 4.00% → 3.50% is 0.50 points down, good.
        let rate = try #require(PeriodChange.between(0.035, 0.04, format: .percent, comparator: .atMost))
        #expect(rate.amount == "0.50" && rate.tone == .good)
    }

    @Test("a move that prints as zero is 持平 without an arrow; from zero there is no percentage; undefined gives none")
    func flatAndUndefined() throws {
        let strings = try ReportStrings(language: .zh)
        let tiny = try #require(PeriodChange.between(0.90001, 0.9, format: .percent, comparator: .atLeast))
        #expect(tiny.direction == .flat && tiny.tone == .neutral && tiny.arrow.isEmpty && tiny.text(strings) == "持平")
        #expect(PeriodChange.between(12, 0, format: .count, comparator: nil) == nil)
        #expect(PeriodChange.between(0, 0, format: .count, comparator: nil)?.direction == .flat)
        #expect(PeriodChange.between(nil, 0.9, format: .percent, comparator: .atLeast) == nil)
        #expect(PeriodChange.between(0.9, nil, format: .percent, comparator: .atLeast) == nil)
    }

    // MARK: which quarters

    @Test("the previous quarter and the same quarter a year earlier, across a year's end")
    func shiftedQuarters() {
        #expect(RecordedValue.shifted(Period(year: 2022, quarter: 1), by: -1) == Period(year: 2021, quarter: 4))
        #expect(RecordedValue.shifted(Period(year: 2022, quarter: 1), by: -4) == Period(year: 2021, quarter: 1))
        #expect(RecordedValue.shifted(Period(year: 2022, quarter: 3), by: -1) == Period(year: 2022, quarter: 2))
        #expect(RecordedValue.shifted(Period(year: 2022), by: -1) == nil)
    }

    @Test("quarters to read: the last seven recorded before the run's, plus the previous and the year-ago quarter")
    func quartersToRead() {
        func q(_ y: Int, _ n: Int) -> Period { Period(year: y, quarter: n) }
        // Recorded 2019Q1 … 2022Q2 except 2021Q2 and 2021Q4; the run is 2022Q2.
        var recorded = (2019...2021).flatMap { y in (1...4).map { q(y, $0) } } + [q(2022, 1), q(2022, 2), Period(year: 2021)]
        recorded.removeAll { $0 == q(2021, 2) || $0 == q(2021, 4) }
        let wanted = ReportHistory.quartersToRead(for: q(2022, 2), recorded: recorded)
        // The seven recorded quarters before 2022Q2, counting back: 2022Q1, 2021Q3, 2021Q1, 2020Q4, 2020Q3,
        // 2020Q2, 2020Q1; then 2022Q1 (previous, already there) and 2021Q2 (a year earlier, not recorded).
        #expect(wanted == [q(2020, 1), q(2020, 2), q(2020, 3), q(2020, 4), q(2021, 1), q(2021, 2), q(2021, 3), q(2022, 1)])
        #expect(ReportHistory.quartersToRead(for: Period(year: 2022), recorded: recorded).isEmpty)
    }

    // MARK: trend

    @Test("trend points: recorded quarters before the run's, the run's own from its evaluation, gaps kept as gaps")
    func trendPoints() {
        let current = IndicatorResult(
            unitId: "C01", indicator: "resolution_rate", value: 0.901706, numerator: nil, denominator: nil,
            target: 0.9, comparator: .atLeast, status: .met)
        let points = HeadlineYear.trendPoints(
            indicator: "resolution_rate", format: .percent, period: YearFixture.period,
            current: current, recorded: YearFixture.recorded)
        #expect(points.map(\.label) == ["2021Q2", "2022Q1", "2022Q2"])
        // Quarter ordinals: 2021 × 4 + 1 = 8085, then 8088 and 8089 (two quarters unrecorded between).
        #expect(points.map(\.position) == [8085, 8088, 8089])
        #expect(points.map(\.value) == [0.91, 0.88, 0.901706])
        #expect(points.map(\.valueText) == ["91.00%", "88.00%", "90.17%"])
        #expect(points.map(\.colour) == ["#2e7d32", "#e0a800", "#2e7d32"])
        // Coverage was not recorded in 2021Q2: a point without a value.
        let coverage = HeadlineYear.trendPoints(
            indicator: "grid_party_branch_coverage", format: .percent, period: YearFixture.period,
            current: nil, recorded: YearFixture.recorded)
        #expect(coverage.map(\.value) == [nil, 10.0 / 12, nil])
        #expect(coverage.map(\.valueText) == ["—", "83.33%", "—"])
    }

    @Test("at most eight points: the seven latest recorded quarters and the run's")
    func trendLength() {
        let recorded = (0..<12).map { i in
            RecordedValue(period: RecordedValue.shifted(YearFixture.period, by: -12 + i)!, indicator: "x", value: Double(i), status: .met)
        }
        let points = HeadlineYear.trendPoints(indicator: "x", format: .count, period: YearFixture.period, current: nil, recorded: recorded)
        #expect(points.count == 8)
        #expect(points.first?.label == "2020Q3")
        #expect(points.map(\.value).prefix(7) == [5, 6, 7, 8, 9, 10, 11])
    }

    @Test("the sparkline: positions by quarter, scaled to its range, the line broken across an unrecorded quarter")
    func sparkline() {
        let points = [
            SVGChart.TrendPoint(label: "2021Q4", position: 0, value: 1, valueText: "1", colour: "#2e7d32"),
            SVGChart.TrendPoint(label: "2022Q1", position: 1, value: 2, valueText: "2", colour: "#2e7d32"),
            SVGChart.TrendPoint(label: "2022Q3", position: 3, value: 3, valueText: "3", colour: "#c62828"),
        ]
        let chart = SVGChart.Sparkline(title: "趋势 <x>", points: points)
        // Width 200: x from 5 to 195 over positions 0…3; height 52: y from 35 (value 1) to 5 (value 3).
        let xy: [[Double]?] = chart.coordinates.map { $0.map { [$0.x, $0.y] } }
        let expected: [[Double]?] = [[5, 35], [5 + 190.0 / 3, 20], [195, 5]]
        #expect(xy == expected)
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<polyline").count == 2, "one line: 2022Q1 to 2022Q3 skips 2022Q2")
        #expect(svg.contains("points=\"5,35 68.3,20\""))
        #expect(svg.components(separatedBy: "<circle").count == 4)
        #expect(svg.contains("r=\"3.5\" fill=\"#c62828\""), "the last dot is the larger one")
        #expect(svg.contains("<title>趋势 &lt;x&gt;</title>"))
        #expect(svg.contains(">2021Q4</text>") && svg.contains(">2022Q3</text>"))
        #expect(!svg.contains("<script"))
        // A flat series within the minimum span sits at mid-height.
        let flat = SVGChart.Sparkline(
            title: "t", points: [points[0], SVGChart.TrendPoint(label: "b", position: 1, value: 1, valueText: "1", colour: "#000")],
            minimumSpan: 0.05)
        #expect(flat.coordinates.allSatisfy { abs(($0?.y ?? 0) - 20) < 1e-9 })
    }

    // MARK: units behind 序时进度

    @Test("units behind 序时进度: red before yellow, the largest shortfall against the pace first, grids left out")
    func behindPace() throws {
        let strings = try ReportStrings(language: .zh)
        let index = EvaluationIndex(Fixture.evaluation())
        let section = BehindPaceSection(YearFixture.table(), index: index, strings: strings)
        #expect(section.rows.map(\.unitName) == ["东方社区", "笔架山街道", "示范市", "A&B \"x\", 二组"])
        #expect(section.rows.map(\.card) == ["落后", "落后", "预警", "预警"])
        let m01 = section.rows[0]
        #expect(m01.items.map(\.indicator) == ["网格党支部覆盖率", "诉求解决率"])
        #expect(m01.items.map(\.gap) == ["差 30.00 个百分点", "差 10.00 个百分点"])
        #expect(m01.span == 2 && m01.items[0].isFirst && !m01.items[1].isFirst)
        let city = section.rows[2]
        // requests_received: 9,000 against the pace 10,000 (year 20,000), 45% done, 1,000 short.
        #expect(city.items[0].indicator == "受理诉求数")
        #expect(city.items[0].value == "9,000" && city.items[0].pace == "≥ 10,000" && city.items[0].target == "≥ 20,000")
        #expect(city.items[0].completion == "45.00%" && city.items[0].gap == "差 1,000")
        #expect(city.items[1].completion == "—")
        #expect(section.summary == "截至2022年第二季度，落后于序时进度的单位 2 个，接近落后（预警）的 2 个。")
        #expect(section.span == "2022Q1–2022Q2")
        #expect(section.gridNote == nil && section.moreNote == nil)
    }

    // MARK: rendered

    @Test("the headline cards carry the year: year-to-date, bar and 序时进度 marker, 环比/同比 with coloured arrows, a trend")
    func htmlCards() throws {
        let html = try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings, history: YearFixture.history())
        let headline = try #require(section(html, "headline"))
        #expect(headline.contains("<span class=\"kpi-period\">本季度</span>90.17%"))
        #expect(headline.contains("<span>年度累计</span><span class=\"ytd-value\">9,000</span><span class=\"chip st-warning\">预警</span>"))
        #expect(
            headline.contains(
                "<span class=\"bar-fill st-warning\" style=\"width: 45.00%\"></span><span class=\"bar-pace\" style=\"left: 50.00%\"></span>"
            ))
        #expect(headline.contains("完成 45.00% · 序时进度 50%"))
        #expect(headline.contains("<span class=\"chg chg-good\" title=\"2022Q1 88.00%\">环比 ↑ 2.17 个百分点</span>"))
        #expect(headline.contains("<span class=\"chg chg-bad\" title=\"2021Q2 91.00%\">同比 ↓ 0.83 个百分点</span>"))
        #expect(headline.contains("<span class=\"chg chg-neutral\" title=\"2022Q1 4,200\">环比 ↑ 11.7%</span>"))
        #expect(headline.contains("环比 持平"))
        #expect(headline.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\"").count == 4)
        // A rate target that is not spread over the year: no bar, the year's target instead.
        #expect(headline.components(separatedBy: "class=\"bar\"").count == 2)
        #expect(headline.contains("全年目标 ≥ 90.00%"))
        let pace = try #require(section(html, "pace"))
        #expect(pace.contains("<h2>三、序时进度</h2>"))
        #expect(html.contains("<h2>四、排名</h2>") && html.contains("<h2>七、数据质量</h2>"))
        #expect(!html.contains("⟦"), "a wording key is missing")
        for forbidden in ["<script", "<link", "src=", "href=", "url("] { #expect(!html.lowercased().contains(forbidden)) }
    }

    @Test("summary.md says the same in text, in Chinese and in English")
    func markdown() throws {
        let md = try SummaryMarkdown.render(Fixture.evaluation(), findings: Fixture.findings, history: YearFixture.history())
        #expect(md.contains("### 年度累计与变化（2022Q1–2022Q2）"))
        #expect(md.contains("| 受理诉求数 | 9,000 | ≥ 20,000 | 45.00% | 50% | 🟡 预警 | ↑ 11.7% | ↓ 6.2% |"))
        #expect(md.contains("| 诉求解决率 | 89.00% | ≥ 90.00% | — | — | 🟡 预警 | ↑ 2.17 个百分点 | ↓ 0.83 个百分点 |"))
        #expect(md.contains("| 网格党支部覆盖率 | 83.33% | ≥ 80.00% | — | — | 🟢 达标 | 持平 | — |"))
        #expect(md.contains("- 诉求解决率：2021Q2 91.00% → 2022Q1 88.00% → 2022Q2 90.17%"))
        #expect(md.contains("## 三、序时进度"))
        #expect(md.contains("| 🔴 落后 | 东方社区 (绣林街道) | 社区（村） | 网格党支部覆盖率 (未达标) | 50.00% | ≥ 80.00% | ≥ 80.00% | — | 差 30.00 个百分点 |"))
        #expect(!md.contains("<svg"))
        let en = try SummaryMarkdown.render(Fixture.evaluation(), language: .en, findings: Fixture.findings, history: YearFixture.history())
        #expect(en.contains("### Year to date and change (2022Q1–2022Q2)"))
        #expect(en.contains("| Resolution rate | 89.00% | ≥ 90.00% | — | — | 🟡 warning | ↑ 2.17 pp | ↓ 0.83 pp |"))
        #expect(en.contains("## 3. Behind the year's pace"))
        #expect(!en.contains("⟦"))
    }

    @Test("a missing quarter: no year-to-date, a note naming it, changes and trends still shown")
    func gap() throws {
        let history = ReportHistory(yearToDate: nil, missingQuarters: [Period(year: 2022, quarter: 1)], recorded: YearFixture.recorded)
        let html = try SummaryHTML.render(Fixture.evaluation(), history: history)
        #expect(html.contains("历史库缺少 2022Q1 的记录"))
        #expect(!html.contains("<span>年度累计</span>"))
        #expect(html.contains("环比 ↑ 2.17 个百分点"))
        #expect(html.contains("<section id=\"pace\""))
    }

    @Test("without history nothing of the year appears, and a year run ignores history")
    func withoutHistory() throws {
        let plain = try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings)
        #expect(plain == (try SummaryHTML.render(Fixture.evaluation(), findings: Fixture.findings, history: nil)))
        for absent in ["年度累计", "kpi-year", "id=\"pace\"", "class=\"spark\"", "环比", ".chg-good"] {
            #expect(!plain.contains(absent), "\(absent) without history")
        }
        #expect(plain.contains("<h2>三、排名</h2>"))
        var year = Fixture.evaluation()
        year.period = Period(year: 2022)
        #expect(try SummaryHTML.render(year, history: YearFixture.history()) == (try SummaryHTML.render(year)))
        #expect(try SummaryMarkdown.render(year, history: YearFixture.history()) == (try SummaryMarkdown.render(year)))
    }

    private func section(_ html: String, _ id: String) -> Substring? {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex) else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }
}
