import JicengAggregate
import JicengCore
import JicengNormalize

/// Everything learned from reading a drop once: findings, file summaries, which datasets are
/// present, the hierarchy and the rolled-up measure totals.
///
/// What `validate` (findings), `normalise` (findings and data quality) and `run` (all of it,
/// then indicators) take from `DropAnalyzer`, so that none of them re-reads the drop.
public struct DropAnalysis: Sendable {
    public var findings: FindingLog
    public var files: [FileSummary]
    public var absentDatasets: [String]
    public var presentDatasets: Set<String>
    /// Columns that no readable file of a present dataset carries, whose indicators are left out.
    public var absentColumns: [AbsentColumn]
    public var directory: UnitDirectory?
    public var measures: CompiledMeasures
    /// Rolled-up totals per unit (nil when the hierarchy could not be built).
    public var totals: MeasureTotals?

    /// Findings in report order, with dataset names filled in for summary findings.
    public func listedFindings() -> [Finding] {
        let datasetOf = Dictionary(files.map { ($0.file, $0.dataset) }, uniquingKeysWith: { a, _ in a })
        return findings.findings(dataset: { datasetOf[$0] })
    }

    public func dataQuality() -> DataQualitySummary {
        DataQualitySummary(
            files: files,
            findingCounts: findings.totals.sorted { $0.key < $1.key }.map {
                .init(code: $0.key.code, severity: $0.key.severity, count: $0.value)
            },
            absentDatasets: absentDatasets, absentColumns: absentColumns, errors: findings.errors, warnings: findings.warnings)
    }
}
