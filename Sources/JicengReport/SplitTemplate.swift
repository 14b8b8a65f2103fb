import Mustache

/// A built-in report template parsed as consecutive parts, each a run of whole lines outside any
/// section, rendered one after the other: the same text as the whole template, parsed in a
/// fraction of the time.
///
/// It exists because the Mustache library's parser measures the rest of the template
/// (`String.distance`, character by character) at every tag, so parsing costs the template's
/// size times its number of tags: 20 to 30 ms per report template at every start of the binary,
/// more than the rest of a small report. Cut at line ends outside sections, every tag keeps its
/// line and so its standalone rule; a leading pragma line (`{{% CONTENT_TYPE: MARKDOWN}}`, a
/// standalone tag that prints nothing) is repeated at the top of every part so that each part
/// escapes as the whole did. `BuiltInTemplatesTests` holds the rendered text equal to the whole
/// template's.
struct SplitTemplate {
    let parts: [MustacheTemplate]

    /// The parts of `text` of about `size` bytes (a part ends at the first line end outside any
    /// section after `size` bytes).
    init(string text: String, size: Int = 1024) throws {
        parts = try SplitTemplate.cut(text, size: size).map { try MustacheTemplate(string: $0) }
    }

    func render(_ object: Any) -> String {
        var out = ""
        for part in parts { out += part.render(object) }
        return out
    }

    /// The texts of the parts.
    static func cut(_ text: String, size: Int) -> [String] {
        var lines: [Substring] = []
        var start = text.startIndex
        while let newline = text[start...].firstIndex(of: "\n") {
            let next = text.index(after: newline)
            lines.append(text[start..<next])
            start = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        var pragma = ""
        if let first = lines.first, first.hasPrefix("{{%"), first.hasSuffix("}}\n") { pragma = String(first) }

        var parts: [String] = []
        var current = ""
        var depth = 0
        for line in lines {
            current += line
            depth += depthChange(line)
            if depth == 0 && current.utf8.count >= size {
                parts.append(current)
                current = pragma
            }
        }
        if current != pragma || parts.isEmpty { parts.append(current) }
        return parts
    }

    /// Sections opened (`{{#`, `{{^`) less sections closed (`{{/`) on a line.
    private static func depthChange(_ line: Substring) -> Int {
        var change = 0
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            let tag = rest[open.upperBound...]
            switch tag.first {
            case "#", "^": change += 1
            case "/": change -= 1
            default: break
            }
            rest = tag
        }
        return change
    }
}
