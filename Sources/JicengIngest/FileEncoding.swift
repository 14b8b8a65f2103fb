/// The text encodings a drop may use (contract §2): UTF-8 with or without a byte-order mark, or
/// GB18030 (a superset of GBK, what Excel on a Chinese Windows machine writes).
public enum FileEncoding: String, Sendable, Codable, Hashable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"

    /// Bytes to skip at the start of the file.
    public var prefixLength: Int { self == .utf8BOM ? 3 : 0 }
}

/// Decides a file's encoding from its first bytes, without reading the whole file.
///
/// A BOM means UTF-8. Otherwise the sample must be valid UTF-8 (a sequence cut by the end of the
/// sample is allowed) or decode as GB18030; anything else is an `encoding-error`. GBK text is
/// practically never valid UTF-8, and pure ASCII is read as UTF-8, so the order of the checks
/// settles every real export.
public enum EncodingDetector {
    /// How many leading bytes are examined.
    public static let sampleSize = 1 << 16

    /// `sampleIsWholeFile` says whether the sample ends at the end of the file, in which case a
    /// truncated sequence at its end is an error rather than a cut.
    public static func detect(_ sample: UnsafeBufferPointer<UInt8>, sampleIsWholeFile: Bool) -> FileEncoding? {
        if sample.count >= 3, sample[0] == 0xEF, sample[1] == 0xBB, sample[2] == 0xBF { return .utf8BOM }
        if isUTF8(sample, allowTruncatedEnd: !sampleIsWholeFile) { return .utf8 }
        if GB18030Decoder.decodesCleanly(sample, allowTruncatedEnd: !sampleIsWholeFile) { return .gb18030 }
        return nil
    }

    /// Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isUTF8(_ b: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return false
            }
            if i + need >= n {
                // Sequence runs past the sample.
                if !allowTruncatedEnd { return false }
                // Check what is there.
                var j = i + 1
                var first = true
                while j < n {
                    let d = b[j]
                    if first { if d < lower || d > upper { return false }; first = false } else if d < 0x80 || d > 0xBF { return false }
                    j += 1
                }
                return true
            }
            let d1 = b[i + 1]
            if d1 < lower || d1 > upper { return false }
            var k = 2
            while k <= need {
                let d = b[i + k]
                if d < 0x80 || d > 0xBF { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}
