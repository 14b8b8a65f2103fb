import Foundation
import JicengAggregate
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

    var tool = "jiceng"
    var version: String
    var period: String
    var pipeline: String
    var targets: String?
    var generated_at: String
    var inputs: [Input]
    var absent_datasets: [String]
    var errors: Int64
    var warnings: Int64

    init(evaluation e: Evaluation, pipeline: Pipeline, targets: String?) {
        version = e.toolVersion
        period = e.period.description
        self.pipeline = pipeline.sourcePath ?? "built-in:\(pipeline.name)"
        self.targets = targets
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let date = epoch.map { Date(timeIntervalSince1970: $0) } ?? Date()
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        generated_at = f.string(from: date)
        inputs = e.dataQuality.files.map {
            Input(dataset: $0.dataset, file: $0.file, sha256: $0.sha256, bytes: $0.bytes, encoding: $0.encoding,
                  rows_read: $0.rowsRead, rows_accepted: $0.rowsAccepted, rows_rejected: $0.rowsRejected,
                  rows_out_of_period: $0.rowsOutOfPeriod)
        }
        absent_datasets = e.dataQuality.absentDatasets
        errors = e.dataQuality.errors
        warnings = e.dataQuality.warnings
    }

    func json() throws -> String { try jsonText(self) }
}
