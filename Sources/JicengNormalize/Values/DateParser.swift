import JicengCore

/// Parses the date columns (services.date, requests.received_at and closed_at) into a `CivilDate`.
///
/// Exists because exports write dates in five forms (contract §2) — `2022-04-26`, `2022/4/26`,
/// `2022.4.26`, `2022年4月26日`, `20220426` — sometimes with full-width digits and often followed by
/// a time that the pipeline ignores. A small hand-rolled scanner over the bytes keeps this off the
/// allocator and out of Foundation on the hot path.
public enum DateParser {
    /// The calendar date of the cell, or nil when it is not one of the forms above or the day does
    /// not exist (2022-02-30, 2022-13-01).
    ///
    /// - The year has exactly four digits (two-digit years are ambiguous and rejected).
    /// - Month and day have one or two digits, with or without a leading zero; the two separators
    ///   of a form must be the same (`2022-04/26` is rejected). `20220426` is exactly eight digits.
    /// - A time may follow after whitespace or `T`: hours of one or two digits, then `:mm`,
    ///   optionally `:ss` and `.fraction` (`14:03`, `14:03:05`, `14:03:05.123`; `：` is a colon
    ///   too). Its shape is checked, its values are not, and it is ignored. Time zones are rejected.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var cursor = FoldedScalarCursor(ByteTrimming.trimmed(bytes))
        var year = 0
        var month = 0
        var day = 0
        switch cursor.readDigits(upTo: 8, into: &year) {
        case 8:                                                          // 20220426
            day = year % 100
            month = year / 100 % 100
            year /= 10_000
        case 4:
            guard let separator = cursor.next() else { return nil }
            switch separator {
            case 0x2D, 0x2F, 0x2E:                                       // - / .
                guard cursor.readDigits(upTo: 2, into: &month) > 0,
                      cursor.consume(separator),
                      cursor.readDigits(upTo: 2, into: &day) > 0 else { return nil }
            case 0x5E74:                                                 // 年
                guard cursor.readDigits(upTo: 2, into: &month) > 0,
                      cursor.consume(0x6708),                            // 月
                      cursor.readDigits(upTo: 2, into: &day) > 0,
                      cursor.consume(0x65E5) else { return nil }         // 日
            default:
                return nil
            }
        default:
            return nil
        }
        guard skipOptionalTime(&cursor) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Consumes the rest of the cell after the date: nothing, or a separator and a time.
    /// - Returns: whether the rest was empty or a well-shaped time.
    private static func skipOptionalTime(_ cursor: inout FoldedScalarCursor) -> Bool {
        guard let separator = cursor.next() else { return true }
        if isSpace(separator) {
            _ = cursor.skip(while: isSpace)
        } else if separator != 0x74 {                                    // T (folded to t)
            return false
        }
        var ignored = 0
        guard cursor.readDigits(upTo: 2, into: &ignored) > 0 else { return false }  // hours
        var fields = 0
        while fields < 2, cursor.consume(0x3A) {                        // :mm, :ss
            guard cursor.readDigits(upTo: 2, into: &ignored) == 2 else { return false }
            fields += 1
        }
        guard fields > 0 else { return false }
        if fields == 2, cursor.consume(0x2E) {                           // .fraction
            guard cursor.skipDigits() > 0 else { return false }
        }
        return cursor.isAtEnd
    }

    /// Space, tab, no-break space; the ideographic space arrives folded to a space.
    @inline(__always)
    private static func isSpace(_ s: UInt32) -> Bool {
        s == 0x20 || s == 0x09 || s == 0xA0
    }
}
