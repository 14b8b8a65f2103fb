import ArgumentParser
import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline
import JicengRun

/// `jiceng validate`: checks a drop against the contract and prints every finding. Exit status 0
/// with no error (warnings allowed), 1 with at least one error, 2 for a usage or configuration error.
struct ValidateCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: localized(zh: "检查数据包，列出每一个数据质量问题。", en: "Check a data drop and report every data-quality finding."),
        discussion: localized(
            zh: "退出状态：0 没有错误（可以有警告），1 有错误，2 用法或配置有误。\n\n",
            en: "Exit status: 0 no error (warnings allowed), 1 errors, 2 a usage or configuration error.\n\n")
            + examples([
                ("jiceng validate --data 数据包 --period 2022Q2", "检查第二季度的数据包", "check the second quarter's drop"),
                ("jiceng validate --data 数据包 --format junit > 数据检查.xml", "给 CI 的 JUnit 报告", "a JUnit report for CI"),
                ("jiceng validate --data 数据包 --quiet", "只输出错误", "print errors only"),
            ]))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit, github
    }

    @OptionGroup var drop: DropOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "统计期（2022Q2、2022H1 或 2022）：期外的服务和诉求记为 out-of-period。",
            en: "Period (2022Q2, 2022H1 or 2022): services and requests outside it are out-of-period warnings.",
            valueName: ValueName.period),
        transform: Period.argument)
    var period: Period?

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "输出格式：text、json、junit 或 github。", en: "Output format: text, json, junit or github.",
            valueName: ValueName.format))
    var format: Format = .text

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "按 run 的用法检查这个目标值文件（CSV，数据约定第 6 节）；默认用流水线的目标值。",
            en: "Targets file to check as run would use it (CSV, contract §6); default: the pipeline's targets.",
            valueName: ValueName.file),
        completion: .file(extensions: ["csv"]))
    var targets: String?

    @Option(name: .long, help: ArgumentHelp.targetsOverlay, completion: .file(extensions: ["csv"]))
    var targetsOverlay: [String] = []

    @OptionGroup var console: ConsoleOptions

    var language: Language { drop.lang }

    func run() throws {
        let pipeline = try drop.loadPipeline()
        // The targets run would use: a broken file is a configuration error (exit 2) here too, and
        // its warnings (no row for the year, unknown units) are printed on standard error.
        let targetLayers = try TargetSource.load(explicit: targets, overlays: targetsOverlay, pipeline: pipeline)
        // Findings only: no input hashes (they are for run's manifest) and no measure totals.
        var options = DropAnalysisOptions(period: period, maxFindings: drop.maxFindings)
        options.computeMeasures = false
        var analyzer = DropAnalyzer(pipeline: pipeline, options: options, makeHasher: nil)
        let display = console.verbosity == .quiet ? nil : ProgressDisplay.make(folder: drop.data, language: drop.lang)
        let clock = FileReadClock()
        analyzer.progress = { progress in
            display?.update(progress)
            clock.observe(progress)
        }
        var timings = StageTimings()
        let analysis = try timings.measure("read") { try analyzer.analyze(drop: drop.data) }
        clock.close()
        display?.finish()
        let doc = FindingsDocument(
            errors: analysis.findings.errors, warnings: analysis.findings.warnings, findings: analysis.listedFindings())
        let output: String
        switch format {
        case .json: output = doc.json(language: drop.lang)
        case .text:
            output = FindingsRenderer.text(
                doc, unlisted: analysis.findings.unlisted, language: drop.lang,
                color: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
                errorsOnly: console.verbosity == .quiet)
        case .junit: output = FindingsRenderer.junit(doc, language: drop.lang, dataFolder: drop.data)
        case .github: output = FindingsRenderer.github(doc, language: drop.lang, dataFolder: drop.data)
        }
        if console.verbosity == .verbose {
            let details =
                VerboseText.files(analysis.files, times: clock.seconds, language: drop.lang)
                + VerboseText.stages(timings, language: drop.lang)
            FileHandle.standardError.write(Data(details.utf8))
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if console.verbosity != .quiet {
            TargetNotices.print(
                targetLayers.warnings(year: period?.year, units: analysis.directory.map { $0.units.map { ($0.id, $0.name) } }),
                language: drop.lang)
        }
        if doc.errors > 0 { throw ExitCode(1) }
    }
}
