import Testing

@testable import JicengNormalize

@Suite struct ValuesBooleanParserTests {
    private func parse(_ text: String) -> Bool? { withValueBytes(text, BooleanParser.parse) }

    @Test(arguments: [
        "是", "有", "yes", "YES", "Yes", "ｙｅｓ", "ＹＥＳ", "true", "TRUE", "True", "ｔｒｕｅ",
        "y", "Y", "Ｙ", "1", "１", "√", " 是 ", "\u{3000}√\u{3000}", "\u{FEFF}true",
    ])
    func trueSpellings(_ text: String) {
        #expect(parse(text) == true)
    }

    @Test(arguments: [
        "否", "无", "no", "NO", "No", "ｎｏ", "false", "FALSE", "False", "ｆａｌｓｅ", "ＦＡＬＳＥ",
        "n", "N", "ｎ", "0", "０", "×", " 否\t", "\u{3000}×",
    ])
    func falseSpellings(_ text: String) {
        #expect(parse(text) == false)
    }

    @Test(arguments: [
        "", " ", "-", "2", "10", "01", "是的", "是否", "有无", "yess", "ye", "noo", "o", "t", "f",
        "tru", "fals", "truee", "x", "X", "✓", "✔", "✗", "on", "off", "√√", "沒有", "没有", "N/A",
    ])
    func otherValuesAreRejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func nilBaseEmptyBuffer() {
        #expect(BooleanParser.parse(valuesNilBuffer) == nil)
    }
}
