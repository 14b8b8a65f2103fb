import Foundation
import Mustache

/// Escaping of text from the data for `summary.md`, so that a unit name cannot break a table
/// (`|`, line breaks) or inject Markdown or HTML (`*`, `[`, `<`, `&`, …) into mail and chat.
///
/// Every ASCII punctuation character that CommonMark or GitHub give a meaning inside a line is
/// backslash-escaped (CommonMark allows escaping any ASCII punctuation); `(`, `)`, `!` only matter
/// after an escaped `]` and `-`, `+`, `.` only at the start of a line, where data never stands, so
/// they stay readable. Line breaks, tabs and other control characters become a space.
enum MarkdownText {
    private static let special: Set<Character> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "~", "&", "$",
    ]

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            if special.contains(ch) {
                out.append("\\")
                out.append(ch)
            } else if ch.unicodeScalars.contains(where: isBreakingControl) {
                out.append(" ")
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Line and paragraph separators and C0/C1 controls: none may appear inside a table row.
    private static func isBreakingControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }

    /// Registers the `MARKDOWN` content type with swift-mustache (idempotent).
    static func registerContentType() {
        _ = registration
    }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()
}

/// Makes `{{name}}` in a Markdown template escape with `MarkdownText.escape`.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
}
