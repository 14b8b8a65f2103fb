/// Parses the yes/no columns (has_party_branch, has_instructor).
///
/// Exists because offices write booleans in Chinese, English, digits or tick marks; the contract
/// (§2) accepts `是/否`, `有/无`, `yes/no`, `true/false`, `y/n`, `1/0` and `√/×` (U+221A, U+00D7),
/// ignoring case, surrounding spaces and full-width forms (`ＹＥＳ`, `１`). Nothing else is
/// accepted — other tick marks such as `✓` or `✗` are not in the contract and give nil.
enum BooleanParser {
    /// The longest accepted spelling in bytes: `ｆａｌｓｅ`, five full-width letters of three bytes.
    private static let longestSpelling = 15

    /// The value of the cell, or nil when it is none of the accepted spellings.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let t = ByteTrimming.trimmed(bytes)
        guard t.count <= longestSpelling else { return nil }
        var cursor = FoldedScalarCursor(t)
        guard let first = cursor.next() else { return nil }
        switch first {
        case 0x662F, 0x6709, 0x221A, 0x31:  // 是 有 √ 1
            return cursor.isAtEnd ? true : nil
        case 0x5426, 0x65E0, 0x00D7, 0x30:  // 否 无 × 0
            return cursor.isAtEnd ? false : nil
        case 0x79:  // y, yes
            return cursor.isAtEnd || cursor.restEquals("es") ? true : nil
        case 0x6E:  // n, no
            return cursor.isAtEnd || cursor.restEquals("o") ? false : nil
        case 0x74:  // true
            return cursor.restEquals("rue") ? true : nil
        case 0x66:  // false
            return cursor.restEquals("alse") ? false : nil
        default:
            return nil
        }
    }
}
