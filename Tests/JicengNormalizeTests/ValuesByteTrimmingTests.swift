import Testing

@testable import JicengNormalize

@Suite struct ValuesByteTrimmingTests {
    private func trim(_ text: String) -> String {
        withValueBytes(text) { String(decoding: ByteTrimming.trimmed($0), as: UTF8.self) }
    }

    @Test func removesEveryKindOfPadding() {
        #expect(trim(" abc ") == "abc")
        #expect(trim("\t\r\nabc\r\n") == "abc")
        #expect(trim("\u{3000}社区\u{3000}") == "社区")
        #expect(trim("\u{A0}abc\u{A0}") == "abc")
        #expect(trim("\u{FEFF}abc") == "abc")
        #expect(trim("abc\u{FEFF}") == "abc")
        #expect(trim("\u{FEFF} \u{3000}\u{A0}\t12\u{A0} \u{3000}\r\n") == "12")
    }

    @Test func keepsInnerSpacesAndOtherCharacters() {
        #expect(trim(" a b ") == "a b")
        #expect(trim("a\u{3000}b") == "a\u{3000}b")
        // U+3001 (E3 80 81) starts like the ideographic space; U+30A0 (E3 82 A0) ends like NBSP.
        #expect(trim("\u{3001}x\u{3001}") == "\u{3001}x\u{3001}")
        #expect(trim("x\u{30A0}") == "x\u{30A0}")
        // U+FEFE (EF BB BE) is not a BOM; U+00A1 (C2 A1) is not NBSP.
        #expect(trim("\u{FEFE}x\u{A1}") == "\u{FEFE}x\u{A1}")
        #expect(trim("－") == "－")
    }

    @Test func onlyPaddingGivesEmpty() {
        #expect(trim("") == "")
        #expect(trim(" \u{3000}\u{A0}\u{FEFF}\t ") == "")
        #expect(ByteTrimming.trimmed(valuesNilBuffer).isEmpty)
    }

    @Test func truncatedMultiByteSpacesAreLeftAlone() {
        // A lone E3 80 or C2 at either end is not a space and must not be read past.
        #expect(withValueBytes([0xE3, 0x80]) { Array(ByteTrimming.trimmed($0)) } == [0xE3, 0x80])
        #expect(withValueBytes([0x80, 0x80]) { Array(ByteTrimming.trimmed($0)) } == [0x80, 0x80])
        #expect(withValueBytes([0xC2]) { Array(ByteTrimming.trimmed($0)) } == [0xC2])
        #expect(withValueBytes([0xA0]) { Array(ByteTrimming.trimmed($0)) } == [0xA0])
    }

    @Test func returnsASubBufferOfTheInput() {
        withValueBytes("\u{3000} 12 ") { bytes in
            let t = ByteTrimming.trimmed(bytes)
            #expect(t.baseAddress == bytes.baseAddress! + 4)
            #expect(t.count == 2)
        }
    }
}
