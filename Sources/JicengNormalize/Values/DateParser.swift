import JicengCore

/// Parses the date columns (services.date, requests.received_at and closed_at) into a `CivilDate`.
///
/// Exists because exports write dates in many forms (contract §2 and §9) — `2022-04-26`,
/// `2022/4/26`, `2022.4.26`, `2022年4月26日`, `20220426`, `20190425093209`, Excel serial numbers —
/// sometimes with full-width digits and often followed by a time that the pipeline ignores. A
/// small hand-rolled scanner over the bytes keeps this off the allocator and out of Foundation on
/// the hot path.
enum DateParser {
    /// The calendar date of the cell as written, or nil when it is not one of the forms below or
    /// the day does not exist (2022-02-30, 2022-13-01).
    ///
    /// - The year has exactly four digits (two-digit years are ambiguous and rejected).
    /// - Month and day have one or two digits, with or without a leading zero; the two separators
    ///   of a form must be the same (`2022-04/26` is rejected). `20220426` is exactly eight
    ///   digits; `20190425093209` (fourteen) is a date and a time.
    /// - A time may follow after whitespace (or none, after `日`) or `T`: optionally `上午` or
    ///   `下午`, then hours of one or two digits and `:mm`, optionally `:ss` and `.fraction`
    ///   (`14:03`, `14:03:05`, `14:03:05.123`; `：` is a colon too), or `9时32分` with optional
    ///   `05秒`; then optionally a time zone, `Z` or `+08:00` / `-0500` / `+08`. Its shape is
    ///   checked, its values are not, and it is ignored: only the date as written counts.
    /// - A plain number from 1 to 2958465, with or without a fraction, is an Excel serial date in
    ///   the 1900 date system (`43563.3592` is 2019-04-08; serial 60, Excel's 1900-02-29, does
    ///   not exist).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        let trimmed = ByteTrimming.trimmed(bytes)
        if let date = parseCommonForm(trimmed) { return date }
        var cursor = FoldedScalarCursor(trimmed)
        var number = 0
        let digits = cursor.readDigits(upTo: 14, into: &number)
        switch digits {
        case 14:  // 20190425093209
            guard cursor.isAtEnd else { return nil }
            let date = number / 1_000_000
            return CivilDate(year: date / 10_000, month: date / 100 % 100, day: date % 100)
        case 8:  // 20220426
            guard skipOptionalTime(&cursor, afterChineseDate: false) else { return nil }
            return CivilDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
        case 4:
            let afterYear = cursor
            if let date = parseAfterYear(number, &cursor) { return date }
            // Not a date form: maybe a serial of four digits (`4356`, `4356.25`).
            cursor = afterYear
            return excelSerial(number, &cursor)
        case 1...7:
            return excelSerial(number, &cursor)
        default:
            return nil
        }
    }

    /// The rest of a `yyyy-m-d`, `yyyy/m/d`, `yyyy.m.d` or `yyyy年m月d日` date (and any time) after
    /// its four-digit year.
    /// The forms most exports use, in ASCII: `2023-03-05`, `2023-03-05 14:03` and
    /// `2023-03-05 14:03:27` (or with `/` or `.` twice), read straight from the bytes. Nil for
    /// anything else, and for a date that does not exist: the general parser then reads the cell,
    /// and gives the same answer for these forms (it makes the same `CivilDate` from them).
    @inline(__always)
    private static func parseCommonForm(_ t: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        let n = t.count
        guard n == 10 || n == 16 || n == 19 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = t[i] &- 0x30
            return d < 10 ? Int(d) : nil
        }
        let separator = t[4]
        guard separator == 0x2D || separator == 0x2F || separator == 0x2E, t[7] == separator,
            let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
            let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        if n > 10 {
            guard t[10] == 0x20, digit(11) != nil, digit(12) != nil, t[13] == 0x3A, digit(14) != nil, digit(15) != nil else { return nil }
            if n == 19 { guard t[16] == 0x3A, digit(17) != nil, digit(18) != nil else { return nil } }
        }
        return CivilDate(year: ((y0 * 10 + y1) * 10 + y2) * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    private static func parseAfterYear(_ year: Int, _ cursor: inout FoldedScalarCursor) -> CivilDate? {
        var month = 0
        var day = 0
        var chinese = false
        switch cursor.next() {
        case .some(let separator) where separator == 0x2D || separator == 0x2F || separator == 0x2E:  // - / .
            guard cursor.readDigits(upTo: 2, into: &month) > 0,
                cursor.consume(separator),
                cursor.readDigits(upTo: 2, into: &day) > 0
            else { return nil }
        case 0x5E74:  // 年
            guard cursor.readDigits(upTo: 2, into: &month) > 0,
                cursor.consume(0x6708),  // 月
                cursor.readDigits(upTo: 2, into: &day) > 0,
                cursor.consume(0x65E5)
            else { return nil }  // 日
            chinese = true
        default:
            return nil
        }
        guard skipOptionalTime(&cursor, afterChineseDate: chinese) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Day number (days from 1970-01-01) of 1899-12-30, the day before Excel's serial 1 once its
    /// fictitious 1900-02-29 (serial 60) is passed.
    private static let excelEpoch: Int32 = -25_569

    /// The rest of a cell that began with `serial`: nothing, or `.` and digits. Serials 1…59 are
    /// one day later than the epoch counts (Excel's 1900-02-29 comes after them).
    private static func excelSerial(_ serial: Int, _ cursor: inout FoldedScalarCursor) -> CivilDate? {
        guard (1...2_958_465).contains(serial), serial != 60 else { return nil }
        if !cursor.isAtEnd {
            guard cursor.consume(0x2E), cursor.skipDigits() > 0, cursor.isAtEnd else { return nil }
        }
        let offset = serial < 60 ? serial + 1 : serial
        return CivilDate(dayNumber: excelEpoch + Int32(offset))
    }

    /// Consumes the rest of the cell after the date: nothing, or a separator and a time.
    /// - Returns: whether the rest was empty or a well-shaped time.
    private static func skipOptionalTime(_ cursor: inout FoldedScalarCursor, afterChineseDate: Bool) -> Bool {
        guard !cursor.isAtEnd else { return true }
        var iso = false
        if cursor.consume(0x74) {  // T (folded to t)
            iso = true
        } else if cursor.skip(while: isSpace) == 0 && !afterChineseDate {
            return false
        }
        if !iso && (cursor.consume(0x4E0A) || cursor.consume(0x4E0B)) {  // 上 / 下
            guard cursor.consume(0x5348) else { return false }  // 午
            _ = cursor.skip(while: isSpace)
        }
        var ignored = 0
        guard cursor.readDigits(upTo: 2, into: &ignored) > 0 else { return false }  // hours
        if !iso && (cursor.consume(0x65F6) || cursor.consume(0x6642)) {  // 时 / 時
            guard cursor.readDigits(upTo: 2, into: &ignored) > 0, cursor.consume(0x5206) else { return false }  // mm分
            if cursor.readDigits(upTo: 2, into: &ignored) > 0 {
                guard cursor.consume(0x79D2) else { return false }  // ss秒
            }
            return cursor.isAtEnd
        }
        var fields = 0
        while fields < 2, cursor.consume(0x3A) {  // :mm, :ss
            guard cursor.readDigits(upTo: 2, into: &ignored) == 2 else { return false }
            fields += 1
        }
        guard fields > 0 else { return false }
        if fields == 2, cursor.consume(0x2E) {  // .fraction
            guard cursor.skipDigits() > 0 else { return false }
        }
        return skipOptionalTimeZone(&cursor)
    }

    /// Consumes nothing, or `Z` or an offset (after optional spaces) `+08:00`, `+0800`, `+08` (or with `-`); the offset is
    /// ignored (the date as written counts).
    private static func skipOptionalTimeZone(_ cursor: inout FoldedScalarCursor) -> Bool {
        _ = cursor.skip(while: isSpace)
        if cursor.isAtEnd { return true }
        if cursor.consume(0x7A) { return cursor.isAtEnd }  // Z (folded to z)
        guard cursor.consume(0x2B) || cursor.consume(0x2D) else { return false }  // + / -
        var ignored = 0
        guard cursor.readDigits(upTo: 2, into: &ignored) == 2 else { return false }
        if cursor.consume(0x3A) {
            guard cursor.readDigits(upTo: 2, into: &ignored) == 2 else { return false }
        } else {
            let minutes = cursor.readDigits(upTo: 2, into: &ignored)
            guard minutes == 0 || minutes == 2 else { return false }
        }
        return cursor.isAtEnd
    }

    /// Space, tab, no-break space; the ideographic space arrives folded to a space.
    @inline(__always)
    private static func isSpace(_ s: UInt32) -> Bool {
        s == 0x20 || s == 0x09 || s == 0xA0
    }
}
