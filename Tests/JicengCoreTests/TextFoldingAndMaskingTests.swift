import JicengCore
import Testing

@Suite("TextFolding")
struct TextFoldingTests {
    @Test("trims, drops BOMs, folds full-width to half-width and ASCII case")
    func fold() {
        #expect(TextFolding.fold("  Request_ID ") == "request_id")
        #expect(TextFolding.fold("\u{FEFF}request_id") == "request_id")
        // Full-width letters, digits and underscore (U+FF3F) become ASCII, then lower case.
        #expect(TextFolding.fold("ＲＥＱＵＥＳＴ＿ＩＤ") == "request_id")
        #expect(TextFolding.fold("１２３４５") == "12345")
        #expect(TextFolding.fold("（Ａ）") == "(a)")
        // The ideographic space folds to a space, which is then trimmed at the ends.
        #expect(TextFolding.fold("\u{3000}受理时间\u{3000}") == "受理时间")
        // Inner spaces stay; Chinese text is unchanged.
        #expect(TextFolding.fold("a\u{3000}b") == "a b")
        #expect(TextFolding.fold("东门社区") == "东门社区")
        #expect(TextFolding.fold("") == "")
        #expect(TextFolding.fold(" \t\u{3000}") == "")
        // Only ASCII case is folded.
        #expect(TextFolding.fold("É") == "É")
    }

    @Test("folding bytes matches folding the String")
    func foldBytes() {
        let text = "  ＧＲＩＤ_Id\u{3000}"
        let bytes = Array(text.utf8)
        let folded = bytes.withUnsafeBufferPointer { TextFolding.fold(utf8: $0) }
        #expect(folded == "grid_id")
    }

    @Test("trimmingSpaces removes ASCII spaces, tabs, line breaks, NBSP, ideographic spaces and BOMs at the ends only")
    func trimming() {
        #expect("\u{00A0}\t x y \r\n\u{FEFF}\u{3000}".trimmingSpaces() == "x y")
        #expect("   ".trimmingSpaces() == "")
        #expect("abc".trimmingSpaces() == "abc")
    }
}

@Suite("SensitiveDataMasker")
struct SensitiveDataMaskerTests {
    @Test("a mobile number keeps its first 3 and last 4 digits")
    func mobile() {
        // 138 | 1234 | 5678 → 138****5678.
        #expect(SensitiveDataMasker.mask("13812345678") == "138****5678")
        // Full-width digits are digits too.
        #expect(SensitiveDataMasker.mask("１３８１２３４５６７８") == "１３８****５６７８")
    }

    @Test("an 18-character ID-card number with X keeps its first 6 and last 4")
    func idCard() {
        // 110105 | 19491231 | 002X → 110105 + 8 stars + 002X.
        #expect(SensitiveDataMasker.mask("11010519491231002X") == "110105********002X")
        #expect(SensitiveDataMasker.mask("110105194912310021") == "110105********0021")
    }

    @Test("numbers inside Chinese text are masked in place")
    func inText() {
        #expect(SensitiveDataMasker.mask("居民张某（电话13812345678）反映噪音") == "居民张某（电话138****5678）反映噪音")
        #expect(SensitiveDataMasker.mask("身份证11010519491231002X，住3栋") == "身份证110105********002X，住3栋")
    }

    @Test(
        "short numbers and dates are left alone",
        arguments: [
            "共12户", "2022", "2022-04-26", "2022/4/26 14:03:05", "2022年4月26日", "20220426", "R000123", "第3网格", "",
        ])
    func untouched(_ text: String) {
        #expect(SensitiveDataMasker.mask(text) == text)
    }
}
