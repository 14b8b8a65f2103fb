import Foundation
import JicengAggregate
import JicengCore

/// What `run --format json` prints on standard output: the run's result for scripts and CI, in
/// the manner of dbt's `run_results.json` — status, the outputs written with their paths, the
/// inputs with their row counts, findings by severity and code, indicator rows by status, and
/// the time of each stage. The README lists every field.
///
/// It exists so that a script need not parse the human summary on standard error, nor open the
/// output folder, to learn whether a run worked and what it wrote. Keys are snake_case, as in
/// `manifest.json`.
struct RunResult: Encodable {
    /// A file written into OUT.
    struct Output: Encodable {
        var file: String
        var path: String
        var bytes: Int64
    }

    /// A file of the drop read, with its rows (as in `manifest.json`).
    struct Input: Encodable {
        var file: String
        var dataset: String
        var encoding: String
        var bytes: Int64
        var rows_read: Int64
        var rows_accepted: Int64
        var rows_rejected: Int64
        var rows_out_of_period: Int64
    }

    /// The rows of every input, summed.
    struct Rows: Encodable {
        var read: Int64
        var accepted: Int64
        var rejected: Int64
        var out_of_period: Int64
    }

    /// How many findings of one code and severity, listed or not.
    struct CodeCount: Encodable {
        var code: String
        var severity: String
        var count: Int64
    }

    /// The findings' totals.
    struct Findings: Encodable {
        var errors: Int64
        var warnings: Int64
        var by_code: [CodeCount]
    }

    /// The rows of `indicators.csv`.
    struct Indicators: Encodable {
        var rows: Int
        /// Rows per target status (`met`, `warning`, `missed`, `no_data`, `no_target`), every status present.
        var by_status: [String: Int]
    }

    /// One stage's time.
    struct Timing: Encodable {
        var stage: String
        var seconds: Double
    }

    var schema_version = 1
    var tool = "jiceng"
    var version = JicengVersion.current
    var command = "run"
    /// `success`, or `failed` when the data stopped the run (`--strict` with errors, or no unit
    /// hierarchy): then no outputs.
    var status: String
    var exit_status: Int32
    var period: String
    var pipeline: String
    var data: String
    var out: String
    /// The targets files that applied, in order: the base (`--targets`, the pipeline's,
    /// `built-in:Pipelines/targets.csv` or `none`), then each `--targets-overlay`.
    var targets: [String]
    var history: String?
    var generated_at: String
    var outputs: [Output]
    var inputs: [Input]
    var rows: Rows
    var findings: Findings
    var indicators: Indicators?
    var timings: [Timing]
    var elapsed_seconds: Double

    init(
        status: String, exitStatus: Int32, period: Period, pipeline: String, data: String, out: String, targets: [String],
        history: String?, quality: DataQualitySummary, evaluation: Evaluation?, outputs: [Output], timings: StageTimings
    ) {
        self.status = status
        exit_status = exitStatus
        self.period = period.description
        self.pipeline = pipeline
        self.data = data
        self.out = out
        self.targets = targets
        self.history = history
        generated_at = SourceDate.now()
        self.outputs = outputs
        let files = quality.files
        inputs = files.map {
            Input(
                file: $0.file, dataset: $0.dataset, encoding: $0.encoding, bytes: $0.bytes, rows_read: $0.rowsRead,
                rows_accepted: $0.rowsAccepted, rows_rejected: $0.rowsRejected, rows_out_of_period: $0.rowsOutOfPeriod)
        }
        rows = Rows(
            read: files.reduce(0) { $0 + $1.rowsRead }, accepted: files.reduce(0) { $0 + $1.rowsAccepted },
            rejected: files.reduce(0) { $0 + $1.rowsRejected }, out_of_period: files.reduce(0) { $0 + $1.rowsOutOfPeriod })
        findings = Findings(
            errors: quality.errors, warnings: quality.warnings,
            by_code: quality.findingCounts.map { CodeCount(code: $0.code.rawValue, severity: $0.severity.rawValue, count: $0.count) })
        indicators = evaluation.map { e in
            var byStatus = Dictionary(uniqueKeysWithValues: TargetStatus.allCases.map { ($0.rawValue, 0) })
            for r in e.results { byStatus[r.status.rawValue, default: 0] += 1 }
            return Indicators(rows: e.results.count, by_status: byStatus)
        }
        self.timings = timings.stages.map { Timing(stage: $0.name, seconds: ($0.seconds * 1000).rounded() / 1000) }
        elapsed_seconds = (timings.elapsed * 1000).rounded() / 1000
    }

    /// Every key written, `history` and `indicators` as `null` when they have no value (Swift's
    /// synthesised encoding would leave them out).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(schema_version, forKey: .schema_version)
        try c.encode(tool, forKey: .tool)
        try c.encode(version, forKey: .version)
        try c.encode(command, forKey: .command)
        try c.encode(status, forKey: .status)
        try c.encode(exit_status, forKey: .exit_status)
        try c.encode(period, forKey: .period)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(data, forKey: .data)
        try c.encode(out, forKey: .out)
        try c.encode(targets, forKey: .targets)
        try c.encode(history, forKey: .history)
        try c.encode(generated_at, forKey: .generated_at)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(rows, forKey: .rows)
        try c.encode(findings, forKey: .findings)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(timings, forKey: .timings)
        try c.encode(elapsed_seconds, forKey: .elapsed_seconds)
    }

    private enum Key: String, CodingKey {
        case schema_version, tool, version, command, status, exit_status, period, pipeline, data, out, targets, history,
            generated_at, outputs, inputs, rows, findings, indicators, timings, elapsed_seconds
    }

    /// The files of the output folder `folder` (the marker aside), with their sizes.
    static func outputs(in folder: String) throws -> [Output] {
        try FolderEntries.names(in: folder).filter { $0 != OutputMarker.fileName }.map { name in
            Output(file: name, path: folder + "/" + name, bytes: FolderEntries.regularFileSize(folder + "/" + name) ?? 0)
        }
    }
}
