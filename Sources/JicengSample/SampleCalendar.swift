import JicengCore

/// The days a drop's dated rows may fall on: the configured quarters (in period) and the quarter
/// before the first of them (where the deliberate out-of-period rows go).
///
/// It exists so that requests and services agree on the period and the totals are bucketed by
/// quarter, which lets the summary answer for a quarter or a whole year.
struct SampleCalendar {
    /// Day offset 0.
    let first: CivilDate
    /// The last configured day: nothing is closed after it (the export is made then).
    let last: CivilDate
    /// Offsets of the in-period days, ascending.
    let inPeriodDays: [Int]
    /// Offsets of the days of the quarter before the first configured one.
    let previousQuarterDays: Range<Int>

    init(configuration c: SampleDropConfiguration) {
        let quarters = c.quarters.sorted()
        let firstQuarter = Period(year: c.year, quarter: quarters[0])
        let previous = quarters[0] == 1 ? Period(year: c.year - 1, quarter: 4) : Period(year: c.year, quarter: quarters[0] - 1)
        first = previous.firstDay
        last = Period(year: c.year, quarter: quarters[quarters.count - 1]).lastDay
        var days: [Int] = []
        for q in quarters {
            let p = Period(year: c.year, quarter: q)
            for d in p.firstDay.dayNumber...p.lastDay.dayNumber {
                days.append(Int(d - first.dayNumber))
            }
        }
        inPeriodDays = days
        previousQuarterDays = 0..<Int(firstQuarter.firstDay.dayNumber - first.dayNumber)
    }

    var dayCount: Int { Int(last.dayNumber - first.dayNumber) + 1 }

    /// The quarter key (year × 4 + quarter − 1) of a day offset.
    func quarterKey(day: Int) -> Int {
        SampleCalendar.quarterKey(CivilDate(dayNumber: first.dayNumber + Int32(day)))
    }

    static func quarterKey(_ date: CivilDate) -> Int {
        let (y, m, _) = date.components
        return y * 4 + (m - 1) / 3
    }

    /// Quarter key per day offset, for the hot loops.
    func quarterKeys() -> [Int] {
        (0..<dayCount).map { quarterKey(day: $0) }
    }
}
