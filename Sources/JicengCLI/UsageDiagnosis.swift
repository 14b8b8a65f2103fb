import JicengPipeline

/// Finds what is wrong with a command line that ArgumentParser rejected, by walking its words
/// against the command tree: the subcommand path, then each option and its value, then the
/// required options not given.
///
/// It exists because ArgumentParser reports a typo by its consequence (`--perod 2022Q2` becomes
/// "Missing expected argument '--period'", `valdate --data X` becomes "Unknown option '--data'")
/// and keeps its error kinds internal. The walk is only asked once ArgumentParser has refused the
/// line, so it never rejects what ArgumentParser accepts; what it cannot explain (a value that
/// does not convert, an error thrown by a command's own validation) is taken from ArgumentParser's
/// message (`ParserMessage`).
struct UsageDiagnosis {
    /// The subcommand names from the root to the command the line addresses (`["jiceng", "run"]`).
    private(set) var path: [String] = []
    /// The options given with their values, in order.
    private(set) var given: [(option: CommandTree.Argument, value: String?)] = []
    /// The first problem found, or nil when the words are well-formed for the command.
    private(set) var problem: UsageProblem?

    init(arguments: [String], tree: CommandTree) {
        var command = tree
        path = [tree.commandName]
        var index = 0
        walk: while index < arguments.count {
            let word = arguments[index]
            index += 1
            if CommandTree.hiddenBuiltIns.contains(where: { word == $0 || word.hasPrefix($0 + "=") }) {
                return  // ArgumentParser's own business: its message stands
            }
            if word == "--" {
                if index < arguments.count { problem = .unexpectedArgument(arguments[index]) }
                break walk
            }
            if word.hasPrefix("-") && word.count > 1 {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let spelled = String(parts[0])
                let inlineValue = parts.count > 1 ? String(parts[1]) : nil
                guard let argument = command.argument(spelled) else {
                    problem = .unknownOption(spelled, suggestion: Self.suggest(spelled, among: command.optionSpellings))
                    return
                }
                switch argument.kind {
                case .flag:
                    if let inlineValue {
                        problem = .unexpectedValue(flag: spelled, value: inlineValue)
                        return
                    }
                    given.append((argument, nil))
                case .option:
                    var value = inlineValue
                    if value == nil, index < arguments.count, !Self.looksLikeOption(arguments[index], in: command) {
                        value = arguments[index]
                        index += 1
                    }
                    guard let value else {
                        problem = .missingValue(option: argument.synopsis)
                        return
                    }
                    if let allowed = argument.allValues, !allowed.isEmpty, !allowed.contains(value) {
                        problem = .invalidValue(
                            option: argument.spelled, value: value, allowed: allowed,
                            suggestion: Suggestion.closest(to: value, among: allowed), detail: nil)
                        return
                    }
                    given.append((argument, value))
                case .positional:
                    given.append((argument, nil))
                }
                continue
            }
            // A word that is not an option: a subcommand, or nothing this command takes.
            let names = command.subcommandNames
            if !names.isEmpty {
                if word == "help" { return }  // `jiceng help run`: ArgumentParser's
                guard let next = command.subcommand(word) else {
                    problem = .unknownCommand(
                        word, suggestion: Suggestion.closest(to: word, among: names.filter { $0 != "help" }),
                        known: names.filter { $0 != "help" })
                    return
                }
                command = next
                path.append(next.commandName)
                continue
            }
            problem = .unexpectedArgument(word)
            return
        }
        if !(command.subcommands ?? []).isEmpty && command.arguments?.contains(where: { !$0.isOptional }) != true {
            // A command that only groups others (`jiceng history`); ArgumentParser shows its help.
            return
        }
        let missing = (command.arguments ?? []).filter { argument in
            argument.kind == .option && !argument.isOptional && !given.contains { $0.option.spelled == argument.spelled }
        }
        if !missing.isEmpty { problem = .missingOptions(missing.map(\.synopsis)) }
    }

    /// The word is an option of `command` (or looks like a long option), so it is not a value.
    private static func looksLikeOption(_ word: String, in command: CommandTree) -> Bool {
        if word.hasPrefix("--") { return word.count > 2 }
        return word.hasPrefix("-") && command.argument(String(word.split(separator: "=")[0])) != nil
    }

    /// The nearest spelling, compared without the dashes, so that `-data` and `--dat` both find `--data`.
    private static func suggest(_ spelled: String, among spellings: [String]) -> String? {
        let bare = spelled.drop { $0 == "-" }
        let longs = spellings.filter { $0.hasPrefix("--") }
        guard let found = Suggestion.closest(to: String(bare), among: longs.map { String($0.dropFirst(2)) }) else { return nil }
        return "--" + found
    }
}
