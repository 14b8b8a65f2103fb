import ArgumentParser
import JicengCore
import JicengPipeline

/// Options shared by the commands that read a drop.
struct DropOptions: ParsableArguments {
    @Option(name: .long, help: "The data drop folder.")
    var data: String

    @Option(name: .long, help: "Pipeline file (YAML); default: the built-in standard pipeline (Pipelines/standard.yaml).")
    var pipeline: String?

    @Option(name: .long, help: "Findings listed per code and file before they are summarised.")
    var maxFindings: Int = 1000

    @Option(name: .long, help: "Language of messages and reports: zh (default) or en.")
    var lang: Language = .zh

    func loadPipeline() throws -> Pipeline {
        if let pipeline { return try PipelineLoader.load(path: pipeline) }
        return PipelineLoader.standard
    }
}

extension Language: ExpressibleByArgument {}

extension Period {
    /// `--period`'s parser: an unrecognised period is a usage error that shows the accepted forms.
    static func argument(_ text: String) throws -> Period {
        guard let period = Period(parsing: text) else {
            throw ValidationError("""
                无法识别的统计期 «\(text)»。可用写法：\(Period.acceptedForms)
                unrecognised period «\(text)»; accepted forms: \(Period.acceptedForms)
                """)
        }
        return period
    }
}

/// The tool's version, written to manifests and reports.
enum JicengVersion {
    static let current = "0.1.0"
}
