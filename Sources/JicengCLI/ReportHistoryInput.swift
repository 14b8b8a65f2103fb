import JicengAggregate
import JicengCore
import JicengHistory
import JicengPipeline
import JicengReport

/// What the reports show of the year, read from a history store (contract §8): the run's
/// year-to-date table (computed by the caller) and the recorded quarter values of the top unit's
/// headline indicators — the last recorded quarters, the previous quarter (环比) and the same
/// quarter a year earlier (同比). The report stage gets these values and never opens the store.
enum ReportHistoryInput {
    /// nil for a run that is not a quarter: a year or half-year report has no year view.
    static func read(_ store: HistoryStore, evaluation: Evaluation, yearToDate: YearToDateTable?, missing: [Period]) throws
        -> ReportHistory?
    {
        let period = evaluation.period
        guard period.quarter != nil else { return nil }
        var values: [RecordedValue] = []
        if let top = evaluation.units.first(where: { $0.parentId == nil }) ?? evaluation.units.min(by: { $0.depth < $1.depth }) {
            let recorded = try store.recordedQuarters(pipeline: evaluation.pipelineName, through: period)
            values = try store.recordedValues(
                pipeline: evaluation.pipelineName, unitId: top.id, indicators: evaluation.headline,
                periods: ReportHistory.quartersToRead(for: period, recorded: recorded))
        }
        return ReportHistory(yearToDate: yearToDate, missingQuarters: missing, recorded: values)
    }
}

extension ReportHistoryInput {
    /// What `jiceng report --history` renders: the evaluation and findings (with a `history-gap`
    /// warning added when the store lacks a quarter of the year and the run folder does not say
    /// so already), the year-to-date table recomputed from the store against the targets now in
    /// force, and the report's year view.
    struct Rerender {
        var evaluation: Evaluation
        var findings: [Finding]
        var yearToDate: YearToDateTable?
        var report: ReportHistory?

        /// `indicators_ytd.csv`, when the store holds every quarter of the year so far.
        func writeYearToDate(to folder: OutputFolder) throws {
            if let yearToDate { try folder.write(IndicatorsYTDCSV.render(yearToDate), to: "indicators_ytd.csv") }
        }
    }

    /// Opens the store at `path` for reading (nil: no history, the report as without one) and
    /// reads what the re-rendered reports show of the year.
    static func rerender(
        store path: String?, pipeline: Pipeline, targets: TargetBook, evaluation: Evaluation,
        findings: [Finding]
    ) throws -> Rerender {
        var result = Rerender(evaluation: evaluation, findings: findings, yearToDate: nil, report: nil)
        guard let path else { return result }
        let store = try HistoryStore.openForReading(path: path)
        var missing: [Period] = []
        let period = evaluation.period
        if period.quarter != nil {
            switch try store.yearToDateTable(
                pipeline: pipeline, units: evaluation.units, targets: targets, through: period,
                toolVersion: evaluation.toolVersion)
            {
            case .complete(let table):
                result.yearToDate = table
            case .missing(let quarters):
                missing = quarters
                if !findings.contains(where: { $0.code == .historyGap }) {
                    let finding = HistoryFindings.gap(period: period, missing: quarters)
                    result.findings.append(finding)
                    result.evaluation.dataQuality.add(finding)
                }
            }
        }
        result.report = try read(store, evaluation: result.evaluation, yearToDate: result.yearToDate, missing: missing)
        try store.close()
        return result
    }
}
