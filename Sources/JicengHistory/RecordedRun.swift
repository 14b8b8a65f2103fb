import JicengCore

/// A run as the store holds it, for `jiceng history list`: which pipeline and period, when it was
/// recorded, what it read, and how big it is.
public struct RecordedRun: Sendable, Hashable {
    public var pipeline: String
    public var period: Period
    public var recordedAt: String
    public var toolVersion: String
    public var unitCount: Int
    public var rowCount: Int
    public var inputs: [RecordedInput]

    public init(
        pipeline: String, period: Period, recordedAt: String, toolVersion: String, unitCount: Int, rowCount: Int,
        inputs: [RecordedInput]
    ) {
        self.pipeline = pipeline
        self.period = period
        self.recordedAt = recordedAt
        self.toolVersion = toolVersion
        self.unitCount = unitCount
        self.rowCount = rowCount
        self.inputs = inputs
    }
}

/// Which recorded runs `jiceng history export` writes: one pipeline or all, and a span of
/// periods. `from` keeps periods starting on or after its first day, `to` periods ending on or
/// before its last day, so `--from 2022 --to 2022` is the year 2022 and its quarters.
public struct RunSelection: Sendable, Hashable {
    public var pipeline: String?
    public var from: Period?
    public var to: Period?

    public init(pipeline: String? = nil, from: Period? = nil, to: Period? = nil) {
        self.pipeline = pipeline
        self.from = from
        self.to = to
    }

    public func includes(pipeline name: String, period: Period) -> Bool {
        if let pipeline, pipeline != name { return false }
        if let from, period.firstDay < from.firstDay { return false }
        if let to, period.lastDay > to.lastDay { return false }
        return true
    }
}

/// A recorded run as `history export` needs it: its period and its units and indicators, which
/// its rows name by position.
public struct RecordedRunLayout: Sendable, Hashable {
    public var pipeline: String
    /// The period as the run's `indicators.csv` writes it.
    public var period: String
    public var units: [RecordedUnit]
    public var indicators: [String]
}

/// A unit of a recorded run, as its `indicators.csv` rows name it.
public struct RecordedUnit: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The level's name (`city`, `street`, …).
    public var level: String
}
