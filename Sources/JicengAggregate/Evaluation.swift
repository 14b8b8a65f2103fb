import JicengCore
import JicengPipeline

/// A unit of the hierarchy as outputs show it.
public struct UnitInfo: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var level: UnitLevel
    public var parentId: String?
    /// 0 for the root.
    public var depth: Int

    public init(id: String, name: String, level: UnitLevel, parentId: String?, depth: Int) {
        self.id = id
        self.name = name
        self.level = level
        self.parentId = parentId
        self.depth = depth
    }
}

/// An indicator as outputs describe it.
public struct IndicatorInfo: Sendable, Codable, Hashable {
    /// How the value is shown to people (`count`, `percent`, `decimal` in `indicators.json`).
    public typealias Display = IndicatorSpec.Display

    public var name: String
    public var title: LocalizedText
    public var display: Display
    public var isRatio: Bool

    public init(name: String, title: LocalizedText, display: Display, isRatio: Bool) {
        self.name = name
        self.title = title
        self.display = display
        self.isRatio = isRatio
    }
}

/// One row of `indicators.csv`: one indicator of one unit, with its target check.
public struct IndicatorResult: Sendable, Codable, Hashable {
    public var unitId: String
    public var indicator: String
    /// nil when undefined (a ratio over a zero denominator).
    public var value: Double?
    /// For ratios; nil for counts and sums.
    public var numerator: Double?
    public var denominator: Double?
    /// The target the value was held to (after pro-rating), if one applies.
    public var target: Double?
    public var comparator: Comparator?
    public var status: TargetStatus

    public init(
        unitId: String, indicator: String, value: Double?, numerator: Double?, denominator: Double?,
        target: Double?, comparator: Comparator?, status: TargetStatus
    ) {
        self.unitId = unitId
        self.indicator = indicator
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.target = target
        self.comparator = comparator
        self.status = status
    }
}

/// Counts of one dataset's rows by the values of an enumeration column, for the top unit
/// (e.g. requests by channel), drawn as a chart.
public struct BreakdownResult: Sendable, Codable, Hashable {
    public struct Slice: Sendable, Codable, Hashable {
        public var value: String
        public var title: LocalizedText
        public var count: Int64

        public init(value: String, title: LocalizedText, count: Int64) {
            self.value = value
            self.title = title
            self.count = count
        }
    }

    public var name: String
    public var title: LocalizedText
    public var slices: [Slice]

    public init(name: String, title: LocalizedText, slices: [Slice]) {
        self.name = name
        self.title = title
        self.slices = slices
    }
}

/// What was read from one input file.
public struct FileSummary: Sendable, Codable, Hashable {
    public var dataset: String
    public var file: String
    public var encoding: String
    public var sha256: String
    public var bytes: Int64
    public var rowsRead: Int64
    public var rowsAccepted: Int64
    public var rowsRejected: Int64
    /// Valid rows left out because their date lies outside the period.
    public var rowsOutOfPeriod: Int64

    public init(
        dataset: String, file: String, encoding: String, sha256: String, bytes: Int64,
        rowsRead: Int64, rowsAccepted: Int64, rowsRejected: Int64, rowsOutOfPeriod: Int64
    ) {
        self.dataset = dataset
        self.file = file
        self.encoding = encoding
        self.sha256 = sha256
        self.bytes = bytes
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.rowsOutOfPeriod = rowsOutOfPeriod
    }
}

/// The data-quality facts a report shows next to the figures.
public struct DataQualitySummary: Sendable, Codable, Hashable {
    public struct CodeCount: Sendable, Codable, Hashable {
        public var code: FindingCode
        public var severity: Severity
        public var count: Int64

        public init(code: FindingCode, severity: Severity, count: Int64) {
            self.code = code
            self.severity = severity
            self.count = count
        }
    }

    public var files: [FileSummary]
    /// Totals by code and severity, counting findings beyond the listing limit too.
    public var findingCounts: [CodeCount]
    public var absentDatasets: [String]
    /// Columns no file of a present dataset carries, whose indicators are left out
    /// (`AbsentColumn`). Written to JSON only when there are some, so that outputs of drops
    /// without any are as before.
    public var absentColumns: [AbsentColumn]
    public var errors: Int64
    public var warnings: Int64

    public init(
        files: [FileSummary], findingCounts: [CodeCount], absentDatasets: [String], absentColumns: [AbsentColumn] = [],
        errors: Int64, warnings: Int64
    ) {
        self.files = files
        self.findingCounts = findingCounts
        self.absentDatasets = absentDatasets
        self.absentColumns = absentColumns
        self.errors = errors
        self.warnings = warnings
    }

    /// The measures whose values cannot be trusted because a column they read is absent.
    public var leftOutMeasures: Set<String> { Set(absentColumns.flatMap(\.measures)) }

    private enum CodingKeys: String, CodingKey {
        case files, findingCounts, absentDatasets, absentColumns, errors, warnings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        files = try c.decode([FileSummary].self, forKey: .files)
        findingCounts = try c.decode([CodeCount].self, forKey: .findingCounts)
        absentDatasets = try c.decode([String].self, forKey: .absentDatasets)
        absentColumns = try c.decodeIfPresent([AbsentColumn].self, forKey: .absentColumns) ?? []
        errors = try c.decode(Int64.self, forKey: .errors)
        warnings = try c.decode(Int64.self, forKey: .warnings)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(files, forKey: .files)
        try c.encode(findingCounts, forKey: .findingCounts)
        try c.encode(absentDatasets, forKey: .absentDatasets)
        if !absentColumns.isEmpty { try c.encode(absentColumns, forKey: .absentColumns) }
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
    }
}

/// Everything the report stage needs: the evaluated indicator table of one period and the facts
/// around it. Produced by aggregation and target evaluation; written to `indicators.json` so that
/// `jiceng report` can re-render without re-reading the drop.
public struct Evaluation: Sendable, Codable, Hashable {
    public var period: Period
    public var pipelineName: String
    public var toolVersion: String
    /// Units in hierarchy order (parents before children, siblings by id).
    public var units: [UnitInfo]
    /// Indicators in pipeline order; those of absent datasets are left out.
    public var indicators: [IndicatorInfo]
    /// Sorted by unit_id, then indicator name (contract §7).
    public var results: [IndicatorResult]
    public var breakdowns: [BreakdownResult]
    public var dataQuality: DataQualitySummary
    /// Headline indicators, ranking indicators and bar-chart indicators, from the pipeline.
    public var headline: [String]
    public var rankings: [String]
    public var barCharts: [String]

    public init(
        period: Period, pipelineName: String, toolVersion: String, units: [UnitInfo], indicators: [IndicatorInfo],
        results: [IndicatorResult], breakdowns: [BreakdownResult], dataQuality: DataQualitySummary,
        headline: [String], rankings: [String], barCharts: [String]
    ) {
        self.period = period
        self.pipelineName = pipelineName
        self.toolVersion = toolVersion
        self.units = units
        self.indicators = indicators
        self.results = results
        self.breakdowns = breakdowns
        self.dataQuality = dataQuality
        self.headline = headline
        self.rankings = rankings
        self.barCharts = barCharts
    }
}
