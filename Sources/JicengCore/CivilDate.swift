/// A calendar date without time or zone: the only part of a date or date-time the contract uses.
///
/// Stored as a day number so that `days_to_close` is a subtraction and rows can keep dates in an
/// `Int64` slot. Day 0 is 1970-01-01 (proleptic Gregorian).
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let dayNumber: Int32

    public init(dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// Returns nil when the day does not exist in that month (2022-02-30) or the year is out of 1..9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        if year >= Self.tableFirstYear && year < Self.tableFirstYear + Self.tableYears {
            dayNumber = Self.firstOfMonth[(year - Self.tableFirstYear) * 12 + month - 1] + Int32(day - 1)
        } else {
            dayNumber = Int32(CivilDate.daysFromCivil(year: year, month: month, day: day))
        }
    }

    /// Day numbers of the first of every month from 1900 to 2199, so that the dates of real data
    /// (two a request) cost a table read instead of the general computation.
    private static let tableFirstYear = 1900
    private static let tableYears = 300
    private static let firstOfMonth: [Int32] = (0..<(tableYears * 12)).map {
        Int32(daysFromCivil(year: tableFirstYear + $0 / 12, month: $0 % 12 + 1, day: 1))
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil algorithm.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }

    /// ISO 8601 form, `2022-04-26`.
    public var description: String {
        let (y, m, d) = components
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
