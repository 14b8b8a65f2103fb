import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline

/// Where a command's targets come from: `--targets FILE`, else the pipeline file's
/// `targets_file`, else (built-in pipeline) the standard targets built into the binary.
enum TargetSource {
    static func load(explicit: String?, pipeline: Pipeline) throws -> TargetBook {
        if let explicit { return try TargetsReader.read(path: explicit, pipeline: pipeline) }
        if pipeline.sourcePath != nil {
            guard let file = pipeline.targetsFile else { return TargetBook(rules: []) }
            return try TargetsReader.read(path: file, pipeline: pipeline)
        }
        return try TargetsReader.read(text: StandardTargetsText.csv, name: "targets.csv", pipeline: pipeline)
    }

    /// The name written to manifests.
    static func describe(explicit: String?, pipeline: Pipeline) -> String {
        explicit ?? (pipeline.sourcePath != nil ? (pipeline.targetsFile ?? "none") : "built-in:Pipelines/targets.csv")
    }
}
