import Testing

@testable import JicengNormalize

@Suite struct ValuesMissingValueTests {
    private func missing(_ text: String) -> Bool { withValueBytes(text, MissingValue.isMissing) }

    @Test(arguments: [
        "", "   ", "\u{3000}", "\u{FEFF}",
        "-", " - ", "—", "－",
        "N/A", "n/a", "N/a", "Ｎ／Ａ", "ｎ／ａ", "N／A",
        "NA", "na", "Na", "ＮＡ",
        "NULL", "null", "Null", "nULL", "ＮＵＬＬ", "\u{3000}NULL\u{3000}", "\tnull\r\n",
    ])
    func contractSpellingsAreMissing(_ text: String) {
        #expect(missing(text))
    }

    @Test(arguments: [
        "0", "--", "-0", "—-", "–", "无", "否", "none", "nil", "nan", "N A", "NA.", "N/A/",
        "nulls", "ＮＵＬＬＸ", "n\\a", "not available", "空",
    ])
    func otherValuesAreNotMissing(_ text: String) {
        #expect(!missing(text))
    }

    @Test func nilBaseEmptyBufferIsMissing() {
        #expect(MissingValue.isMissing(valuesNilBuffer))
    }
}
