import ArgumentParser
import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline
import JicengReport
import JicengRun

/// `jiceng run`: the quarterly job — ingest, normalise, aggregate, evaluate targets, report.
struct RunCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: localized(zh: "计算一个统计期的指标，对照目标值，写出报告。", en: "Compute indicators for a period, check targets and write the reports."),
        discussion: examples([
            ("jiceng run --data 数据包 --period 2022Q2 --out 报告", "第二季度的指标和报告", "the second quarter's indicators and reports"),
            (
                "jiceng run --data 数据包 --period 2022年第二季度 --out 报告 --history 历史库.sqlite",
                "同时记入历史库，写出年度累计 indicators_ytd.csv", "also record the run and write the year to date, indicators_ytd.csv"
            ),
            (
                "jiceng run --data 数据包 --period 2022Q2 --out 报告 --strict --quiet",
                "数据有错误时不写输出（退出状态 1），只输出错误", "write nothing when the drop has errors (exit 1), print errors only"
            ),
            (
                "jiceng run --data 数据包 --period 2022Q2 --out 报告 --format json > 结果.json",
                "运行结果（JSON）写到标准输出", "the run result as JSON on standard output"
            ),
        ]))

    /// What `run` prints on standard output.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// Nothing: the summary goes to standard error.
        case text
        /// The run result (`RunResult`).
        case json
    }

    @OptionGroup var drop: DropOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "统计期：季度（2022Q2、2022年第二季度）、半年（2022H1）或全年（2022）。",
            en: "Period: a quarter (2022Q2, 2022年第二季度), a half-year (2022H1) or a year (2022).",
            valueName: ValueName.period),
        transform: Period.argument)
    var period: Period

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "输出目录：新的、空的或以前 Jiceng 写出的目录（运行完成后整体替换）。",
            en: "Output folder: new, empty or an earlier Jiceng output (replaced as a whole when the run completes).",
            valueName: ValueName.folder),
        completion: .directory)
    var out: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "目标值文件（CSV，数据约定第 6 节）；默认用流水线的目标值。",
            en: "Targets file (CSV, contract §6); default: the pipeline's targets.", valueName: ValueName.file),
        completion: .file(extensions: ["csv"]))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp.targetsOverlay, completion: .file(extensions: ["csv"]))
    var targetsOverlay: [String] = []

    @Flag(
        name: .long,
        help: ArgumentHelp(
            zh: "数据包有任何错误时失败（退出状态 1），不写输出。",
            en: "Fail (exit 1) without writing outputs when the drop has any error."))
    var strict = false

    var language: Language { drop.lang }

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "历史库（SQLite，不存在时新建），记入本次运行以计算年度累计；默认取 $JICENG_HISTORY。",
            en: "History store (SQLite, created when missing) to record the run in, for year-to-date; default: $JICENG_HISTORY.",
            valueName: ValueName.file),
        completion: .file())
    var history: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "标准输出的格式：text（不输出，摘要在标准错误）或 json（运行结果，见 README）。",
            en: "Standard output: text (nothing; the summary goes to standard error) or json (the run result, see README).",
            valueName: ValueName.format))
    var format: Format = .text

    @OptionGroup var console: ConsoleOptions

    func run() throws {
        let destination = try OutputDestination(out, inputs: [("--data", drop.data)])
        let pipeline = try drop.loadPipeline()
        let targetLayers = try TargetSource.load(explicit: targets, overlays: targetsOverlay, pipeline: pipeline)
        let book = targetLayers.book
        // History (contract §8): opened and checked before any work, so a bad store costs nothing.
        let recorder = try RunHistory.open(explicit: history)
        var timings = StageTimings()
        let clock = FileReadClock()
        var quality: DataQualitySummary?
        var result: Evaluation?
        var historyNote = ""
        var targetWarnings: [TargetWarning] = []
        var published = ContinuousClock.now
        do {
            try OutputFolder.produce(at: destination, command: "run") { folder in
                var analyzer = DropAnalyzer(
                    pipeline: pipeline,
                    options: DropAnalysisOptions(
                        period: period, maxFindings: drop.maxFindings, quarantinePath: folder.path("quarantine.csv")),
                    makeHasher: { SHA256Hasher() })
                let display = console.verbosity == .quiet ? nil : ProgressDisplay.make(folder: drop.data, language: drop.lang)
                analyzer.progress = { progress in
                    display?.update(progress)
                    clock.observe(progress)
                }
                let analysis = try timings.measure("read") { try analyzer.analyze(drop: drop.data) }
                clock.close()
                display?.finish()
                quality = analysis.dataQuality()
                var findings = analysis.listedFindings()
                let doc = FindingsDocument(errors: analysis.findings.errors, warnings: analysis.findings.warnings, findings: findings)
                let listing = {
                    FindingsRenderer.text(
                        doc, unlisted: analysis.findings.unlisted, language: drop.lang, color: false,
                        errorsOnly: console.verbosity == .quiet)
                }
                if strict && doc.errors > 0 {
                    FileHandle.standardError.write(Data(listing().utf8))
                    throw JicengError(
                        .dataErrors,
                        LocalizedText(
                            zh: "--strict：数据包有 \(NumberText.grouped(doc.errors)) 个错误，未写出任何输出",
                            en: "\(doc.errors) data error(s) under --strict; no outputs written"))
                }
                guard let directory = analysis.directory, let totals = analysis.totals else {
                    FileHandle.standardError.write(Data(listing().utf8))
                    throw JicengError(
                        .dataErrors,
                        LocalizedText(
                            zh: "无法从 units*.csv 建立单位层级，无法计算任何指标",
                            en: "the unit hierarchy could not be built from units*.csv; no indicators can be computed"))
                }
                targetWarnings = targetLayers.warnings(year: period.year, units: directory.units.map { ($0.id, $0.name) })
                if console.verbosity != .quiet { TargetNotices.print(targetWarnings, language: drop.lang) }
                var evaluation = timings.measure("indicators") {
                    IndicatorComputer.evaluate(
                        pipeline: pipeline, measures: analysis.measures, totals: totals, directory: directory,
                        presentDatasets: analysis.presentDatasets, targets: book, period: period, toolVersion: JicengVersion.current,
                        dataQuality: analysis.dataQuality())
                }
                // History: record the run, then indicators_ytd.csv or a history-gap warning, and the
                // year view of the reports.
                var reportHistory: ReportHistory?
                if let recorder {
                    let recorded = try timings.measure("history") {
                        try recorder.record(
                            analysis: analysis, directory: directory, totals: totals, pipeline: pipeline, targets: book,
                            evaluation: &evaluation, findings: &findings, language: drop.lang, to: folder)
                    }
                    historyNote = recorded.note
                    reportHistory = recorded.report
                }
                try timings.measure("reports") {
                    try StageIO.writeReports(
                        evaluation, findings: findings, language: drop.lang, pipeline: pipeline,
                        targets: targetLayers, targetWarnings: targetWarnings, history: reportHistory, to: folder)
                }
                result = evaluation
                published = ContinuousClock.now
            }
        } catch let error as JicengError where error.code == .dataErrors {
            if format == .json, let quality {
                try printResult(
                    status: "failed", exitStatus: error.exitStatus, pipeline: pipeline, targets: targetLayers, quality: quality,
                    evaluation: nil, outputs: [], timings: timings)
            }
            throw error
        }
        timings.add("publish", seconds: StageTimings.seconds(ContinuousClock.now - published))
        try recorder?.close()
        guard let evaluation = result else { return }
        let quiet = console.verbosity == .quiet
        var text = ""
        if console.verbosity == .verbose {
            text += VerboseText.files(evaluation.dataQuality.files, times: clock.seconds, language: drop.lang)
            text += VerboseText.stages(timings, language: drop.lang)
        }
        text +=
            quiet
            ? RunSummaryText.quiet(errors: evaluation.dataQuality.errors, out: out, language: drop.lang)
            : RunSummaryText.closing(
                period: period, indicatorRows: evaluation.results.count, errors: evaluation.dataQuality.errors,
                warnings: evaluation.dataQuality.warnings, out: out,
                targets: TargetNotices.applied(targetLayers, warnings: targetWarnings.count, language: drop.lang),
                language: drop.lang) + historyNote
        FileHandle.standardError.write(Data(text.utf8))
        if format == .json {
            try printResult(
                status: "success", exitStatus: 0, pipeline: pipeline, targets: targetLayers, quality: evaluation.dataQuality,
                evaluation: evaluation,
                outputs: try RunResult.outputs(in: destination.path), timings: timings)
        }
    }

    /// The run result (`--format json`) on standard output.
    private func printResult(
        status: String, exitStatus: Int32, pipeline: Pipeline, targets: TargetLayers, quality: DataQualitySummary,
        evaluation: Evaluation?, outputs: [RunResult.Output], timings: StageTimings
    ) throws {
        let result = RunResult(
            status: status, exitStatus: exitStatus, period: period, pipeline: pipeline.name, data: drop.data, out: out,
            targets: targets.names,
            history: HistoryLocation.resolve(explicit: history), quality: quality, evaluation: evaluation,
            outputs: outputs, timings: timings)
        FileHandle.standardOutput.write(Data(try jsonText(result).utf8))
    }
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try IndicatorsJSON.encoder().encode(value), as: UTF8.self) + "\n"
}
