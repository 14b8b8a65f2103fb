/// The folding the contract applies before matching header names, enum synonyms and unit names:
/// trim spaces (ASCII and the ideographic space), drop a BOM, fold full-width forms to half-width,
/// and ignore ASCII case (contract §2).
public enum TextFolding {
    /// Folds a string for matching.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0xFEFF { continue }
            var folded = v
            if v >= 0xFF01 && v <= 0xFF5E {
                folded = v - 0xFEE0
            }  // full-width ASCII variants
            else if v == 0x3000 {
                folded = 0x20
            }  // ideographic space
            if folded >= 0x41 && folded <= 0x5A { folded += 0x20 }  // ASCII upper → lower
            out.append(Unicode.Scalar(folded)!)
        }
        return String(out).trimmingSpaces()
    }

    /// Folds UTF-8 bytes for matching; invalid UTF-8 is decoded with replacement characters.
    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        fold(String(decoding: bytes, as: UTF8.self))
    }
}

extension String {
    /// Removes leading and trailing spaces, tabs, CR/LF, the ideographic space and BOMs.
    public func trimmingSpaces() -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { s in
            s == " " || s == "\t" || s == "\r" || s == "\n" || s.value == 0x3000 || s.value == 0xFEFF || s.value == 0xA0
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
