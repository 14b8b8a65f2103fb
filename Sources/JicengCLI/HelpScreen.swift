import Foundation
import JicengCore

/// ArgumentParser's help screen in the command line's language, laid out for the terminal.
///
/// It exists because the commands' own texts (abstracts, discussions, option help) are written
/// in both languages, but ArgumentParser adds its own English around them: section titles
/// (`USAGE:`, `OPTIONS:`), `(default: …)`, the help of `--help` and `--version`; and it lays text
/// out by counting characters, where a Chinese character takes two columns. ArgumentParser
/// renders the screen unwrapped (`columns: unwrapped`); this translates those fixed phrases,
/// realigns the help column by display width and wraps every line, breaking Chinese lines
/// between characters.
enum HelpScreen {
    /// The width asked of ArgumentParser: wide enough that it never wraps a line itself.
    static let unwrapped = 100_000

    /// The titles of the sections that list options and subcommands, in both languages.
    private static let sectionTitles: Set<String> = ["OPTIONS:", "SUBCOMMANDS:", "ARGUMENTS:", "选项：", "子命令：", "参数："]

    /// The column where ArgumentParser starts the help of an option or subcommand.
    static let helpColumn = 26

    /// Whether `text` (what ArgumentParser printed for a clean exit) is a help screen, rather
    /// than a version number or a completion script, which are left as they are.
    static func isHelp(_ text: String) -> Bool {
        text.hasPrefix("OVERVIEW:") || text.hasPrefix("USAGE:")
    }

    static func render(_ text: String, language: Language, columns: Int) -> String {
        var out: [String] = []
        var inSection = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = language == .zh ? translate(String(raw)) : String(raw)
            if line.isEmpty { inSection = false }
            if inSection, let (label, help) = element(line) {
                // ArgumentParser pads labels by characters; `<目录>` is wider than it counts.
                if 2 + TerminalText.width(label) + 2 <= helpColumn {
                    line = "  " + label + String(repeating: " ", count: helpColumn - 2 - TerminalText.width(label)) + help
                } else {
                    out.append("  " + label)
                    line = String(repeating: " ", count: helpColumn) + help
                }
            }
            if sectionTitles.contains(line) { inSection = true }
            let command = line.hasPrefix("  jiceng ") || line.hasPrefix("USAGE: ") || line.hasPrefix("用法：")
            out.append(contentsOf: TerminalText.wrap(line, columns: columns, hang: hang(of: line), spacesOnly: command))
        }
        return out.joined(separator: "\n")
    }

    /// An option or subcommand line of a section, `  label  help`, split; nil for other lines.
    private static func element(_ line: String) -> (label: String, help: String)? {
        guard line.hasPrefix("  "), line.dropFirst(2).first != " ",
            let gap = line.range(of: "  ", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex)
        else { return nil }
        let label = String(line[line.index(line.startIndex, offsetBy: 2)..<gap.lowerBound])
        let help = line[gap.upperBound...].drop { $0 == " " }
        return help.isEmpty ? nil : (label, String(help))
    }

    /// Where continuation lines of `line` start: after a title (`USAGE: `), under the help
    /// column of an option or subcommand line, further in for an example command, or at the
    /// line's own indentation.
    private static func hang(of line: String) -> Int {
        for title in ["USAGE: ", "用法："] where line.hasPrefix(title) { return TerminalText.width(title) }
        if line.hasPrefix("  jiceng ") { return 4 }
        let indent = line.prefix { $0 == " " }.count
        if indent == 2, element(line) != nil { return helpColumn }
        return indent
    }

    /// ArgumentParser's fixed English phrases, in Chinese.
    private static func translate(_ line: String) -> String {
        var line = line
        let titles = [
            ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("OPTIONS:", "选项："), ("SUBCOMMANDS:", "子命令："),
            ("ARGUMENTS:", "参数："),
        ]
        for (english, chinese) in titles where line.hasPrefix(english) {
            line = chinese + line.dropFirst(english.count)
        }
        let phrases = [("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本号。")]
        for (english, chinese) in phrases { line = line.replacingOccurrences(of: english, with: chinese) }
        line = translatePlaceholders(line)
        if line.hasPrefix("  See '"), line.hasSuffix("' for detailed help."),
            let open = line.firstIndex(of: "'"), let close = line.lastIndex(of: "'"), open < close
        {
            line = "  各子命令的详细说明：\(line[line.index(after: open)..<close])"
        }
        return translateDefaults(line)
    }

    /// The placeholders of ArgumentParser's usage lines, `<subcommand>` and `<options>`, in Chinese.
    static func translatePlaceholders(_ usage: String) -> String {
        usage.replacingOccurrences(of: "<subcommand>", with: "<子命令>").replacingOccurrences(of: "<options>", with: "<选项>")
    }

    /// `(default: 1000)` → `（默认：1000）`, `(values: zh, en; default: zh)` → `（可选：zh、en；默认：zh）`.
    private static func translateDefaults(_ line: String) -> String {
        guard line.hasSuffix(")"),
            let open = line.range(of: " (values: ", options: .backwards) ?? line.range(of: " (default: ", options: .backwards)
        else { return line }
        let inside = String(line[open.upperBound..<line.index(before: line.endIndex)])
        var parts: [String] = []
        if line[open].contains("values") {
            let split = inside.components(separatedBy: "; default: ")
            parts.append("可选：" + split[0].replacingOccurrences(of: ", ", with: "、"))
            if split.count > 1 { parts.append("默认：" + split[1]) }
        } else {
            parts.append("默认：" + inside)
        }
        return line[..<open.lowerBound] + "（" + parts.joined(separator: "；") + "）"
    }
}
