import JicengAggregate
import JicengCore

/// One "bars by unit" chart of the report: a bar-chart indicator across the units of one level,
/// bars coloured by target status, the target drawn as a line. Long lists keep the best and the
/// worst fifteen units so that the chart still fits a page; units of the same name carry their
/// parent's name.
struct ChartBlock {
    static let headAndTail = 15

    let title: String
    let note: String?
    let svg: String

    static func build(_ index: EvaluationIndex, strings: ReportStrings) -> [ChartBlock] {
        var blocks: [ChartBlock] = []
        let levels = index.lowerLevels.filter { $0 != .grid }
        for info in index.indicators(named: index.evaluation.barCharts) {
            for level in levels {
                let units = index.units(at: level)
                guard units.count >= 2 else { continue }  // one bar compares nothing
                blocks.append(ChartBlock(index, indicator: info, level: level, units: units, strings: strings))
            }
        }
        return blocks
    }

    init(_ index: EvaluationIndex, indicator info: IndicatorInfo, level: UnitLevel, units: [UnitInfo], strings: ReportStrings) {
        let language = strings.language
        let format = DisplayFormat(display: info.display)
        let ordered = RankingTable.order(
            units.map { ($0, index.result($0.id, info.name)?.value) },
            lowerIsBetter: index.lowerIsBetter(info.name))
        var shown = ordered
        var note: String?
        let keep = ChartBlock.headAndTail
        if ordered.count > 2 * keep {
            shown = Array(ordered.prefix(keep)) + Array(ordered.suffix(keep))
            note = strings.fill("charts.truncated", ["shown": String(keep), "count": DisplayFormat.count(Int64(ordered.count))])
        }
        // Communities of the same name under different streets are told apart by their parent.
        let names = shown.map(\.0.name)
        let ambiguous = Set(names.filter { name in names.filter { $0 == name }.count > 1 })
        let bars = shown.map { unit, value -> SVGChart.Bar in
            let r = index.result(unit.id, info.name)
            let label =
                ambiguous.contains(unit.name)
                ? strings.fill("charts.labelWithParent", ["unit": unit.name, "parent": index.parentName(of: unit)]) : unit.name
            return SVGChart.Bar(
                label: label, value: value, valueText: format.text(value), target: r?.target,
                colour: StatusStyle(r?.status ?? .noData).colour)
        }
        let title = strings.fill("charts.byUnitTitle", ["indicator": info.title.text(language), "level": strings.level(level)])
        var targetLabel: String?
        if let shared = index.sharedTarget(info.name, units: shown.map(\.0)) {
            targetLabel = strings.fill("charts.targetLine", ["target": format.targetText(shared.target, comparator: shared.comparator)])
        }
        let chart = SVGChart.BarChart(
            title: title, bars: bars, orientation: .horizontal,
            scaleMax: format == .percent ? 1 : nil,
            axisFormat: format == .percent ? .percent : .number, targetLabel: targetLabel)
        self.title = title
        self.note = note
        self.svg = chart.svg()
    }
}
