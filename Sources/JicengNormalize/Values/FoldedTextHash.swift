/// The slot value of a text cell counted by a `distinct_count` measure: a 64-bit hash of the
/// cell's text after the contract's folding (§2: full-width → half-width, ASCII case ignored, BOMs
/// dropped; trimming is `ByteTrimming`'s job), computed on the bytes without building a String.
///
/// Exists because a text slot otherwise only says that the cell has a value (it holds 1), so a
/// distinct count over a text column was always 1. Texts equal after folding get equal values;
/// two different texts get the same value with a probability of about n² / 2⁶⁵ for n distinct
/// texts (3 × 10⁻⁸ for a million). Never `missingSlot`.
public enum FoldedTextHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The value of the (already trimmed) UTF-8 bytes of a cell.
    @inline(__always)
    static func slotValue(_ trimmed: UnsafeBufferPointer<UInt8>) -> Int64 {
        var cursor = FoldedScalarCursor(trimmed)
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        var count: UInt64 = 0
        while let scalar = cursor.next() {
            h = (h ^ UInt64(scalar)) &* multiplier
            h ^= h >> 29
            count &+= 1
        }
        // MurmurHash3's 64-bit finaliser, with the length mixed in.
        h ^= count &* multiplier
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        let value = Int64(bitPattern: h)
        return value == missingSlot ? missingSlot &+ 1 : value
    }
}
