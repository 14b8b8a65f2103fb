import ArgumentParser
import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline

/// `jiceng run`: the quarterly job — ingest, normalise, aggregate, evaluate targets, report.
struct RunCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Compute indicators for a period, check targets and write the reports.")

    @OptionGroup var drop: DropOptions

    @Option(name: .long, help: "Period: a quarter (2022Q2, 2022年第二季度), a half-year (2022H1) or a year (2022).",
            transform: Period.argument)
    var period: Period

    @Option(name: .long, help: "Output folder: new, empty or an earlier Jiceng output (replaced as a whole when the run completes).")
    var out: String

    @Option(name: .long, help: "Targets file (CSV, contract §6); default: the pipeline's targets.")
    var targets: String?

    @Flag(name: .long, help: "Fail (exit 1) without writing outputs when the drop has any error.")
    var strict = false

    var language: Language { drop.lang }

    @Option(name: .long, help: "History store (SQLite, created when missing) to record the run in, for year-to-date; default: $JICENG_HISTORY.")
    var history: String?

    func run() throws {
        let destination = try OutputDestination(out, inputs: [("--data", drop.data)])
        let pipeline = try drop.loadPipeline()
        let book = try loadTargets(pipeline)
        // History (contract §8): opened and checked before any work, so a bad store costs nothing.
        let recorder = try RunHistory.open(explicit: history)
        var summary = ""
        try OutputFolder.produce(at: destination, command: "run") { folder in
            var analyzer = DropAnalyzer(
                pipeline: pipeline,
                options: DropAnalysisOptions(period: period, maxFindings: drop.maxFindings, quarantinePath: folder.path("quarantine.csv")),
                makeHasher: { SHA256Hasher() })
            let display = ProgressDisplay.make(folder: drop.data, language: drop.lang)
            analyzer.progress = display.map { d in { d.update($0) } }
            let analysis = try analyzer.analyze(drop: drop.data)
            display?.finish()
            var findings = analysis.listedFindings()
            let doc = FindingsDocument(errors: analysis.findings.errors, warnings: analysis.findings.warnings, findings: findings)
            if strict && doc.errors > 0 {
                FileHandle.standardError.write(Data(FindingsRenderer.text(doc, language: drop.lang, color: false).utf8))
                throw JicengError(.dataErrors, "\(doc.errors) data error(s) under --strict; no outputs written")
            }
            guard let directory = analysis.directory, let totals = analysis.totals else {
                FileHandle.standardError.write(Data(FindingsRenderer.text(doc, language: drop.lang, color: false).utf8))
                throw JicengError(.dataErrors, "the unit hierarchy could not be built from units*.csv; no indicators can be computed")
            }
            var evaluation = IndicatorComputer.evaluate(
                pipeline: pipeline, measures: analysis.measures, totals: totals, directory: directory,
                presentDatasets: analysis.presentDatasets, targets: book, period: period, toolVersion: JicengVersion.current,
                dataQuality: analysis.dataQuality())
            // History: record the run, then indicators_ytd.csv or a history-gap warning.
            let recorded = try recorder?.record(analysis: analysis, directory: directory, totals: totals, pipeline: pipeline, targets: book,
                                                evaluation: &evaluation, findings: &findings, language: drop.lang, to: folder)
            try StageIO.writeReports(evaluation, findings: findings, language: drop.lang, pipeline: pipeline,
                                     targets: TargetSource.describe(explicit: targets, pipeline: pipeline), history: recorded?.report,
                                     to: folder)
            summary = "jiceng run: \(period) — \(evaluation.results.count) indicator rows, \(evaluation.dataQuality.errors) errors, "
                + "\(evaluation.dataQuality.warnings) warnings → \(out)\n" + (recorded?.note ?? "")
        }
        try recorder?.close()
        FileHandle.standardError.write(Data(summary.utf8))
    }

    private func loadTargets(_ pipeline: Pipeline) throws -> TargetBook {
        try TargetSource.load(explicit: targets, pipeline: pipeline)
    }
}

func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
}
