import JicengCore

/// The whole declarative definition of a quarterly job: datasets, measures, indicators, the
/// parameters they use, where targets come from, and report settings.
///
/// Loaded from a YAML file in `Pipelines/` (see `PipelineLoader`) or built into the binary as the
/// standard pipeline, so an analyst can add an indicator without a Swift change.
public struct Pipeline: Sendable, Hashable {
    public var name: String
    public var version: Int
    /// Named numbers usable in conditions as `$name`, e.g. `ontime_limit_days: 15`.
    public var parameters: [String: Double]
    /// Level names and their synonyms (市; 区, 县, 县级市; …), keyed by canonical level.
    public var levelSynonyms: [UnitLevel: [String]]
    public var datasets: [DatasetSpec]
    public var measures: [MeasureSpec]
    public var indicators: [IndicatorSpec]
    /// A targets file, relative to the pipeline file's folder (resolved by the loader to a path).
    public var targetsFile: String?
    public var report: ReportSettings
    /// The file the pipeline was read from; nil for the built-in one.
    public var sourcePath: String?

    public init(
        name: String, version: Int = 1, parameters: [String: Double] = [:], levelSynonyms: [UnitLevel: [String]] = [:],
        datasets: [DatasetSpec], measures: [MeasureSpec], indicators: [IndicatorSpec],
        targetsFile: String? = nil, report: ReportSettings = ReportSettings(), sourcePath: String? = nil
    ) {
        self.name = name
        self.version = version
        self.parameters = parameters
        self.levelSynonyms = levelSynonyms
        self.datasets = datasets
        self.measures = measures
        self.indicators = indicators
        self.targetsFile = targetsFile
        self.report = report
        self.sourcePath = sourcePath
    }

    public func dataset(named name: String) -> DatasetSpec? { datasets.first { $0.name == name } }
    public func measure(named name: String) -> MeasureSpec? { measures.first { $0.name == name } }
    public func indicator(named name: String) -> IndicatorSpec? { indicators.first { $0.name == name } }

    /// The datasets an indicator needs: if any is absent from a drop, the indicator is left out.
    public func datasets(for indicator: IndicatorSpec) -> Set<String> {
        Set(indicator.measures.compactMap { measure(named: $0)?.dataset })
    }
}
