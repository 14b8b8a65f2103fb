/// Trims the padding spreadsheet exports put around a cell, without copying the cell.
///
/// Exists because the value parsers work on the raw UTF-8 bytes of a field (a `String` per field
/// would cost more than the parse itself on 10 million rows). It removes the same characters as
/// `String.trimmingSpaces()` in JicengCore, so byte-level and String-level matching agree.
public enum ByteTrimming {
    /// Removes leading and trailing ASCII space, tab, CR and LF, the ideographic space U+3000,
    /// the no-break space U+00A0 and byte-order marks U+FEFF.
    ///
    /// - Returns: a sub-buffer of `bytes` (same memory, no copy); empty when nothing else is left.
    @inline(__always)
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        // Nearly every cell starts and ends with a byte no space can start or end with: a cell is
        // trimmed several times on its way (missing? a date? a synonym?), so that costs two loads.
        if let first = bytes.first, let last = bytes.last, first > 0x20, first != 0xC2, first != 0xE3, first != 0xEF,
            last > 0x20, last != 0xA0, last != 0x80, last != 0xBF
        {
            return bytes
        }
        return trimmedSlowly(bytes)
    }

    private static func trimmedSlowly(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end {
            let n = leadingSpaceLength(bytes, start: start, end: end)
            if n == 0 { break }
            start += n
        }
        while end > start {
            let n = trailingSpaceLength(bytes, start: start, end: end)
            if n == 0 { break }
            end -= n
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Byte length of the space character starting at `start`, or 0 when there is none.
    @inline(__always)
    private static func leadingSpaceLength(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        switch b[start] {
        case 0x20, 0x09, 0x0D, 0x0A:
            return 1
        case 0xC2:
            return end - start >= 2 && b[start + 1] == 0xA0 ? 2 : 0
        case 0xE3:
            return end - start >= 3 && b[start + 1] == 0x80 && b[start + 2] == 0x80 ? 3 : 0
        case 0xEF:
            return end - start >= 3 && b[start + 1] == 0xBB && b[start + 2] == 0xBF ? 3 : 0
        default:
            return 0
        }
    }

    /// Byte length of the space character ending just before `end`, or 0 when there is none.
    /// The multi-byte spaces are recognised by their lead byte, which never occurs as a
    /// continuation byte, so the tail of another character (e.g. U+30A0 `E3 82 A0`) never matches.
    @inline(__always)
    private static func trailingSpaceLength(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        let last = b[end - 1]
        switch last {
        case 0x20, 0x09, 0x0D, 0x0A:
            return 1
        case 0xA0:
            return end - start >= 2 && b[end - 2] == 0xC2 ? 2 : 0
        case 0x80:
            return end - start >= 3 && b[end - 3] == 0xE3 && b[end - 2] == 0x80 ? 3 : 0
        case 0xBF:
            return end - start >= 3 && b[end - 3] == 0xEF && b[end - 2] == 0xBB ? 3 : 0
        default:
            return 0
        }
    }
}
