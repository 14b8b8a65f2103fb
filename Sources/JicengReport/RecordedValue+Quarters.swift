import JicengAggregate
import JicengCore

/// The quarter arithmetic of the year view over recorded values.
extension RecordedValue {
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
