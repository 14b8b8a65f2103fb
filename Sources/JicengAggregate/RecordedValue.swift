import JicengCore

/// One unit's recorded value of one indicator in one recorded quarter.
///
/// Exists so that a report can say how an indicator moved since the previous quarter (环比) and
/// the same quarter a year earlier (同比), and draw its trend, without the report reading the
/// store itself: the history module reads these values from the rows of `indicators.csv` it
/// keeps, the CLI hands them to the report. Here, in the module both depend on, so that the two
/// speak of one type and the report stage still depends on no database module.
public struct RecordedValue: Sendable, Hashable {
    public var period: Period
    public var indicator: String
    /// The recorded value; nil when the row had none (a ratio over a zero denominator).
    public var value: Double?
    /// The recorded status of the quarter's value against its (pro-rated) target (nil when unknown).
    public var status: TargetStatus?

    public init(period: Period, indicator: String, value: Double?, status: TargetStatus?) {
        self.period = period
        self.indicator = indicator
        self.value = value
        self.status = status
    }
}
