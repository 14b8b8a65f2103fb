import JicengCore

/// `stage.json`: what a stage folder carries forward — the period, the data-quality facts and
/// the listed findings of the original drop — so the next stage reports on the drop, not on the
/// intermediate files.
public struct StageRecord: Sendable, Codable, Hashable {
    public var stage: String
    public var period: Period?
    public var pipeline: String
    public var dataQuality: DataQualitySummary
    public var findings: [Finding]

    public init(stage: String, period: Period?, pipeline: String, dataQuality: DataQualitySummary, findings: [Finding]) {
        self.stage = stage
        self.period = period
        self.pipeline = pipeline
        self.dataQuality = dataQuality
        self.findings = findings
    }

    public static let fileName = "stage.json"
}
