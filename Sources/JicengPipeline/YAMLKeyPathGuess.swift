/// A best-effort key path (`indicators.resolution_rate.title`) for a line of YAML text that the
/// YAML parser rejected, found from indentation alone.
///
/// Exists because a syntax error has no parsed tree to take the key from, yet the analyst still
/// wants to know which entry of a long file is broken. Lines inside multi-line flow collections or
/// block texts may give a less precise path; the line number is always exact.
enum YAMLKeyPathGuess {
    static func keyPath(in text: String, line target: Int) -> String? {
        var stack: [(indent: Int, key: String)] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber > target { break }
            var scalars = Substring.UnicodeScalarView(rawLine.unicodeScalars)
            var indent = 0
            // Leading spaces and list dashes ("- key: …" puts key two columns in).
            while let first = scalars.first {
                if first == " " {
                    indent += 1
                    scalars.removeFirst()
                } else if first == "\t" {
                    // Not valid YAML indentation, but common: read it as most editors show it.
                    indent += 4
                    scalars.removeFirst()
                } else if first == "-", scalars.dropFirst().first == " " {
                    indent += 2
                    scalars.removeFirst(2)
                } else {
                    break
                }
            }
            let content = String(scalars)
            guard let key = leadingKey(content) else { continue }
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            stack.append((indent, key))
        }
        return stack.isEmpty ? nil : stack.map(\.key).joined(separator: ".")
    }

    /// `key` of a line `key: …` or `key:`, unless the line is a comment, a flow item or text.
    static func leadingKey(_ content: String) -> String? {
        guard let first = content.unicodeScalars.first, !"#[{\"'|>&*!%@`".unicodeScalars.contains(first) else { return nil }
        var key = ""
        var previous: Unicode.Scalar?
        let scalars = Array(content.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            if s == ":" && (i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1] == "\t") {
                let trimmed = key.trimmingCharactersAtEnd()
                return trimmed.isEmpty ? nil : trimmed
            }
            if s == "#" && previous == " " { return nil }
            key.unicodeScalars.append(s)
            previous = s
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharactersAtEnd() -> String {
        var s = self
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
