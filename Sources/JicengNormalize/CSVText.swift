/// RFC 4180 quoting for every CSV Jiceng writes: a field is quoted when it holds a comma, a
/// quote, CR or LF (or starts/ends with a space, which readers might trim), with quotes doubled.
public enum CSVText {
    public static func field(_ text: String) -> String {
        var needs = false
        for u in text.utf8 where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D { needs = true; break }
        if !needs, let f = text.utf8.first, let l = text.utf8.last, f == 0x20 || l == 0x20 { needs = true }
        guard needs else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
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
