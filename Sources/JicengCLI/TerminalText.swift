import Foundation

/// Text laid out for a terminal: display width (a Chinese character takes two columns),
/// line wrapping that may break between Chinese characters, and the terminal's width.
///
/// It exists because ArgumentParser wraps help by counting characters and breaks only at spaces:
/// a Chinese sentence, which has none, would run past the edge of the terminal and a line with
/// Chinese in it would be cut twice as wide as the screen.
enum TerminalText {
    /// The columns `text` takes: two for East Asian wide and full-width characters, one otherwise.
    static func width(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + width($1) }
    }

    static func width(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Punctuation that must not begin a line, and brackets that must not end one (the usual
    /// rules for Chinese text).
    private static let noLineStart: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "”", "’", "…", ",", ".", ";", ":", ")", "]", "»",
    ]
    private static let noLineEnd: Set<Character> = ["（", "「", "『", "《", "〈", "“", "‘", "(", "[", "«"]

    /// Whether a line may break between `before` and `after` (other than at a space).
    private static func canBreak(_ before: Character, _ after: Character) -> Bool {
        if before == " " || after == " " || noLineStart.contains(after) || noLineEnd.contains(before) { return false }
        return width(before) == 2 || width(after) == 2
    }

    /// `line` wrapped to `columns`, each continuation line indented by `hang` spaces. Breaks fall
    /// at spaces (which are dropped) and, unless `spacesOnly` (a command line), between Chinese
    /// characters; never within the first `hang` columns of the first line (a label). A word
    /// longer than a line is left whole.
    static func wrap(_ line: String, columns: Int, hang: Int, spacesOnly: Bool = false) -> [String] {
        guard width(line) > columns, columns - hang >= 20 else { return [line] }
        let characters = Array(line)
        var lines: [String] = []
        var start = 0
        var firstBreakable = 0
        var column = 0
        while firstBreakable < characters.count && column < hang {
            column += width(characters[firstBreakable])
            firstBreakable += 1
        }
        var prefix = ""
        while start < characters.count {
            var column = prefix.count
            var index = start
            var breakAt: (index: Int, dropsSpace: Bool)?
            while index < characters.count {
                let character = characters[index]
                if index >= firstBreakable {
                    if character == " " {
                        breakAt = (index, true)
                    } else if !spacesOnly, index > start, canBreak(characters[index - 1], character) {
                        breakAt = (index, false)
                    }
                }
                column += width(character)
                if column > columns, let found = breakAt, found.index > start { break }
                index += 1
            }
            if index >= characters.count {
                lines.append(prefix + String(characters[start...]))
                break
            }
            let found = breakAt!
            var text = String(characters[start..<found.index])
            while text.hasSuffix(" ") { text.removeLast() }
            lines.append(prefix + text)
            start = found.dropsSpace ? found.index + 1 : found.index
            while start < characters.count && characters[start] == " " { start += 1 }
            prefix = String(repeating: " ", count: hang)
            firstBreakable = start
        }
        return lines
    }

    /// The width of the terminal on `descriptor` (standard output by default); `COLUMNS`, else
    /// 80, when it is not one.
    static func columns(of descriptor: Int32 = 1) -> Int {
        var size = winsize()
        if isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value >= 40 { return value }
        return 80
    }
}
