import JicengAggregate
import JicengCore

/// The year view of one headline card, shown when the run has a history store: the
/// year-to-date value against the year's target (with a completion bar and the 序时进度 marker
/// for a `linear` target), 环比 and 同比 where the store holds those quarters, and the trend of the
/// last recorded quarters.
struct HeadlineYear {
    struct Change {
        /// `环比` or `同比`.
        let label: String
        let text: String
        let cssClass: String
        /// The earlier quarter and its value, e.g. `2022Q1 90.10%`.
        let earlier: String
    }

    struct Trend {
        let svg: String
        /// The values in words, oldest first: `2022Q1 90.10% → 2022Q2 90.17%`.
        let text: String
    }

    let hasYTD: Bool
    let ytdValue: String
    /// The year's target, never pro-rated: `≥ 12.00`.
    let yearTarget: String
    let hasYearTarget: Bool
    let status: ReportModel.StatusText
    /// A `linear` target with a value: completion bar and 序时进度 marker.
    let hasBar: Bool
    /// value / target, e.g. `87.42%`; `—` without a value.
    let completion: String
    /// Width of the bar's fill and position of the pace marker, in per cent of the bar (CSS).
    let completionWidth: String
    let paceWidth: String
    /// `75%`: the share of the year's target the pace asks for after n quarters.
    let pace: String
    /// What the year-to-date value is held to: `≥ 9.00` (the pace target), for the Markdown table.
    let paceTarget: String
    let barCaption: String
    /// The bar in words, for screen readers.
    let barLabel: String
    /// The pace share where a bar applies, else `—` (Markdown column).
    let paceText: String
    let changes: [Change]
    /// 环比 and 同比 in words, `—` when the store does not hold that quarter (Markdown columns).
    let qoqText: String
    let yoyText: String
    let hasChanges: Bool
    let trend: Trend?

    /// The year view of `info` for the top unit; `yearToDate` holds the top unit's year-to-date
    /// rows by indicator (empty when the year-to-date table is missing).
    init(
        indicator info: IndicatorInfo, top: UnitInfo, index: EvaluationIndex, history: ReportHistory,
        yearToDate: [String: YearToDateResult], strings: ReportStrings, withCharts: Bool
    ) {
        let format = DisplayFormat(display: info.display)
        let period = index.evaluation.period
        let current = index.result(top.id, info.name)

        let ytd = yearToDate[info.name]
        hasYTD = ytd != nil
        ytdValue = format.text(ytd?.value)
        yearTarget = format.targetText(ytd?.target, comparator: ytd?.comparator)
        hasYearTarget = ytd?.target != nil
        status = ReportModel.statusText(ytd?.status ?? .noData, strings)
        let quarters = history.yearToDate?.quarters ?? period.quarter ?? 0
        let paceShare = Double(quarters) / 4
        hasBar = ytd?.completion != nil
        let completionShare = ytd?.completion
        completion = completionShare.map { DisplayFormat.fixed($0 * 100, decimals: 2, grouping: true) + "%" } ?? DisplayFormat.undefined
        completionWidth = DisplayFormat.fixed(min(max(completionShare ?? 0, 0), 1) * 100, decimals: 2, grouping: false)
        paceWidth = DisplayFormat.fixed(paceShare * 100, decimals: 2, grouping: false)
        pace = DisplayFormat.fixed(paceShare * 100, decimals: 0, grouping: false) + "%"
        paceTarget = format.targetText(ytd?.paceTarget, comparator: ytd?.comparator)
        barCaption = strings.fill("year.barCaption", ["completion": completion, "pace": pace])
        barLabel = strings.fill("year.barLabel", ["completion": completion, "pace": pace])
        paceText = hasBar ? pace : DisplayFormat.undefined

        // 环比 and 同比: the run's quarter against the recorded quarter before it and a year before it.
        let values = history.recorded.filter { $0.indicator == info.name }
        var changes: [Change] = []
        var texts: [String: String] = [:]
        for (key, offset) in [("year.qoq", -1), ("year.yoy", -4)] {
            guard let earlierPeriod = RecordedValue.shifted(period, by: offset),
                let earlier = values.first(where: { $0.period == earlierPeriod }),
                let change = PeriodChange.between(
                    current?.value, earlier.value, format: format,
                    comparator: current?.comparator ?? (index.lowerIsBetter(info.name) ? .atMost : nil))
            else { continue }
            changes.append(
                Change(
                    label: strings[key], text: change.text(strings), cssClass: change.cssClass,
                    earlier: earlierPeriod.description + " " + format.text(earlier.value)))
            texts[key] = change.text(strings)
        }
        self.changes = changes
        qoqText = texts["year.qoq"] ?? DisplayFormat.undefined
        yoyText = texts["year.yoy"] ?? DisplayFormat.undefined
        hasChanges = !changes.isEmpty

        let points = HeadlineYear.trendPoints(
            indicator: info.name, format: format, period: period, current: current,
            recorded: history.recorded)
        if points.count >= 2 {
            let title = strings.fill("year.trendTitle", ["indicator": info.title.text(strings.language), "count": String(points.count)])
            let largest = points.compactMap(\.value).map(abs).max() ?? 0
            let span = format == .percent ? 0.05 : largest * 0.1
            trend = Trend(
                svg: withCharts ? SVGChart.Sparkline(title: title, points: points, minimumSpan: span).svg() : "",
                text: points.map { $0.label + " " + $0.valueText }.joined(separator: " → "))
        } else {
            trend = nil
        }
    }

    /// The points of an indicator's trend: the last `ReportHistory.trendLength − 1` quarters
    /// recorded before the run's quarter (whichever headline indicators they hold) and the run's
    /// quarter itself, from its evaluation. A recorded quarter without this indicator's row is a
    /// point without a value.
    static func trendPoints(
        indicator: String, format: DisplayFormat, period: Period, current: IndicatorResult?,
        recorded: [RecordedValue]
    ) -> [SVGChart.TrendPoint] {
        guard period.quarter != nil else { return [] }
        let now = RecordedValue.ordinal(period)
        var seen = Set<Period>()
        let earlier = recorded.map(\.period).filter { RecordedValue.ordinal($0) < now && seen.insert($0).inserted }
            .sorted { RecordedValue.ordinal($0) < RecordedValue.ordinal($1) }
            .suffix(ReportHistory.trendLength - 1)
        var points = earlier.map { quarter -> SVGChart.TrendPoint in
            let v = recorded.first { $0.period == quarter && $0.indicator == indicator }
            return SVGChart.TrendPoint(
                label: quarter.description, position: RecordedValue.ordinal(quarter), value: v?.value,
                valueText: format.text(v?.value), colour: StatusStyle(v?.status ?? .noData).colour)
        }
        points.append(
            SVGChart.TrendPoint(
                label: period.description, position: now, value: current?.value,
                valueText: format.text(current?.value), colour: StatusStyle(current?.status ?? .noData).colour))
        return points
    }
}
