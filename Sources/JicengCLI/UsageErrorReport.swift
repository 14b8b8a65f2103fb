import ArgumentParser
import JicengCore

/// The message printed for a command line ArgumentParser rejected: `jiceng: usage: …` in the
/// command line's language, the command's usage line, and where to read more.
///
/// ArgumentParser's own text (`Error: Missing expected argument '--period <period>'`) is English
/// and names the consequence of a typo rather than the typo; this asks `UsageDiagnosis` first and
/// reads ArgumentParser's message only for what the words alone cannot tell: a value its type
/// refused (`The value 'x' is invalid for '--max-findings <n>'`, with the conversion's own reason
/// after `: `), or an error a command's validation threw (already in the right language).
struct UsageErrorReport {
    let problem: UsageProblem
    /// The command addressed, for its usage line: `jiceng run`.
    let commandPath: [String]
    let usage: String
    /// The option the problem is about, with its help, when there is one.
    let optionHelp: String?

    init(error: any Error, arguments: [String], root: ParsableCommand.Type) {
        let tree = CommandTree.of(root)
        let diagnosis = tree.map { UsageDiagnosis(arguments: arguments, tree: $0) }
        let message = root.message(for: error)
        var problem = diagnosis?.problem ?? Self.interpret(message, given: diagnosis?.given ?? [])
        var about: CommandTree.Argument?
        if case .invalidValue(let option, _, _, _, _) = problem { about = diagnosis?.given.last { $0.option.spelled == option }?.option }
        if case .missingValue(let synopsis) = problem {
            about = Self.command(diagnosis?.path ?? [], in: tree)?.arguments?.first { $0.synopsis == synopsis }
        }
        if case .other(let text) = problem, text.isEmpty { problem = .other(localized(zh: "命令行有误", en: "invalid command line")) }
        self.problem = problem
        commandPath = diagnosis?.path ?? [root._commandName]
        usage = Self.commandType(commandPath.dropFirst(), under: root).map { root.usageString(for: $0) } ?? root.usageString()
        optionHelp = about.flatMap { argument in argument.abstract.map { "\(argument.synopsis)  \($0)" } }
    }

    /// The text for standard error.
    func text(columns: Int) -> String {
        let language = InterfaceLanguage.current
        var lines = ["jiceng: usage: " + problem.message.text(language)]
        if let optionHelp { lines.append((language == .zh ? "说明：" : "Help: ") + optionHelp) }
        let usageTitle = language == .zh ? "用法：" : "Usage: "
        let usage = language == .zh ? HelpScreen.translatePlaceholders(self.usage) : self.usage
        lines.append(
            contentsOf: TerminalText.wrap(usageTitle + usage, columns: columns, hang: TerminalText.width(usageTitle), spacesOnly: true))
        let help = commandPath.joined(separator: " ") + " --help"
        lines.append(language == .zh ? "详见 \(help)" : "See \(help) for more.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// ArgumentParser's message for an invalid value, read into a problem; any other message as it is.
    static func interpret(_ message: String, given: [(option: CommandTree.Argument, value: String?)]) -> UsageProblem {
        for (option, value) in given.reversed() {
            guard let value else { continue }
            let head = "The value '\(value)' is invalid for '\(option.spelled)"
            guard message.hasPrefix(head) else { continue }
            var detail: String?
            if let reason = message.range(of: "': ", range: message.index(message.startIndex, offsetBy: head.count)..<message.endIndex) {
                detail = String(message[reason.upperBound...])
            }
            return .invalidValue(option: option.spelled, value: value, allowed: option.allValues ?? [], suggestion: nil, detail: detail)
        }
        return .other(message)
    }

    private static func command(_ path: [String], in tree: CommandTree?) -> CommandTree? {
        guard var node = tree else { return nil }
        for name in path.dropFirst() {
            guard let next = node.subcommand(name) else { return nil }
            node = next
        }
        return node
    }

    /// The command type at `path` below `root` (nil for the root itself).
    private static func commandType(_ path: ArraySlice<String>, under root: ParsableCommand.Type) -> ParsableCommand.Type? {
        var current: ParsableCommand.Type?
        var children = root.configuration.subcommands
        for name in path {
            guard let next = children.first(where: { $0._commandName == name }) else { return current }
            current = next
            children = next.configuration.subcommands
        }
        return current
    }
}
