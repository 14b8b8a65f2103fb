/// Strict UTF-8 validation of raw bytes.
///
/// Exists because the contract lets a drop be UTF-8 or GB18030/GBK (§2) and anything else is an
/// `encoding-error`: the pipeline has to know whether bytes are well-formed UTF-8 before it reads
/// them as text, and Swift's `String(decoding:as:)` would silently repair them instead. Follows the
/// well-formed byte sequences of the Unicode Standard (Table 3-7): overlong forms, surrogates
/// (U+D800–U+DFFF) and scalars above U+10FFFF are rejected.
enum UTF8Validation {
    /// Whether `bytes` is entirely well-formed UTF-8. Runs of ASCII are checked eight bytes at a time.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var i = 0
        while i < count {
            if bytes[i] < 0x80 {
                while i + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                }
                while i < count, bytes[i] < 0x80 { i += 1 }
                continue
            }
            let n = sequenceLength(bytes, at: i)
            if n == 0 { return false }
            i += n
        }
        return true
    }

    /// Byte length (1–4) of the well-formed sequence that starts at `i`, or 0 when the bytes
    /// there are not well-formed UTF-8 (bad lead byte, bad or missing continuation byte).
    /// Shared with the folding reader of the value parsers so both agree on what is UTF-8.
    @inline(__always)
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = b[i]
        if lead < 0x80 { return 1 }
        let available = b.count - i
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < available && b[i + k] >= low && b[i + k] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0  // no overlongs
        case 0xE1...0xEC, 0xEE, 0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0  // no surrogates
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0  // ≤ U+10FFFF
        default:
            return 0  // 80–C1, F5–FF
        }
    }
}
