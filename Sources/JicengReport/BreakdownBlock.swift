import JicengAggregate
import JicengCore

/// One breakdown of the top unit's rows (requests by status, by channel, services by category)
/// as a chart and as a table of counts and shares. The status mix of requests is drawn as a donut,
/// from a status breakdown when the pipeline defines one, else from the status-count indicators.
struct BreakdownBlock {
    struct Row {
        let label: String
        let count: String
        let share: String
    }

    static let requestStatuses = ["resolved", "in_progress", "explained", "open"]
    static let statusColours = ["resolved": "#2e7d32", "in_progress": "#1f6feb", "explained": "#8c959f", "open": "#c62828"]
    static let barColour = "#3b6ea8"
    static let palette = ["#1f6feb", "#2da44e", "#bf8700", "#8250df", "#cf222e", "#1b7c83", "#bc4c00", "#6e7781", "#4d2d8f", "#116329"]

    let title: String
    let total: String
    let rows: [Row]
    let svg: String

    static func build(_ index: EvaluationIndex, strings: ReportStrings, withCharts: Bool) -> [BreakdownBlock] {
        let language = strings.language
        var blocks: [BreakdownBlock] = []
        let breakdowns = index.evaluation.breakdowns
        let hasStatusBreakdown = breakdowns.contains { b in
            !b.slices.isEmpty && b.slices.allSatisfy { requestStatuses.contains($0.value) }
        }
        if !hasStatusBreakdown, let top = index.top {
            let present = requestStatuses.filter { index.indicatorsByName["requests_" + $0] != nil }
            if !present.isEmpty {
                let slices = present.map { status in
                    BreakdownResult.Slice(
                        value: status, title: LocalizedText(zh: strings["requestStatus." + status], en: strings["requestStatus." + status]),
                        count: Int64((index.result(top.id, "requests_" + status)?.value ?? 0).rounded()))
                }
                let derived = BreakdownResult(
                    name: "requests_by_status", title: LocalizedText(zh: strings["charts.statusMix"], en: strings["charts.statusMix"]),
                    slices: slices)
                blocks.append(BreakdownBlock(derived, language: language, strings: strings, withCharts: withCharts))
            }
        }
        for breakdown in breakdowns {
            blocks.append(BreakdownBlock(breakdown, language: language, strings: strings, withCharts: withCharts))
        }
        return blocks
    }

    init(_ breakdown: BreakdownResult, language: Language, strings: ReportStrings, withCharts: Bool) {
        let total = breakdown.slices.reduce(Int64(0)) { $0 + max($1.count, 0) }
        title = breakdown.title.text(language)
        self.total = DisplayFormat.count(total)
        rows = breakdown.slices.map {
            Row(label: $0.title.text(language), count: DisplayFormat.count($0.count), share: DisplayFormat.share($0.count, of: total))
        }
        guard withCharts else {
            svg = ""
            return
        }
        let isStatusMix = breakdown.slices.allSatisfy { BreakdownBlock.requestStatuses.contains($0.value) }
        func colour(_ slice: BreakdownResult.Slice, _ i: Int) -> String {
            BreakdownBlock.statusColours[slice.value] ?? BreakdownBlock.palette[i % BreakdownBlock.palette.count]
        }
        if isStatusMix || breakdown.slices.count <= 3 {
            let slices = breakdown.slices.enumerated().map {
                SVGChart.Slice(label: $0.element.title.text(language), count: $0.element.count, colour: colour($0.element, $0.offset))
            }
            svg = SVGChart.Donut(title: title, slices: slices, centreText: self.total, centreCaption: strings["charts.total"]).svg()
        } else {
            let bars = breakdown.slices.enumerated().map {
                SVGChart.Bar(
                    label: $0.element.title.text(language), value: Double($0.element.count),
                    valueText: DisplayFormat.count($0.element.count), colour: BreakdownBlock.barColour)
            }
            let longest = bars.map { SVGChart.estimatedWidth($0.label) }.max() ?? 0
            let orientation: SVGChart.Orientation = bars.count <= 10 && longest <= 6 ? .vertical : .horizontal
            svg = SVGChart.BarChart(title: title, bars: bars, orientation: orientation, axisFormat: .number).svg()
        }
    }
}
