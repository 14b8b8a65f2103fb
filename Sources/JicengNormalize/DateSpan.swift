import JicengCore

/// The valid dates of a dataset's period column met while reading: how many, how many lie in the
/// period, the earliest and the latest.
///
/// Exists for contract v2 §9: a dated dataset with valid dates, none of them in the period (the
/// drop of another quarter, or a mistyped `--period`), is one `out-of-period` error naming the
/// span of its dates. Four integers kept in each chunk's `RowCounts` and merged on the reading
/// thread, so tracking it costs a comparison or two per row and no allocation.
public struct DateSpan: Sendable, Hashable {
    public private(set) var count: Int64 = 0
    private(set) var inPeriod: Int64 = 0
    private(set) var earliestDay = Int32.max
    private(set) var latestDay = Int32.min

    public init() {}

    @inline(__always)
    public mutating func add(day: Int32, inPeriod inside: Bool) {
        count += 1
        if inside { inPeriod += 1 }
        if day < earliestDay { earliestDay = day }
        if day > latestDay { latestDay = day }
    }

    public mutating func add(_ other: DateSpan) {
        count += other.count
        inPeriod += other.inPeriod
        earliestDay = min(earliestDay, other.earliestDay)
        latestDay = max(latestDay, other.latestDay)
    }

    /// Dates were met and not one of them lies in the period.
    public var noneInPeriod: Bool { count > 0 && inPeriod == 0 }

    public var earliest: CivilDate? { count > 0 ? CivilDate(dayNumber: earliestDay) : nil }
    public var latest: CivilDate? { count > 0 ? CivilDate(dayNumber: latestDay) : nil }
}
