/// Parses the whole numbers of count columns (households, residents, party members, …).
///
/// Exists because exports write counts in several forms the contract accepts (§2): full-width
/// digits (`１２３`), thousands separators (`1,234`, also the full-width comma `，`), an optional
/// sign (`+`/`-`, also `＋`/`－`), and Excel's `12.0`. A sign is parsed rather than rejected so
/// that the caller can report a negative count as a `constraint-error` instead of a type error.
enum IntegerParser {
    /// The value of the cell, or nil when it is not a whole number in a form listed above or does
    /// not fit in `Int64`.
    ///
    /// Thousands separators must sit between groups: a first group of 1–3 digits, then groups of
    /// exactly three (`1,234`, `12,345,678`; not `1,23`, `,123`, `1,,234`, `1234,567`). A fraction
    /// is accepted only when it is all zeros (`12.0`, `12.00`; not `12.5` or `12.`).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let trimmed = ByteTrimming.trimmed(bytes)
        if let value = plainDigits(trimmed) { return value }
        var cursor = FoldedScalarCursor(trimmed)
        let negative = cursor.consume(0x2D)  // "-" or "－"
        if !negative { _ = cursor.consume(0x2B) }  // "+" or "＋"
        let limit: UInt64 = negative ? 1 << 63 : UInt64(Int64.max)

        var magnitude: UInt64 = 0
        var digitsInGroup = 0
        var separators = 0
        var sawPoint = false
        digits: while let s = cursor.next() {
            switch s {
            case 0x30...0x39:
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(s - 0x30))
                guard !o1, !o2, sum <= limit else { return nil }
                magnitude = sum
                digitsInGroup += 1
                if separators > 0 && digitsInGroup > 3 { return nil }
            case 0x2C:  // "," or "，"
                let groupIsValid = separators == 0 ? (1...3).contains(digitsInGroup) : digitsInGroup == 3
                guard groupIsValid else { return nil }
                separators += 1
                digitsInGroup = 0
            case 0x2E:  // "." or "．"
                sawPoint = true
                break digits
            default:
                return nil
            }
        }
        guard separators == 0 ? digitsInGroup > 0 : digitsInGroup == 3 else { return nil }
        if sawPoint {
            guard cursor.skip(while: { $0 == 0x30 }) > 0, cursor.isAtEnd else { return nil }
        }
        if !negative { return Int64(magnitude) }
        return magnitude == 1 << 63 ? Int64.min : -Int64(magnitude)
    }

    /// The common case on the hot path: 1–18 ASCII digits and nothing else (18 digits cannot
    /// overflow `Int64`). Returns nil for anything else, which the general scanner then reads.
    @inline(__always)
    private static func plainDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }
}
