/// RFC 4180 quoting for every CSV Jiceng writes: a field is quoted when it holds a comma, a
/// quote, CR or LF (or starts/ends with a space, which readers might trim), with quotes doubled.
public enum CSVText {
    public static func field(_ text: String) -> String {
        var needs = false
        for u in text.utf8 where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D {
            needs = true
            break
        }
        if !needs, let f = text.utf8.first, let l = text.utf8.last, f == 0x20 || l == 0x20 { needs = true }
        guard needs else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// Appends the UTF-8 bytes of one field, quoted by the same rule as `field(_:)`, without
    /// building a String (for copying millions of cells). Ill-formed UTF-8 is written with
    /// replacement characters, as `String(decoding:as:)` would, so the output is always UTF-8.
    public static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard UTF8Validation.isValid(bytes) else {
            var repaired = String(decoding: bytes, as: UTF8.self)
            repaired.withUTF8 { appendField($0, to: &out) }
            return
        }
        appendQuoted(bytes, to: &out)
    }

    /// Appends one field of a record as the drop held it, for the `ingest` stage: quoted like
    /// `appendField`, but bytes that are not valid text are kept undecodable, so `normalise` of
    /// the stage reports the same `encoding-error` at the same cell as `validate` of the drop.
    /// Ill-formed UTF-8 is copied as it is; in a GB18030 file, where the decoder already turned
    /// each undecodable byte into U+FFFD, each U+FFFD becomes the byte FF (never valid UTF-8).
    public static func appendDropField(_ bytes: UnsafeBufferPointer<UInt8>, fromGB18030: Bool, to out: inout [UInt8]) {
        guard fromGB18030, let base = bytes.baseAddress, bytes.count >= 3 else { return appendQuoted(bytes, to: &out) }
        var hasReplacement = false
        for k in 0..<(bytes.count - 2) where base[k] == 0xEF && base[k + 1] == 0xBF && base[k + 2] == 0xBD {
            hasReplacement = true
            break
        }
        guard hasReplacement else { return appendQuoted(bytes, to: &out) }
        var marked: [UInt8] = []
        marked.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if k + 2 < bytes.count && base[k] == 0xEF && base[k + 1] == 0xBF && base[k + 2] == 0xBD {
                marked.append(0xFF)
                k += 3
            } else {
                marked.append(base[k])
                k += 1
            }
        }
        marked.withUnsafeBufferPointer { appendQuoted($0, to: &out) }
    }

    /// Appends `bytes` quoted by the rule of `field(_:)`, whatever they hold.
    private static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var needs = false
        for u in bytes where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D {
            needs = true
            break
        }
        if !needs, let f = bytes.first, let l = bytes.last, f == 0x20 || l == 0x20 { needs = true }
        guard needs else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for u in bytes {
            out.append(u)
            if u == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// Appends a non-negative integer in decimal digits, without building a String.
    public static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        var v = max(0, value)
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: 0x30 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) {
                return i..<index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
