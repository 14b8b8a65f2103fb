import JicengCore
import Testing

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
        "22-04-26", "22/4/26", "22.4.26", "22年4月26日",
        "02022-04-26", "2022-004-26", "2022-04-026", "202204260", "2022-04/26", "2022/04-26",
        "2022-04", "2022-", "2022--04-26", "2022年4月26", "2022年4月", "2022年4-26日",
        "2022-04-26 14", "2022-04-26 14:", "2022-04-26 14:3", "2022-04-26 14:03:", "2022-04-26 14:03:05.",
        "2022-04-26 123:03", "2022-04-26T", "2022-04-26 abc", "2022-04-26 14:03Y",
        "2022-04-26 14:03+8", "2022-04-26 14:03+08:0", "2022-04-26T14:03:05+08:00:00", "2022-04-26T14:03:05:07",
        "2019年4月25日 9时", "2019年4月25日 9时32", "2019年4月25日 9时32分05", "2019/4/25 上午", "2019/4/25 上 09:32",
        "2019/4/25 中午 09:32", "201904250932", "2019042509320", "201904250932099", "43563.", "43563.5x", "0", "2958466",
        "60", "-43563", "4,356", "1e5", "2022-04-2614:03", "2022-04-26 14.03",
        "26/04/2022", "04/26/2022", "", "-", "N/A", "二〇二二年四月二十六日",
    ])
    func otherFormsAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test(arguments: [
        // Contract §9: the date as written counts; times, 上午/下午 and time zones are ignored.
        "2019年4月25日 9时32分", "2019年4月25日9时32分", "2019年4月25日 09时32分05秒", "2019年4月25日 9時32分",
        "2019/4/25 上午 09:32:09", "2019/4/25 下午 09:32:09", "2019/4/25 下午09:32", "２０１９／４／２５　上午　９：３２",
        "20190425093209", "2019-04-25T09:32:09", "2019-04-25T09:32:09+08:00", "2019-04-25T09:32:09Z",
        "2019-04-25t09:32:09z", "2019-04-25 09:32:09.5+0800", "2019-04-25T09:32-05", "2019-04-25 09:32 +08:00",
    ])
    func realExportForms(_ text: String) {
        #expect(parse(text) == date(2019, 4, 25))
    }

    @Test func aTimeZoneNeverMovesTheDate() {
        // 01:32 UTC is 09:32 in Beijing, and 23:00 at -05:00 is the next day in UTC: the date as
        // written counts in both.
        #expect(parse("2019-04-25T01:32:09Z") == date(2019, 4, 25))
        #expect(parse("2019-04-25T23:00:00-05:00") == date(2019, 4, 25))
    }

    @Test func excelSerialDates() {
        // Worked out from Excel's 1900 system: serial 1 is 1900-01-01, serial 59 is 1900-02-28,
        // Excel's non-existent 1900-02-29 is serial 60, so from 61 on a serial counts from
        // 1899-12-30 (43563 days after it is 2019-04-08; 2958465 is 9999-12-31).
        #expect(parse("43563.3592") == date(2019, 4, 8))
        #expect(parse("43563") == date(2019, 4, 8))
        #expect(parse("４３５６３．５") == date(2019, 4, 8))
        #expect(parse("1") == date(1900, 1, 1))
        #expect(parse("59") == date(1900, 2, 28))
        #expect(parse("61") == date(1900, 3, 1))
        #expect(parse("2958465") == date(9999, 12, 31))
        // Plain numbers of four to seven digits are serials too (the contract's rule), so a year
        // alone or a six-digit date lands far from any period (an out-of-period finding, not a
        // silently right guess).
        #expect(parse("2022") == date(1905, 7, 14))
        #expect(parse("4356.25") == date(1911, 12, 4))
        #expect(parse("220426") == date(2503, 7, 3))
        #expect(parse("2022426") == date(7437, 3, 18))
    }

    @Test func timeValuesAreNotChecked() {
        // The time is validated only for its shape and then ignored.
        #expect(parse("2022-04-26 25:61:99") == date(2022, 4, 26))
    }

    @Test func nilBaseEmptyBuffer() {
        #expect(DateParser.parse(valuesNilBuffer) == nil)
    }
}
