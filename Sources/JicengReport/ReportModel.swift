import JicengAggregate
import JicengCore

/// What `summary.html` and `summary.md` show, already formatted for one language: the templates
/// only arrange these texts, so both formats carry the same content and the same numbers.
///
/// Field names are the template's vocabulary (`{{#headline}}…{{/headline}}`); every text from the
/// data stays raw here and is escaped by the template's content type (HTML or Markdown). Only
/// `svg` fields are markup, built and escaped by `SVGChart`.
struct ReportModel {
    struct StatusText {
        let label: String
        let cssClass: String
        let marker: String
        /// The marker where a target applies; nil for `no_target` (a plain count needs no dot).
        let cellMarker: String?
    }

    struct HeadlineItem {
        let title: String
        let value: String
        let target: String
        let hasTarget: Bool
        let status: StatusText
    }

    let lang: String
    let s: [String: Any]
    let documentTitle: String
    let topUnitName: String
    let periodText: String
    let periodRange: String
    let periodLine: String
    let pipelineName: String
    let toolVersion: String
    let generatedBy: String
    let legend: [StatusText]

    let headline: [HeadlineItem]
    let hasHeadline: Bool
    let cards: CardSection
    let rankings: [RankingTable]
    let hasRankings: Bool
    let charts: [ChartBlock]
    let breakdowns: [BreakdownBlock]
    let hasCharts: Bool
    let hasUnitCharts: Bool
    let hasBreakdowns: Bool
    let topTable: [TopTableRow]
    let matrices: [LevelMatrix]
    let gridNote: String?
    let quality: QualitySection

    /// Builds the model. `withCharts` renders the SVG charts (HTML only).
    init(_ evaluation: Evaluation, findings: [Finding], strings: ReportStrings, withCharts: Bool) {
        let index = EvaluationIndex(evaluation)
        let language = strings.language
        let top = index.top
        lang = strings["meta.lang"]
        s = strings.tree
        topUnitName = top?.name ?? ""
        periodText = strings.period(evaluation.period)
        periodRange = strings.fill("period.range", [
            "from": evaluation.period.firstDay.description, "to": evaluation.period.lastDay.description,
        ])
        periodLine = strings.fill("meta.periodLine", ["period": periodText, "range": periodRange])
        pipelineName = evaluation.pipelineName
        toolVersion = evaluation.toolVersion
        documentTitle = strings.fill("title.document", ["unit": topUnitName, "period": periodText])
        generatedBy = strings.fill("title.generatedBy", ["version": evaluation.toolVersion, "pipeline": evaluation.pipelineName])
        legend = [TargetStatus.met, .warning, .missed, .noData, .noTarget].map { ReportModel.statusText($0, strings) }

        var headline: [HeadlineItem] = []
        if let top {
            for info in index.indicators(named: evaluation.headline) {
                let format = DisplayFormat(display: info.display)
                let r = index.result(top.id, info.name)
                headline.append(HeadlineItem(
                    title: info.title.text(language),
                    value: format.text(r?.value),
                    target: format.targetText(r?.target, comparator: r?.comparator),
                    hasTarget: r?.target != nil,
                    status: ReportModel.statusText(r?.status ?? .noData, strings)))
            }
        }
        self.headline = headline
        hasHeadline = !headline.isEmpty
        cards = CardSection(index, strings: strings)
        rankings = RankingTable.build(index, strings: strings)
        hasRankings = !rankings.isEmpty
        charts = withCharts ? ChartBlock.build(index, strings: strings) : []
        breakdowns = BreakdownBlock.build(index, strings: strings, withCharts: withCharts)
        hasCharts = !charts.isEmpty || !breakdowns.isEmpty
        hasUnitCharts = !charts.isEmpty
        hasBreakdowns = !breakdowns.isEmpty
        topTable = TopTableRow.build(index, strings: strings)
        matrices = LevelMatrix.build(index, strings: strings)
        gridNote = index.lowerLevels.contains(.grid)
            ? strings.fill("tables.gridNote", ["count": DisplayFormat.count(Int64(index.units(at: .grid).count))]) : nil
        quality = QualitySection(evaluation, findings: findings, strings: strings)
    }

    static func statusText(_ status: TargetStatus, _ strings: ReportStrings) -> StatusText {
        let style = StatusStyle(status)
        return StatusText(label: strings.status(status), cssClass: style.cssClass, marker: style.marker,
                          cellMarker: status == .noTarget ? nil : style.marker)
    }
}
