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
        commandName: "validate", abstract: "Check a data drop and report every data-quality finding.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit, github
    }

    @OptionGroup var drop: DropOptions

    @Option(name: .long, help: "Period (2022Q2, 2022H1 or 2022): services and requests outside it are out-of-period warnings.",
            transform: Period.argument)
    var period: Period?

    @Option(name: .long, help: "Output format: text, json, junit or github.")
    var format: Format = .text

    @Option(name: .long, help: "Targets file to check as run would use it (CSV, contract §6); default: the pipeline's targets.")
    var targets: String?

    @Option(name: .long, help: TargetSource.overlayHelp)
    var targetsOverlay: [String] = []

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
        let display = ProgressDisplay.make(folder: drop.data, language: drop.lang)
        analyzer.progress = display.map { d in { d.update($0) } }
        let analysis = try analyzer.analyze(drop: drop.data)
        display?.finish()
        let doc = FindingsDocument(errors: analysis.findings.errors, warnings: analysis.findings.warnings, findings: analysis.listedFindings())
        let output: String
        switch format {
        case .json: output = doc.json(language: drop.lang)
        case .text: output = FindingsRenderer.text(doc, language: drop.lang, color: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        case .junit: output = FindingsRenderer.junit(doc, language: drop.lang)
        case .github: output = FindingsRenderer.github(doc, language: drop.lang, dataFolder: drop.data)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        TargetNotices.print(targetLayers.warnings(year: period?.year, units: analysis.directory.map { $0.units.map { ($0.id, $0.name) } }),
                            language: drop.lang)
        if doc.errors > 0 { throw ExitCode(1) }
    }
}
