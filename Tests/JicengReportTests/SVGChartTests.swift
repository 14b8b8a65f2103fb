import Foundation
import Testing

@testable import JicengReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("SVG charts")
struct SVGChartTests {
    private let bars = [
        SVGChart.Bar(label: "绣林街道", value: 0.923077, valueText: "92.31%", target: 0.9, colour: "#2e7d32"),
        SVGChart.Bar(label: "<script>alert(1)</script>", value: 0.875, valueText: "87.50%", target: 0.9, colour: "#c62828"),
        SVGChart.Bar(label: "A&B \"x\"", value: nil, valueText: "—", target: 0.9, colour: "#9aa0a6"),
    ]

    @Test("horizontal bars: well-formed, one target line across the plot, escaped labels")
    func horizontal() throws {
        let svg = SVGChart.BarChart(title: "诉求解决率（街道）", bars: bars, scaleMax: 1, axisFormat: .percent, targetLabel: "目标 ≥ 90.00%").svg()
        try wellFormed(svg)
        #expect(occurrences(of: "class=\"target-line\"", in: svg) == 1)
        #expect(svg.contains("目标 ≥ 90.00%"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("A&amp;B &quot;x&quot;"))
        #expect(svg.contains(">100%</text>"))
        #expect(svg.range(of: "[=\" ][-0-9.]+[eE][-+]?[0-9]", options: .regularExpression) == nil, "no exponent in numbers")
    }

    @Test("different targets give a tick per bar; vertical bars are well-formed too")
    func perBarTargets() throws {
        var mixed = bars
        mixed[0].target = 0.85
        let svg = SVGChart.BarChart(title: "t", bars: mixed, orientation: .horizontal, scaleMax: 1, axisFormat: .percent).svg()
        try wellFormed(svg)
        #expect(occurrences(of: "class=\"target-line\"", in: svg) == 3)
        let vertical = SVGChart.BarChart(title: "渠道", bars: bars, orientation: .vertical, axisFormat: .percent, targetLabel: "目标").svg()
        try wellFormed(vertical)
        #expect(occurrences(of: "class=\"target-line\"", in: vertical) == 1)
    }

    @Test("donut: well-formed, a full ring for a single slice, nothing for an empty whole")
    func donut() throws {
        let slices = [
            SVGChart.Slice(label: "已解决", count: 4229, colour: "#2e7d32"),
            SVGChart.Slice(label: "办理中", count: 332, colour: "#1f6feb"),
            SVGChart.Slice(label: "已解释", count: 129, colour: "#8c959f"),
            SVGChart.Slice(label: "未办理", count: 0, colour: "#c62828"),
        ]
        let svg = SVGChart.Donut(title: "状态", slices: slices, centreText: "4,690", centreCaption: "合计").svg()
        try wellFormed(svg)
        #expect(occurrences(of: "<path", in: svg) == 3)
        #expect(svg.contains("90.2%"))
        let single = SVGChart.Donut(title: "x", slices: [SVGChart.Slice(label: "全部", count: 5, colour: "#000")]).svg()
        try wellFormed(single)
        #expect(occurrences(of: "<path", in: single) == 2)
        try wellFormed(SVGChart.Donut(title: "x", slices: []).svg())
    }

    @Test("deterministic output")
    func deterministic() {
        let a = SVGChart.BarChart(title: "t", bars: bars, scaleMax: 1, axisFormat: .percent).svg()
        let b = SVGChart.BarChart(title: "t", bars: bars, scaleMax: 1, axisFormat: .percent).svg()
        #expect(a == b)
    }

    @Test("text width estimate: CJK 1 em, ASCII 0.55 em; long labels are cut with an ellipsis")
    func widths() {
        #expect(SVGChart.estimatedWidth("社区") == 2)
        #expect(abs(SVGChart.estimatedWidth("ab") - 1.1) < 1e-9)
        #expect(abs(SVGChart.estimatedWidth("东方社区A") - 4.55) < 1e-9)
        let cut = SVGChart.truncated(String(repeating: "长", count: 30), maxEm: 10)
        #expect(cut.hasSuffix("…"))
        #expect(SVGChart.estimatedWidth(cut) <= 10)
        // Labels of a chart are sized to the longest CJK name.
        let svg = SVGChart.BarChart(title: "t", bars: [SVGChart.Bar(label: "笔架山街道东方社区", value: 1, valueText: "1", colour: "#000")]).svg()
        #expect(svg.contains(">笔架山街道东方社区</text>"))
    }

    @Test("axis steps are round numbers")
    func axis() {
        #expect(SVGChart.axis(upTo: 1) == (max: 1, step: 0.2))
        #expect(SVGChart.axis(upTo: 2100) == (max: 2500, step: 500))
        #expect(SVGChart.axis(upTo: 0) == (max: 1, step: 0.25))
        #expect(SVGChart.axis(upTo: 87) == (max: 100, step: 20))
    }

    private func occurrences(of needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    private func wellFormed(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parser = XMLParser(data: Data(svg.utf8))
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")", sourceLocation: sourceLocation)
        #expect(svg.hasPrefix("<svg "), sourceLocation: sourceLocation)
    }
}
