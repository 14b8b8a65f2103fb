/// Reads UTF-8 bytes as Unicode scalar values folded for matching, one at a time, without
/// allocating: the byte-level counterpart of `TextFolding.fold` (JicengCore) for the hot path.
///
/// Per scalar it applies the same rules as `TextFolding.fold`: full-width ASCII variants
/// U+FF01–U+FF5E become their ASCII forms, the ideographic space becomes a space, ASCII letters
/// become lower case, and byte-order marks are skipped. (Trimming is `ByteTrimming`'s job.)
/// Ill-formed UTF-8 reads as U+FFFD one byte at a time, so it never matches a pattern.
/// Keep the rules in step with `TextFolding.fold`.
struct FoldedScalarCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next folded scalar value, advancing past it; nil at the end.
    @inline(__always)
    mutating func next() -> UInt32? {
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                position += 1
                return byte &- 0x41 < 26 ? UInt32(byte | 0x20) : UInt32(byte)
            }
            let length = UTF8Validation.sequenceLength(bytes, at: position)
            if length == 0 {
                position += 1
                return 0xFFFD
            }
            let scalar = decode(length)
            position += length
            if scalar == 0xFEFF { continue }
            return Self.fold(scalar)
        }
        return nil
    }

    /// Whether nothing but byte-order marks is left.
    var isAtEnd: Bool {
        var copy = self
        return copy.next() == nil
    }

    /// Consumes the next scalar if it is `scalar`.
    @inline(__always)
    mutating func consume(_ scalar: UInt32) -> Bool {
        var copy = self
        guard copy.next() == scalar else { return false }
        self = copy
        return true
    }

    /// Consumes up to `maxCount` digits (ASCII or full-width), appending them to `value`.
    /// - Returns: how many digits were consumed.
    @inline(__always)
    mutating func readDigits(upTo maxCount: Int, into value: inout Int) -> Int {
        var count = 0
        while count < maxCount {
            var copy = self
            guard let s = copy.next(), s &- 0x30 < 10 else { break }
            value = value * 10 + Int(s &- 0x30)
            self = copy
            count += 1
        }
        return count
    }

    /// Consumes any number of digits (ASCII or full-width) without reading their value.
    /// - Returns: how many digits were consumed.
    mutating func skipDigits() -> Int {
        skip(while: { $0 &- 0x30 < 10 })
    }

    /// Consumes scalars while `matches` holds.
    /// - Returns: how many were consumed.
    @inline(__always)
    mutating func skip(while matches: (UInt32) -> Bool) -> Int {
        var count = 0
        while true {
            var copy = self
            guard let s = copy.next(), matches(s) else { return count }
            self = copy
            count += 1
        }
    }

    /// Decodes the well-formed sequence of `length` bytes at `position`.
    @inline(__always)
    private func decode(_ length: Int) -> UInt32 {
        let b0 = UInt32(bytes[position])
        switch length {
        case 2:
            return (b0 & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)
        case 3:
            return (b0 & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6 | UInt32(bytes[position + 2] & 0x3F)
        default:
            return (b0 & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
                | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
        }
    }

    @inline(__always)
    private static func fold(_ scalar: UInt32) -> UInt32 {
        var v = scalar
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 } else if v == 0x3000 { v = 0x20 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return v
    }

    /// Whether the rest of the bytes reads as exactly the scalars of `pattern` after folding.
    /// `pattern` must itself be folded (lower case, half-width).
    func restEquals(_ pattern: StaticString) -> Bool {
        pattern.withUTF8Buffer { patternBytes in
            var text = self
            var expected = FoldedScalarCursor(patternBytes)
            while true {
                let s = text.next()
                guard s == expected.next() else { return false }
                if s == nil { return true }
            }
        }
    }
}
