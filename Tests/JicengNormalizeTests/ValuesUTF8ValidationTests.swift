import Testing

@testable import JicengNormalize

@Suite struct ValuesUTF8ValidationTests {
    private func valid(_ bytes: [UInt8]) -> Bool { withValueBytes(bytes, UTF8Validation.isValid) }

    @Test func wellFormedText() {
        #expect(valid([]))
        #expect(UTF8Validation.isValid(valuesNilBuffer))
        #expect(valid(Array("abc".utf8)))
        #expect(valid(Array(String(repeating: "abcdefg,", count: 40).utf8)))
        #expect(valid(Array("网格党支部,是否建立网格党支部".utf8)))
        #expect(valid(Array("1234567是12345678\u{1F600}x".utf8)))  // multi-byte across the 8-byte steps
        #expect(valid(Array("\u{FEFF}unit_id,名称\r\n".utf8)))
        #expect(valid([0x7F, 0xC2, 0x80, 0xDF, 0xBF]))  // U+007F, U+0080, U+07FF
        #expect(valid([0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80]))  // U+0800, U+D7FF, U+E000
        #expect(valid([0xEF, 0xBF, 0xBF, 0xF0, 0x90, 0x80, 0x80]))  // U+FFFF, U+10000
        #expect(valid([0xF4, 0x8F, 0xBF, 0xBF]))  // U+10FFFF
    }

    @Test(
        arguments: [
            [0xC0, 0x80], [0xC1, 0xBF],  // overlong 2-byte
            [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],  // overlong 3-byte
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],  // overlong 4-byte
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],  // surrogates U+D800, U+DFFF
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],  // above U+10FFFF
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], [0xFE],
            [0x80], [0xBF], [0x61, 0x80, 0x62],  // lone continuation bytes
            [0xE4, 0xB8], [0xC2], [0xF0, 0x9F, 0x98],  // truncated at the end
            [0xE4, 0x41, 0x80], [0xC2, 0xC2, 0x80],  // continuation missing
            [0xD6, 0xD0, 0xCE, 0xC4],  // "中文" in GBK
        ] as [[UInt8]])
    func illFormedSequences(_ bytes: [UInt8]) {
        #expect(!valid(bytes))
        // The same error after a long ASCII run (fast path) and before one.
        let ascii = Array("abcdefghijklmnopq".utf8)
        #expect(!valid(ascii + bytes))
        #expect(!valid(bytes + ascii))
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        func nextByte() -> UInt8 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            // Mostly ASCII with a share of bytes that start or continue sequences.
            let r = UInt8(truncatingIfNeeded: state >> 24)
            let choices: [UInt8] = [0x61, 0x80, 0xBF, 0xA0, 0x8F, 0x90, 0xC2, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4]
            return r < 128 ? r : choices[Int(r) % choices.count]
        }
        for length in 0..<40 {
            for _ in 0..<200 {
                let bytes = (0..<length).map { _ in nextByte() }
                let expected = String(validating: bytes, as: UTF8.self) != nil
                #expect(valid(bytes) == expected, "bytes \(bytes)")
            }
        }
    }
}
