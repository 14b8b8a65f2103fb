import Foundation
import JicengCore

/// The language of everything the command line prints — help, usage errors, progress, summaries —
/// decided once, before ArgumentParser parses anything.
///
/// It exists because ArgumentParser builds help and error text from the commands' declarations
/// while it parses, so the language must be known before parsing starts: `--lang` as written on
/// the command line wins; otherwise the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the
/// POSIX order) decides: `zh…` gives Chinese, another language (`en_US.UTF-8`, `fr_FR`) English,
/// and no locale at all (`C`, `POSIX`, unset) Chinese, the analysts' language. An invalid
/// `--lang` value is ignored here (the locale decides) and reported by the parser.
public enum InterfaceLanguage {
    /// The language of this process's command line.
    public static let current: Language = resolve(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment)

    /// The language for `arguments` (without the program name) and `environment`.
    public static func resolve(arguments: [String], environment: [String: String]) -> Language {
        explicit(in: arguments) ?? fromLocale(environment)
    }

    /// The value of the last valid `--lang X` or `--lang=X` before a `--` terminator.
    static func explicit(in arguments: [String]) -> Language? {
        var chosen: Language?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--lang", index + 1 < arguments.count {
                if let language = Language(rawValue: arguments[index + 1]) { chosen = language }
                index += 2
                continue
            }
            if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst("--lang=".count))) {
                chosen = language
            }
            index += 1
        }
        return chosen
    }

    /// The language the locale variables name: the first one set and not empty decides.
    static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let language = value.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }.lowercased()
            if language == "c" || language == "posix" { return .zh }
            return language == "zh" ? .zh : .en
        }
        return .zh
    }
}

extension LocalizedText {
    /// The text in the command line's language.
    var shown: String { text(InterfaceLanguage.current) }
}

/// A text in the command line's language, written in both.
func localized(zh: String, en: String) -> String {
    InterfaceLanguage.current == .zh ? zh : en
}
