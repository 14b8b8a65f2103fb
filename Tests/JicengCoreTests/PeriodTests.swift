import JicengCore
import Testing

@Suite("Period")
struct PeriodTests {
    private func day(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test("parses a year and a quarter, in either case, with spaces around")
    func parsing() {
        #expect(Period(parsing: "2022") == Period(year: 2022))
        #expect(Period(parsing: "2022Q2") == Period(year: 2022, quarter: 2))
        #expect(Period(parsing: "2022q4") == Period(year: 2022, quarter: 4))
        #expect(Period(parsing: " 2022Q1 ") == Period(year: 2022, quarter: 1))
        #expect(Period(parsing: "2022Q2")?.description == "2022Q2")
        #expect(Period(parsing: "2022")?.description == "2022")
        #expect(Period(parsing: "2022Q3")?.isQuarter == true)
        #expect(Period(parsing: "2022")?.isQuarter == false)
    }

    @Test(
        "parses every form of contract §9",
        arguments: [
            ("2022q2", "2022Q2"), ("2022-Q2", "2022Q2"), ("2022 Q2", "2022Q2"), ("2022-q3", "2022Q3"), ("２０２２Ｑ２", "2022Q2"),
            ("2022年第二季度", "2022Q2"), ("2022年二季度", "2022Q2"), ("2022年第2季度", "2022Q2"), ("2022年第四季度", "2022Q4"),
            ("2022年一季度", "2022Q1"), ("2022年", "2022"), ("2022H1", "2022H1"), ("2022h2", "2022H2"), ("2022-H1", "2022H1"),
            ("2022年上半年", "2022H1"), ("2022年下半年", "2022H2"), (" 2022年第三季度 ", "2022Q3"),
        ])
    func realForms(_ text: String, _ canonical: String) {
        #expect(Period(parsing: text)?.description == canonical)
    }

    @Test("half-years hold six months and a linear target is halved")
    func halfYears() {
        let h1 = Period(year: 2022, half: 1)
        let h2 = Period(year: 2022, half: 2)
        #expect(h1.firstDay == day(2022, 1, 1))
        #expect(h1.lastDay == day(2022, 6, 30))
        #expect(h2.firstDay == day(2022, 7, 1))
        #expect(h2.lastDay == day(2022, 12, 31))
        #expect(!h1.contains(day(2022, 7, 1)))
        #expect(h1.partsOfYear == 2)
        #expect(Period(year: 2022, quarter: 3).partsOfYear == 4)
        #expect(Period(year: 2022).partsOfYear == 1)
        #expect(!h1.isQuarter)
    }

    @Test(
        "rejects everything else",
        arguments: [
            "", "22", "20222", "2022Q0", "2022Q5", "Q2", "2022Q", "2022Q22", "abcd", "0000", "-2022", "2022H3", "2022H0",
            "2022年第五季度", "2022年第二季", "2022年季度", "2022年中", "2022--Q2", "2022 -Q2", "2022年上半", "2022Q2年",
        ])
    func rejects(_ text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test("quarter boundaries: first and last day in, the days around them out")
    func quarterBoundaries() {
        // (quarter, first day, last day): Q1 Jan 1–Mar 31, Q2 Apr 1–Jun 30, Q3 Jul 1–Sep 30, Q4 Oct 1–Dec 31.
        let bounds: [(Int, CivilDate, CivilDate)] = [
            (1, day(2022, 1, 1), day(2022, 3, 31)),
            (2, day(2022, 4, 1), day(2022, 6, 30)),
            (3, day(2022, 7, 1), day(2022, 9, 30)),
            (4, day(2022, 10, 1), day(2022, 12, 31)),
        ]
        for (q, first, last) in bounds {
            let p = Period(year: 2022, quarter: q)
            #expect(p.firstDay == first)
            #expect(p.lastDay == last)
            #expect(p.contains(first))
            #expect(p.contains(last))
            #expect(!p.contains(CivilDate(dayNumber: first.dayNumber - 1)), "Q\(q) day before")
            #expect(!p.contains(CivilDate(dayNumber: last.dayNumber + 1)), "Q\(q) day after")
        }
        // A leap February belongs to Q1.
        #expect(Period(year: 2024, quarter: 1).contains(day(2024, 2, 29)))
        #expect(Period(year: 2024, quarter: 1).lastDay == day(2024, 3, 31))
        // Same month and day in another year is out.
        #expect(!Period(year: 2022, quarter: 2).contains(day(2021, 5, 1)))
    }

    @Test("a year holds 1 January to 31 December")
    func year() {
        let p = Period(year: 2022)
        #expect(p.firstDay == day(2022, 1, 1))
        #expect(p.lastDay == day(2022, 12, 31))
        #expect(p.contains(day(2022, 1, 1)))
        #expect(p.contains(day(2022, 12, 31)))
        #expect(!p.contains(day(2021, 12, 31)))
        #expect(!p.contains(day(2023, 1, 1)))
    }
}
