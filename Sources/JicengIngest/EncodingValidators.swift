/// Strict UTF-8 validation fed in blocks of any size: no overlong forms, no surrogates, nothing
/// above U+10FFFF (the rules of `EncodingDetector.isUTF8`), with a fast path for runs of ASCII.
///
/// Exists so that a file's encoding can be decided from all of its bytes (contract §9) in one
/// streaming pass, whatever its size, in constant memory.
struct UTF8StreamValidator {
    /// Continuation bytes still expected by the sequence in progress.
    private var need = 0
    /// The range the next continuation byte must lie in (narrower after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// File offset of the sequence in progress.
    private var sequenceStart: Int64 = 0
    /// Bytes fed so far.
    private var consumed: Int64 = 0
    /// File offset where the first invalid sequence starts, or nil while everything is valid.
    private(set) var firstInvalid: Int64?

    /// Feeds the next block. Once a byte is invalid, further blocks are ignored.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard firstInvalid == nil, let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        while i < n {
            if need == 0 {
                while i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < n else { break }
                let c = base[i]
                if c < 0x80 {
                    i += 1
                    continue
                }
                // The commonest sequence in Chinese text, three bytes with no special range for
                // its second byte (not E0 or ED), checked in one step.
                if i + 2 < n, (0xE1...0xEC).contains(c) || c >= 0xEE && c <= 0xEF,
                    base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80
                {
                    i += 3
                    continue
                }
                lower = 0x80
                upper = 0xBF
                switch c {
                case 0xC2...0xDF: need = 1
                case 0xE0:
                    need = 2
                    lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED:
                    need = 2
                    upper = 0x9F
                case 0xF0:
                    need = 3
                    lower = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4:
                    need = 3
                    upper = 0x8F
                default:
                    firstInvalid = consumed + Int64(i)
                    return
                }
                sequenceStart = consumed + Int64(i)
                i += 1
            } else {
                let d = base[i]
                if d < lower || d > upper {
                    firstInvalid = sequenceStart
                    return
                }
                lower = 0x80
                upper = 0xBF
                need -= 1
                i += 1
            }
        }
        consumed += Int64(n)
    }

    /// The input has ended: a sequence still open is invalid.
    mutating func finish() {
        if firstInvalid == nil && need > 0 { firstInvalid = sequenceStart }
    }
}

/// GB18030 validation fed in blocks of any size: one byte 00–7F; two bytes 81–FE then 40–7E or
/// 80–FE; four bytes 81–FE, 30–39, 81–FE, 30–39 within the ranges GB18030 assigns (the BMP's
/// 81308130–8431A439 and the supplementary planes' 90308130–E3329A35).
///
/// Exists, like `UTF8StreamValidator`, to decide a file's encoding from all of its bytes; it
/// checks structure and ranges without converting, so a whole file costs one cheap pass.
struct GB18030StreamValidator {
    /// Bytes of the character in progress (0 when between characters).
    private var pending = 0
    private var first: UInt8 = 0
    private var second: UInt8 = 0
    private var third: UInt8 = 0
    private var characterStart: Int64 = 0
    private var consumed: Int64 = 0
    /// File offset where the first invalid character starts, or nil while everything is valid.
    private(set) var firstInvalid: Int64?

    /// Linear index of the last four-byte code of the BMP range (8431A439).
    private static let lastBMPIndex = 39_419
    /// Linear indices of 90308130 and E3329A35, the supplementary planes' range.
    private static let supplementary = 189_000...1_237_575

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard firstInvalid == nil, let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        while i < n {
            let c = base[i]
            switch pending {
            case 0:
                if c < 0x80 {
                    i += 1
                    while i + 8 <= n {
                        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 != 0 { break }
                        i += 8
                    }
                    continue
                }
                guard (0x81...0xFE).contains(c) else { return fail(at: consumed + Int64(i)) }
                first = c
                characterStart = consumed + Int64(i)
                pending = 1
            case 1:
                if (0x40...0x7E).contains(c) || (0x80...0xFE).contains(c) {
                    pending = 0
                } else if (0x30...0x39).contains(c) {
                    second = c
                    pending = 2
                } else {
                    return fail(at: characterStart)
                }
            case 2:
                guard (0x81...0xFE).contains(c) else { return fail(at: characterStart) }
                third = c
                pending = 3
            default:
                guard (0x30...0x39).contains(c) else { return fail(at: characterStart) }
                let index = Int(first - 0x81) * 12_600 + Int(second - 0x30) * 1_260 + Int(third - 0x81) * 10 + Int(c - 0x30)
                guard index <= Self.lastBMPIndex || Self.supplementary.contains(index) else { return fail(at: characterStart) }
                pending = 0
            }
            i += 1
        }
        consumed += Int64(n)
    }

    private mutating func fail(at offset: Int64) {
        firstInvalid = offset
    }

    /// The input has ended: a character still open is invalid.
    mutating func finish() {
        if firstInvalid == nil && pending > 0 { firstInvalid = characterStart }
    }
}
