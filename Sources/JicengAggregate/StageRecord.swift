import JicengCore
import JicengNormalize

/// `stage.json`: what a stage folder carries forward — the period, the data-quality facts and
/// the listed findings of the original drop — so the next stage reports on the drop, not on the
/// intermediate files.
public struct StageRecord: Sendable, Codable, Hashable {
    /// The stage that wrote a folder; its raw value is the `stage` field of `stage.json`.
    public enum Stage: String, Sendable, Codable, Hashable {
        case ingest
        case normalise
        case aggregate
        case report
    }

    public var stage: Stage
    public var period: Period?
    public var pipeline: String
    public var dataQuality: DataQualitySummary
    public var findings: [Finding]
    /// Written by `ingest` only: its findings not listed one by one (beyond `--max-findings`), so
    /// that `normalise` counts and summarises them as `validate` does; `findings` then holds the
    /// listed ones without their summaries.
    public var unlisted: [FindingLog.Unlisted]?

    public init(
        stage: Stage, period: Period?, pipeline: String, dataQuality: DataQualitySummary, findings: [Finding],
        unlisted: [FindingLog.Unlisted]? = nil
    ) {
        self.stage = stage
        self.period = period
        self.pipeline = pipeline
        self.dataQuality = dataQuality
        self.findings = findings
        self.unlisted = unlisted
    }

    public static let fileName = "stage.json"
}
