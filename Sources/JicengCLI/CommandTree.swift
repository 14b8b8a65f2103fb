import ArgumentParser
import Foundation

/// The commands and options of `jiceng` as ArgumentParser itself sees them, read from its help
/// dump (`--experimental-dump-help`, the ToolInfo v0 JSON).
///
/// It exists so that a rejected command line can be explained in the analyst's language, with
/// the nearest option or subcommand suggested, from the very declarations ArgumentParser parses
/// with: ArgumentParser keeps its argument definitions and error kinds internal, and a second,
/// hand-written list of options would drift from the commands.
struct CommandTree: Decodable, Sendable {
    /// One option or flag of a command.
    struct Argument: Decodable, Sendable {
        /// A word of its own (none in Jiceng), an option taking a value, or a flag.
        enum Kind: String, Decodable, Sendable {
            case positional, option, flag
        }

        /// One spelling: `long` (`--data`), `short` (`-h`) or `longWithSingleDash`.
        struct Name: Decodable, Sendable {
            var kind: String
            var name: String

            var spelled: String { kind == "short" || kind == "longWithSingleDash" ? "-" + name : "--" + name }
        }

        var kind: Kind
        var names: [Name]?
        var preferredName: Name?
        var isOptional: Bool
        var valueName: String?
        var allValues: [String]?
        var abstract: String?

        /// `--data`, as the help shows it.
        var spelled: String { (preferredName ?? names?.first).map(\.spelled) ?? "<\(valueName ?? "")>" }

        /// `--data <目录>`.
        var synopsis: String { kind == .option ? "\(spelled) <\(valueName ?? "")>" : spelled }

        func isNamed(_ spelled: String) -> Bool { names?.contains { $0.spelled == spelled } ?? false }
    }

    var commandName: String
    var aliases: [String]?
    var subcommands: [CommandTree]?
    var arguments: [Argument]?

    /// The tree of `command` and its subcommands.
    static func of(_ command: ParsableCommand.Type) -> CommandTree? {
        struct Dump: Decodable {
            var command: CommandTree
        }
        return try? JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8)).command
    }

    /// The subcommand called `name` (or by one of its aliases).
    func subcommand(_ name: String) -> CommandTree? {
        subcommands?.first { $0.commandName == name || ($0.aliases ?? []).contains(name) }
    }

    /// Every name a subcommand answers to, `help` included (ArgumentParser adds it to a command
    /// with subcommands).
    var subcommandNames: [String] {
        guard let subcommands, !subcommands.isEmpty else { return [] }
        return subcommands.flatMap { [$0.commandName] + ($0.aliases ?? []) } + ["help"]
    }

    /// The option or flag spelled `spelled` (`--data`, `-h`).
    func argument(_ spelled: String) -> Argument? {
        arguments?.first { $0.isNamed(spelled) }
    }

    /// Every spelling of an option or flag, for suggestions; ArgumentParser's hidden built-ins
    /// (completion scripts, the help dump) are accepted by every command but listed by none.
    var optionSpellings: [String] {
        (arguments ?? []).flatMap { $0.names?.map(\.spelled) ?? [] }
    }

    static let hiddenBuiltIns = ["--generate-completion-script", "--experimental-dump-help"]
}
