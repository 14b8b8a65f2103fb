import JicengCore
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    @Test("day 0 is 1970-01-01 and known anchors have the hand-computed day numbers")
    func anchors() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CivilDate(year: 1969, month: 12, day: 31)?.dayNumber == -1)
        // 1970-01-01 → 2000-01-01: 30 years × 365 = 10950, plus the leap days of 1972, 76, 80, 84,
        // 88, 92, 96 = 7 → 10957. Then January (31) and February 2000 (29, a leap year) → 11017.
        #expect(CivilDate(year: 2000, month: 1, day: 1)?.dayNumber == 10957)
        #expect(CivilDate(year: 2000, month: 3, day: 1)?.dayNumber == 11017)
        // 1900-01-01 → 1970-01-01: 70 × 365 = 25550 plus leap days 1904…1968 (17; 1900 is not one).
        #expect(CivilDate(year: 1900, month: 1, day: 1)?.dayNumber == -25567)
        // 1970-01-01 → 2101-01-01: 131 × 365 = 47815 plus leap days 1972…2096 = 32 (2000 counts,
        // 2100 is outside) → 47847, so 2100-12-31 is day 47846.
        #expect(CivilDate(year: 2100, month: 12, day: 31)?.dayNumber == 47846)
        // 2022-04-26: 2022-01-01 is 52 × 365 + 13 leap days (1972…2020) = 18993;
        // + Jan 31 + Feb 28 + Mar 31 + 25 = 115 → 19108.
        #expect(CivilDate(year: 2022, month: 4, day: 26)?.dayNumber == 19108)
    }

    @Test("every day of 1900–2100 round-trips and follows the previous day")
    func roundTrip() {
        var expected = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber
        var days = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CivilDate.daysInMonth(year: year, month: month) {
                    guard let date = CivilDate(year: year, month: month, day: day) else {
                        Issue.record("\(year)-\(month)-\(day) rejected")
                        return
                    }
                    #expect(date.dayNumber == expected, "\(year)-\(month)-\(day)")
                    let c = date.components
                    if c.year != year || c.month != month || c.day != day {
                        Issue.record("\(year)-\(month)-\(day) came back as \(c)")
                    }
                    // Back from the day number alone.
                    let again = CivilDate(dayNumber: date.dayNumber)
                    #expect(again == date)
                    expected += 1
                    days += 1
                }
            }
        }
        // 201 years × 365 + leap years 1904…2096 (49; 1900 and 2100 are not) = 73365 + 49 = 73414.
        #expect(days == 73414)
    }

    @Test("leap years: divisible by 4, except centuries not divisible by 400")
    func leapYears() {
        #expect(CivilDate.isLeapYear(2024))
        #expect(CivilDate.isLeapYear(2000))
        #expect(CivilDate.isLeapYear(1904))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(!CivilDate.isLeapYear(2100))
        #expect(!CivilDate.isLeapYear(2022))
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2022, month: 2, day: 29) == nil)
        // 2024-02-28 + 1 day = 2024-02-29, + 2 days = 2024-03-01.
        let feb28 = CivilDate(year: 2024, month: 2, day: 28)!.dayNumber
        #expect(CivilDate(dayNumber: feb28 + 1).description == "2024-02-29")
        #expect(CivilDate(dayNumber: feb28 + 2).description == "2024-03-01")
        // 2023-02-28 + 1 day = 2023-03-01.
        #expect(CivilDate(dayNumber: CivilDate(year: 2023, month: 2, day: 28)!.dayNumber + 1).description == "2023-03-01")
    }

    @Test("dates that do not exist are nil")
    func invalid() {
        #expect(CivilDate(year: 2022, month: 2, day: 30) == nil)
        #expect(CivilDate(year: 2022, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2022, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2022, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2022, month: 1, day: 0) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDate(year: 10000, month: 1, day: 1) == nil)
    }

    @Test("ISO description, ordering and year")
    func descriptionAndOrder() {
        #expect(CivilDate(year: 2022, month: 4, day: 6)!.description == "2022-04-06")
        #expect(CivilDate(year: 987, month: 12, day: 31)!.description == "0987-12-31")
        #expect(CivilDate(year: 2022, month: 4, day: 26)!.year == 2022)
        #expect(CivilDate(year: 2021, month: 12, day: 31)! < CivilDate(year: 2022, month: 1, day: 1)!)
        // days_to_close: 2022-06-30 → 2022-07-15 is 15 days.
        #expect(CivilDate(year: 2022, month: 7, day: 15)!.dayNumber - CivilDate(year: 2022, month: 6, day: 30)!.dayNumber == 15)
    }
}
