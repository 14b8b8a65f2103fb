import ArgumentParser
import JicengCore
import JicengPipeline

/// Options shared by the commands that read a drop.
struct DropOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "数据包目录：各单位报送的 CSV 文件所在的目录。", en: "The data drop folder.",
            valueName: ValueName.folder),
        completion: .directory)
    var data: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "流水线文件（YAML）；默认用内置的标准流水线。",
            en: "Pipeline file (YAML); default: the built-in standard pipeline (Pipelines/standard.yaml).",
            valueName: ValueName.file),
        completion: .file(extensions: ["yaml", "yml"]))
    var pipeline: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "每个文件每种问题最多逐条列出的条数，其余只计数。",
            en: "Findings listed per code and file before they are summarised.",
            valueName: ValueName.count))
    var maxFindings: Int = 1000

    @Option(name: .long, help: ArgumentHelp.language) var lang: Language = InterfaceLanguage.current

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
            throw ValidationError(
                localized(
                    zh: "无法识别的统计期；可用写法：\(Period.acceptedForms)",
                    en: "not a period; accepted forms: \(Period.acceptedForms)"))
        }
        return period
    }
}

/// The tool's version, written to manifests and reports.
enum JicengVersion {
    static let current = "0.1.0"
}
