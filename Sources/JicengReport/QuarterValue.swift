import JicengAggregate
import JicengCore

/// One recorded value of one headline indicator of the top unit in one quarter.
///
/// The report's own copy of what the history module reads, so that the report stage depends on
/// no database module.
public struct QuarterValue: Sendable, Hashable {
    public var period: Period
    public var indicator: String
    /// nil when the recorded row had no value.
    public var value: Double?
    /// The recorded status of that quarter's value (nil when unknown).
    public var status: TargetStatus?

    public init(period: Period, indicator: String, value: Double?, status: TargetStatus?) {
        self.period = period
        self.indicator = indicator
        self.value = value
        self.status = status
    }

    /// Quarters counted from year 0: consecutive quarters differ by one. Non-quarters count as
    /// their year's last quarter.
    static func ordinal(_ period: Period) -> Int {
        period.year * 4 + (period.quarter ?? 4) - 1
    }

    /// The quarter `offset` quarters from `period` (a quarter); nil for other periods.
    static func shifted(_ period: Period, by offset: Int) -> Period? {
        guard period.quarter != nil else { return nil }
        let o = ordinal(period) + offset
        let year = o >= 0 ? o / 4 : (o - 3) / 4
        return Period(year: year, quarter: o - year * 4 + 1)
    }
}
