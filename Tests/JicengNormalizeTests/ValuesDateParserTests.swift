import Testing
import JicengCore
@testable import JicengNormalize

@Suite struct ValuesDateParserTests {
    private func parse(_ text: String) -> CivilDate? { withValueBytes(text, DateParser.parse) }
    private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test(arguments: [
        "2022-04-26", "2022-4-26", "2022/4/26", "2022/04/26", "2022.4.26", "2022.04.26",
        "2022年4月26日", "2022年04月26日", "20220426",
        "２０２２－０４－２６", "２０２２／４／２６", "２０２２．４．２６", "２０２２年４月２６日", "２０２２０４２６",
        " 2022-04-26 ", "\u{3000}2022年4月26日\u{3000}", "\u{FEFF}2022/4/26",
    ])
    func everyContractFormWithoutTime(_ text: String) {
        #expect(parse(text) == date(2022, 4, 26))
    }

    @Test(arguments: [
        "2022-04-26 14:03", "2022/4/26 14:03:05", "2022-04-26T14:03:05", "2022-04-26t14:03",
        "2022-04-26 14:03:05.123", "2022.4.26 9:05", "2022年4月26日 14:03", "20220426 14:03:05",
        "2022-04-26 14：03", "2022-04-26 14：03：05", "２０２２－０４－２６　１４：０３",
        "2022-04-26  14:03", "2022-04-26\t14:03", "2022-04-26\u{3000}14:03", "2022-04-26 14:03 ",
    ])
    func followedByATime(_ text: String) {
        #expect(parse(text) == date(2022, 4, 26))
    }

    @Test func singleDigitMonthAndDay() {
        #expect(parse("2022-1-5") == date(2022, 1, 5))
        #expect(parse("2022/01/05") == date(2022, 1, 5))
        #expect(parse("2022年1月5日") == date(2022, 1, 5))
        #expect(parse("20221231") == date(2022, 12, 31))
    }

    @Test func leapYears() {
        #expect(parse("2024-02-29") == date(2024, 2, 29))
        #expect(parse("20240229") == date(2024, 2, 29))
        #expect(parse("2000/2/29") == date(2000, 2, 29))
        #expect(parse("2023-02-29") == nil)
        #expect(parse("1900-02-29") == nil)
        #expect(parse("2023年2月29日") == nil)
    }

    @Test(arguments: [
        "2022-02-30", "2022-13-01", "2022-00-10", "2022-01-00", "2022-04-31", "20221301", "20220230",
        "0000-01-01",
    ])
    func invalidCalendarDatesAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test(arguments: [
        "22-04-26", "22/4/26", "22.4.26", "22年4月26日", "220426",
        "02022-04-26", "2022-004-26", "2022-04-026", "2022426", "202204260", "2022-04/26", "2022/04-26",
        "2022-04", "2022", "2022-", "2022--04-26", "2022年4月26", "2022年4月", "2022年4-26日",
        "2022-04-26 14", "2022-04-26 14:", "2022-04-26 14:3", "2022-04-26 14:03:", "2022-04-26 14:03:05.",
        "2022-04-26 123:03", "2022-04-26T", "2022-04-26 abc", "2022-04-26 14:03Z",
        "2022-04-26 14:03+08:00", "2022-04-26T14:03:05:07", "2022-04-2614:03", "2022-04-26 14.03",
        "26/04/2022", "04/26/2022", "", "-", "N/A", "二〇二二年四月二十六日",
    ])
    func otherFormsAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func timeValuesAreNotChecked() {
        // The time is validated only for its shape and then ignored.
        #expect(parse("2022-04-26 25:61:99") == date(2022, 4, 26))
    }

    @Test func nilBaseEmptyBuffer() {
        #expect(DateParser.parse(valuesNilBuffer) == nil)
    }
}
