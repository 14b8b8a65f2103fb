import JicengAggregate
import JicengCore
import JicengPipeline

/// Everything recorded about one run except its indicator rows, which are streamed into the
/// store (see `HistoryStore.record`): period, pipeline, inputs, units and measure totals.
///
/// A value assembled from what the run already holds (its evaluation and its analysis), so that
/// recording needs no second copy of the big parts: `totals` shares the run's storage.
public struct RunRecord: Sendable {
    public var pipeline: String
    public var period: Period
    /// When the run was recorded, ISO 8601 in UTC (`SOURCE_DATE_EPOCH` when set, as the manifest).
    public var recordedAt: String
    public var toolVersion: String
    public var inputs: [RecordedInput]
    /// The units in hierarchy order; a unit's index here is its index in `totals`.
    public var units: [UnitInfo]
    /// The measures recorded: those of the datasets present in the drop.
    public var measures: [RecordedMeasure]
    /// Rolled-up totals per unit (its subtree), indexed by unit and `RecordedMeasure.totalsIndex`.
    public var totals: MeasureTotals
    /// The indicators of the run's rows, in pipeline order.
    public var indicators: [String]

    public init(
        pipeline: String, period: Period, recordedAt: String, toolVersion: String, inputs: [RecordedInput],
        units: [UnitInfo], measures: [RecordedMeasure], totals: MeasureTotals, indicators: [String]
    ) {
        self.pipeline = pipeline
        self.period = period
        self.recordedAt = recordedAt
        self.toolVersion = toolVersion
        self.inputs = inputs
        self.units = units
        self.measures = measures
        self.totals = totals
        self.indicators = indicators
    }

    /// The record of a run from its evaluation and the measures of its analysis. Measures of
    /// absent datasets are not recorded, nor those reading a column no file carried
    /// (`DataQualitySummary.absentColumns`): a quarter without them has no value for them.
    public init(
        evaluation: Evaluation, pipeline: Pipeline, measures: CompiledMeasures, totals: MeasureTotals,
        presentDatasets: Set<String>, recordedAt: String
    ) {
        let leftOut = evaluation.dataQuality.leftOutMeasures
        let recorded: [RecordedMeasure] = pipeline.measures.compactMap { m in
            guard presentDatasets.contains(m.dataset), !leftOut.contains(m.name), let index = measures.index(of: m.name),
                let accumulation = pipeline.accumulation(of: m)
            else { return nil }
            return RecordedMeasure(
                name: m.name, dataset: m.dataset, accumulation: accumulation,
                aggregation: m.aggregation.recordedName, totalsIndex: index)
        }
        self.init(
            pipeline: pipeline.name, period: evaluation.period, recordedAt: recordedAt, toolVersion: evaluation.toolVersion,
            inputs: evaluation.dataQuality.files.map {
                RecordedInput(
                    dataset: $0.dataset, file: $0.file, sha256: $0.sha256, bytes: $0.bytes,
                    rowsRead: $0.rowsRead, rowsAccepted: $0.rowsAccepted)
            },
            units: evaluation.units, measures: recorded, totals: totals, indicators: evaluation.indicators.map(\.name))
    }
}

/// One input file of a recorded run, as `manifest.json` lists it.
public struct RecordedInput: Sendable, Hashable {
    public var dataset: String
    public var file: String
    public var sha256: String
    public var bytes: Int64
    public var rowsRead: Int64
    public var rowsAccepted: Int64

    public init(dataset: String, file: String, sha256: String, bytes: Int64, rowsRead: Int64, rowsAccepted: Int64) {
        self.dataset = dataset
        self.file = file
        self.sha256 = sha256
        self.bytes = bytes
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
    }
}

/// One measure of a recorded run: its name, dataset, how it adds up over quarters, and where its
/// values are in the run's totals.
public struct RecordedMeasure: Sendable, Hashable {
    public var name: String
    public var dataset: String
    public var accumulation: MeasureAccumulation
    /// `count`, `sum` or `distinct_count`, as the pipeline file writes it.
    public var aggregation: String
    /// The measure's index in `RunRecord.totals`.
    public var totalsIndex: Int

    public init(name: String, dataset: String, accumulation: MeasureAccumulation, aggregation: String, totalsIndex: Int) {
        self.name = name
        self.dataset = dataset
        self.accumulation = accumulation
        self.aggregation = aggregation
        self.totalsIndex = totalsIndex
    }
}

/// One row of `indicators.csv` as recorded: its unit and indicator, and the text of its last six
/// fields (`IndicatorsCSV.cells`), so that the row can be written again byte for byte.
public struct IndicatorRowText: Sendable, Hashable {
    public var unitId: String
    public var indicator: String
    public var cells: String

    public init(unitId: String, indicator: String, cells: String) {
        self.unitId = unitId
        self.indicator = indicator
        self.cells = cells
    }
}

extension MeasureSpec.Aggregation {
    /// The aggregation's name in a pipeline file.
    var recordedName: String {
        switch self {
        case .count: return "count"
        case .sum: return "sum"
        case .distinctCount: return "distinct_count"
        }
    }
}
