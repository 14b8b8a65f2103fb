import Testing

@testable import JicengNormalize

@Suite struct ValuesIntegerParserTests {
    private func parse(_ text: String) -> Int64? { withValueBytes(text, IntegerParser.parse) }

    @Test func plainAndFullWidthDigits() {
        #expect(parse("0") == 0)
        #expect(parse("123") == 123)
        #expect(parse("4690") == 4690)
        #expect(parse("１２３") == 123)
        #expect(parse("１2３") == 123)
        #expect(parse("0012") == 12)
        #expect(parse(" 42 ") == 42)
        #expect(parse("\u{3000}４２\u{3000}") == 42)
    }

    @Test func signs() {
        #expect(parse("+5") == 5)
        #expect(parse("-7") == -7)
        #expect(parse("－７") == -7)
        #expect(parse("＋８") == 8)
        #expect(parse("-0") == 0)
        #expect(parse("-1,234") == -1234)
    }

    @Test func thousandsSeparatorsInValidPositions() {
        #expect(parse("1,234") == 1234)
        #expect(parse("12,345,678") == 12_345_678)
        #expect(parse("123,456") == 123_456)
        #expect(parse("1,000,000") == 1_000_000)
        #expect(parse("１，２３４") == 1234)
        #expect(parse("1，234") == 1234)
        #expect(parse("4,229.0") == 4229)
    }

    @Test(arguments: ["1,23", ",123", "1,,234", "1234,567", "1,2345", "123,", "1,234,56", "12,34,567", ",", "1,234,"])
    func badThousandsGroupsAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func excelTrailingZeroFraction() {
        #expect(parse("12.0") == 12)
        #expect(parse("12.00") == 12)
        #expect(parse("１２．０") == 12)
        #expect(parse("-3.0") == -3)
        #expect(parse(" 12.0 ") == 12)
    }

    @Test(arguments: ["12.5", "12.", ".0", "12.01", "12.0.0", "12.0a", "12. 0", "1,23.0", "1e3", "0x1F"])
    func nonIntegralOrOtherNumberFormsAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test(arguments: ["", " ", "-", "+", "－", "abc", "12a", "a12", "1 234", "--1", "+-1", "- 1", "一二三", "N/A"])
    func nonNumbersAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func int64Bounds() {
        #expect(parse("999999999999999999") == 999_999_999_999_999_999)  // 18 digits
        #expect(parse("1000000000000000000") == 1_000_000_000_000_000_000)  // 19 digits
        #expect(parse("9223372036854775807") == Int64.max)
        #expect(parse("9,223,372,036,854,775,807") == Int64.max)
        #expect(parse("-9223372036854775808") == Int64.min)
        #expect(parse("9223372036854775808") == nil)
        #expect(parse("-9223372036854775809") == nil)
        #expect(parse("18446744073709551616") == nil)
        #expect(parse("99999999999999999999999") == nil)
        #expect(parse("000000000000000000000000001") == 1)
    }

    @Test func nilBaseEmptyBuffer() {
        #expect(IntegerParser.parse(valuesNilBuffer) == nil)
    }
}
