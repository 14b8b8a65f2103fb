import ArgumentParser
import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline
import JicengRun

/// Where a command's targets come from: `--targets FILE`, which replaces the pipeline's targets
/// (contract §6), else the pipeline file's `targets_file`, else (built-in pipeline) the standard
/// targets built into the binary; then each `--targets-overlay FILE`, whose rows replace the rows
/// of the same year, indicator, level and unit_id (`TargetLayers`).
enum TargetSource {
    /// How manifests and messages name the standard targets built into the binary.
    static let builtInName = "built-in:Pipelines/targets.csv"

    static let overlayHelp: ArgumentHelp = """
        A targets file layered on the targets in force (--targets, the pipeline's or the built-in ones): \
        its rows replace those of the same year, indicator, level and unit_id. Repeatable; a later file wins.
        """

    static func load(explicit: String?, overlays: [String] = [], pipeline: Pipeline) throws -> TargetLayers {
        let base: TargetsFile?
        if let explicit {
            base = try TargetsFileReader.read(path: explicit, pipeline: pipeline)
        } else if pipeline.sourcePath != nil {
            base = try pipeline.targetsFile.map { try TargetsFileReader.read(path: $0, pipeline: pipeline) }
        } else {
            base = try TargetsFileReader.read(text: StandardTargetsText.csv, name: builtInName, pipeline: pipeline)
        }
        return TargetLayers(base: base, overlays: try overlays.map { try TargetsFileReader.read(path: $0, pipeline: pipeline) })
    }
}
