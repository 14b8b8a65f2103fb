/// Recognises the cells the contract counts as "no value" (§2).
///
/// Exists so that every column type treats missing cells alike before its own parser runs: a
/// missing required value is a `missing-value` finding, while a non-missing cell that does not
/// parse is a type error. The spellings are the contract's: empty, `-`, `—`, `N/A`, `NA`, `NULL`,
/// case-insensitive, after trimming and full-width folding (so `－`, `Ｎ／Ａ`, `ｎｕｌｌ` count too).
enum MissingValue {
    /// The longest missing spelling in bytes: `ＮＵＬＬ`, four full-width letters of three bytes.
    private static let longestSpelling = 12

    /// Whether the cell holds no value.
    @inline(__always)
    static func isMissing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = ByteTrimming.trimmed(bytes)
        if t.isEmpty { return true }
        if t.count > longestSpelling { return false }
        // Every spelling starts with `-`, `n`/`N`, `—` (E2 80 94) or a full-width form (EF …).
        switch t[0] {
        case 0x2D, 0x4E, 0x6E, 0xE2, 0xEF: return spellsMissing(t)
        default: return false
        }
    }

    /// The trimmed cell `t` (not empty, at most `longestSpelling` bytes) read scalar by scalar.
    @inline(never)
    private static func spellsMissing(_ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var cursor = FoldedScalarCursor(t)
        guard let first = cursor.next() else { return true }
        switch first {
        case 0x2D, 0x2014:  // - (also －), —
            return cursor.isAtEnd
        case 0x6E:  // n/a, na, null
            return cursor.restEquals("/a") || cursor.restEquals("a") || cursor.restEquals("ull")
        default:
            return false
        }
    }
}
