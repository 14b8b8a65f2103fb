import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline

/// `manifest.json`: what a run read (each input with its SHA-256 and row counts), for which
/// period, with which pipeline and tool version, and when (SOURCE_DATE_EPOCH when set, so two runs
/// can be compared byte for byte).
struct Manifest: Encodable {
    struct Input: Encodable {
        var dataset: String
        var file: String
        var sha256: String
        var bytes: Int64
        var encoding: String
        var rows_read: Int64
        var rows_accepted: Int64
        var rows_rejected: Int64
        var rows_out_of_period: Int64
    }

    /// A `TargetWarning`, with its message in the run's language.
    struct TargetWarningEntry: Encodable {
        var code: String
        var file: String
        var line: Int?
        var column: String?
        var value: String?
        var message: String
    }

    var tool = "jiceng"
    var version: String
    var period: String
    var pipeline: String
    /// The base targets file (`--targets`, the pipeline's, `built-in:Pipelines/targets.csv` or `none`).
    var targets: String?
    /// The `--targets-overlay` files, in the order they apply; absent when there are none.
    var targets_overlays: [String]?
    /// The warnings about the targets (TargetWarning); absent when there are none.
    var targets_warnings: [TargetWarningEntry]?
    var generated_at: String
    var inputs: [Input]
    var absent_datasets: [String]
    var errors: Int64
    var warnings: Int64

    init(evaluation e: Evaluation, pipeline: Pipeline, targets: TargetLayers, targetWarnings: [TargetWarning], language: Language) {
        version = e.toolVersion
        period = e.period.description
        self.pipeline = pipeline.sourcePath ?? "built-in:\(pipeline.name)"
        self.targets = targets.baseName
        targets_overlays = targets.overlays.isEmpty ? nil : targets.overlays.map(\.name)
        targets_warnings =
            targetWarnings.isEmpty
            ? nil
            : targetWarnings.map {
                TargetWarningEntry(
                    code: $0.code.rawValue, file: $0.file, line: $0.line, column: $0.column, value: $0.value,
                    message: $0.message.text(language))
            }
        generated_at = SourceDate.now()
        inputs = e.dataQuality.files.map {
            Input(
                dataset: $0.dataset, file: $0.file, sha256: $0.sha256, bytes: $0.bytes, encoding: $0.encoding,
                rows_read: $0.rowsRead, rows_accepted: $0.rowsAccepted, rows_rejected: $0.rowsRejected,
                rows_out_of_period: $0.rowsOutOfPeriod)
        }
        absent_datasets = e.dataQuality.absentDatasets
        errors = e.dataQuality.errors
        warnings = e.dataQuality.warnings
    }

    func json() throws -> String { try jsonText(self) }
}
