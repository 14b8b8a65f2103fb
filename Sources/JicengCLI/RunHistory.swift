import Foundation
import JicengAggregate
import JicengCore
import JicengHistory
import JicengNormalize
import JicengPipeline
import JicengReport
import JicengRun

/// The history part of `jiceng run` (contract §8): the store is opened and checked before the run
/// does any work; once the indicators are computed the run is recorded, and for a quarter the
/// year-to-date table is written, or a `history-gap` warning added when a quarter is missing.
struct RunHistory {
    let store: HistoryStore

    /// The store named by `--history` or `JICENG_HISTORY`, opened for recording; nil when none is.
    static func open(explicit: String?) throws -> RunHistory? {
        guard let path = HistoryLocation.resolve(explicit: explicit) else { return nil }
        return RunHistory(store: try HistoryStore.openForRecording(path: path))
    }

    /// Records the run and writes `indicators_ytd.csv` into `folder`, or adds a `history-gap`
    /// warning to `findings` and to the evaluation's data-quality counts. Returns what to print,
    /// and what the reports show of the year.
    func record(
        analysis: DropAnalysis, directory: UnitDirectory, totals: MeasureTotals, pipeline: Pipeline,
        targets: TargetBook, evaluation: inout Evaluation, findings: inout [Finding], language: Language,
        to folder: OutputFolder
    ) throws -> (note: String, report: ReportHistory?) {
        let period = evaluation.period
        let run = RunRecord(
            evaluation: evaluation, pipeline: pipeline, measures: analysis.measures, totals: totals,
            presentDatasets: analysis.presentDatasets, recordedAt: SourceDate.now())
        let rows = IndicatorsCSV.orderedResults(evaluation).lazy.map {
            IndicatorRowText(unitId: $0.unitId, indicator: $0.indicator, cells: IndicatorsCSV.cells($0))
        }
        try store.record(run, rows: rows, hooks: HistoryTestPause.hooks())
        var note =
            language == .zh
            ? "已记入历史库 \(store.path)：\(pipeline.name) \(period)\n"
            : "recorded \(pipeline.name) \(period) in the history store \(store.path)\n"
        guard period.quarter != nil else { return (note, nil) }
        var yearToDate: YearToDateTable?
        var missing: [Period] = []

        switch try store.yearToDate(pipeline: pipeline, measures: analysis.measures, units: evaluation.units, through: period) {
        case .complete(let ytd):
            let table = YearToDateEvaluator.evaluate(
                pipeline: pipeline, measures: analysis.measures, totals: ytd.totals, directory: directory,
                availableMeasures: ytd.availableMeasures, targets: targets, period: period, toolVersion: evaluation.toolVersion)
            try folder.write(IndicatorsYTDCSV.render(table), to: "indicators_ytd.csv")
            yearToDate = table
            let span = ytd.quarters.count == 1 ? "\(period)" : "\(ytd.quarters[0])–\(period)"
            note += language == .zh ? "年度累计（\(span)）：indicators_ytd.csv\n" : "year-to-date (\(span)): indicators_ytd.csv\n"
        case .missing(let quarters):
            let finding = HistoryFindings.gap(period: period, missing: quarters)
            findings.append(finding)
            evaluation.dataQuality.add(finding)
            note += (language == .zh ? "警告" : "warning") + " \(finding.code.rawValue): \(finding.message.text(language))\n"
            missing = quarters
        }
        return (note, try ReportHistoryInput.read(store, evaluation: evaluation, yearToDate: yearToDate, missing: missing))
    }

    func close() throws { try store.close() }
}
