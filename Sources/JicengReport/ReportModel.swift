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
        /// The year view (with a history store only).
        let year: HeadlineYear?
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
    let titles: SectionTitles
    /// The notice at the top when the drop had errors or unusable data.
    let banner: QualityBanner?

    let headline: [HeadlineItem]
    /// With a history store: the heading of the year columns (Markdown), the note when the
    /// year-to-date table is missing, and the section of units behind 序时进度.
    let hasYear: Bool
    let yearHeading: String?
    let yearGapNote: String?
    let hasTrends: Bool
    let pace: BehindPaceSection?
    let hasPaceSection: Bool
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

    /// Builds the model. `withCharts` renders the SVG charts (HTML only); `history` adds the year
    /// view (nothing of it appears without one); `leftOut` are the titles of the pipeline's
    /// indicators the evaluation lacks (their data was missing or unusable).
    init(
        _ evaluation: Evaluation, findings: [Finding], strings: ReportStrings, withCharts: Bool, history: ReportHistory? = nil,
        leftOut: [LocalizedText] = []
    ) {
        self.init(
            EvaluationIndex(evaluation), findings: findings, strings: strings, withCharts: withCharts, history: history,
            leftOut: leftOut)
    }

    /// The model over an index already made (one for all the outputs of a report).
    init(
        _ index: EvaluationIndex, findings: [Finding], strings: ReportStrings, withCharts: Bool, history: ReportHistory?,
        leftOut: [LocalizedText]
    ) {
        let evaluation = index.evaluation
        let language = strings.language
        let top = index.top
        lang = strings["meta.lang"]
        s = strings.tree
        topUnitName = top?.name ?? ""
        periodText = strings.period(evaluation.period)
        periodRange = strings.fill(
            "period.range",
            [
                "from": evaluation.period.firstDay.description, "to": evaluation.period.lastDay.description,
            ])
        periodLine = strings.fill("meta.periodLine", ["period": periodText, "range": periodRange])
        pipelineName = evaluation.pipelineName
        toolVersion = evaluation.toolVersion
        documentTitle = strings.fill("title.document", ["unit": topUnitName, "period": periodText])
        generatedBy = strings.fill("title.generatedBy", ["version": evaluation.toolVersion, "pipeline": evaluation.pipelineName])
        legend = [TargetStatus.met, .warning, .missed, .noData, .noTarget].map { ReportModel.statusText($0, strings) }

        // The year view needs a quarter run: a year or half-year run is shown as without history.
        let history = evaluation.period.quarter != nil ? history : nil
        var topYearToDate: [String: YearToDateResult] = [:]
        if let top, let table = history?.yearToDate {
            for r in table.results where r.unitId == top.id { topYearToDate[r.indicator] = r }
        }
        var headline: [HeadlineItem] = []
        if let top {
            for info in index.indicators(named: evaluation.headline) {
                let format = DisplayFormat(display: info.display)
                let r = index.result(top.id, info.name)
                headline.append(
                    HeadlineItem(
                        title: info.title.text(language),
                        value: format.text(r?.value),
                        target: format.targetText(r?.target, comparator: r?.comparator),
                        hasTarget: r?.target != nil,
                        status: ReportModel.statusText(r?.status ?? .noData, strings),
                        year: history.map {
                            HeadlineYear(
                                indicator: info, top: top, index: index, history: $0, yearToDate: topYearToDate,
                                strings: strings, withCharts: withCharts)
                        }))
            }
        }
        self.headline = headline
        hasHeadline = !headline.isEmpty
        hasYear = history != nil
        hasTrends = headline.contains { $0.year?.trend != nil }
        let table = history?.yearToDate
        yearHeading = history.map { _ in
            let span = table.map { t in t.quarters > 1 ? "\(Period(year: t.period.year, quarter: 1))–\(t.period)" : t.period.description }
            return strings.fill("year.heading", ["span": span ?? evaluation.period.description])
        }
        if let history, table == nil {
            let named = history.missingQuarters.isEmpty ? [evaluation.period] : history.missingQuarters
            yearGapNote = strings.fill("year.gap", ["quarters": named.map(\.description).joined(separator: strings["list.separator"])])
        } else {
            yearGapNote = nil
        }
        pace = table.map { BehindPaceSection($0, index: index, strings: strings) }
        hasPaceSection = history != nil
        titles = SectionTitles(strings, withPace: history != nil)
        banner = QualityBanner(evaluation, leftOut: leftOut, titles: titles, strings: strings)
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
        gridNote =
            index.lowerLevels.contains(.grid)
            ? strings.fill("tables.gridNote", ["count": DisplayFormat.count(Int64(index.units(at: .grid).count))]) : nil
        quality = QualitySection(evaluation, findings: findings, strings: strings)
    }

    static func statusText(_ status: TargetStatus, _ strings: ReportStrings) -> StatusText {
        let style = StatusStyle(status)
        return StatusText(
            label: strings.status(status), cssClass: style.cssClass, marker: style.marker,
            cellMarker: status == .noTarget ? nil : style.marker)
    }
}
