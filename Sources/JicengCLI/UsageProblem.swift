import JicengCore

/// What is wrong with a command line that ArgumentParser rejected, in terms the analyst can act
/// on, with the nearest option or subcommand when the word looks like a typo of one.
///
/// It exists so that every usage error is worded by Jiceng in both languages (ArgumentParser's
/// own messages are English only), and a typo is reported as a typo: `--perod` as an unknown
/// option (did you mean `--period`?), not as `--period` missing.
enum UsageProblem: Equatable {
    case unknownOption(String, suggestion: String?)
    case unknownCommand(String, suggestion: String?, known: [String])
    case unexpectedArgument(String)
    /// An option given as the last word, or followed by another option instead of its value.
    case missingValue(option: String)
    /// A flag written with a value (`--strict=yes`).
    case unexpectedValue(flag: String, value: String)
    case invalidValue(option: String, value: String, allowed: [String], suggestion: String?, detail: String?)
    case missingOptions([String])
    case missingSubcommand(known: [String])
    /// Anything else ArgumentParser reported, in its words.
    case other(String)

    /// The message, in both languages.
    var message: LocalizedText {
        switch self {
        case .unknownOption(let option, let suggestion):
            return LocalizedText(
                zh: "没有选项 \(option)" + (suggestion.map { "，是不是要用 \($0)？" } ?? ""),
                en: "unknown option \(option)" + (suggestion.map { "; did you mean \($0)?" } ?? ""))
        case .unknownCommand(let word, let suggestion, let known):
            let list = known.joined(separator: ", ")
            if let suggestion {
                return LocalizedText(
                    zh: "没有子命令 \(word)，是不是要用 \(suggestion)？", en: "unknown subcommand \(word); did you mean \(suggestion)?")
            }
            return LocalizedText(zh: "没有子命令 \(word)；可用的子命令：\(list)", en: "unknown subcommand \(word); the subcommands are \(list)")
        case .unexpectedArgument(let word):
            return LocalizedText(
                zh: "多余的参数 «\(word)»：选项要写成 --名称 值（例如 --data 数据目录）",
                en: "unexpected argument «\(word)»: options are written --name value (e.g. --data DROP)")
        case .missingValue(let option):
            return LocalizedText(zh: "选项 \(option) 后面缺少值", en: "option \(option) needs a value")
        case .unexpectedValue(let flag, let value):
            return LocalizedText(
                zh: "开关 \(flag) 不带值（写成 \(flag)，不要写 \(flag)=\(value)）",
                en: "flag \(flag) takes no value (write \(flag), not \(flag)=\(value))")
        case .invalidValue(let option, let value, let allowed, let suggestion, let detail):
            var zh = "选项 \(option) 的值 «\(value)» 无效"
            var en = "invalid value «\(value)» for option \(option)"
            if let suggestion {
                zh += "，是不是要用 \(suggestion)？"
                en += "; did you mean \(suggestion)?"
            } else if !allowed.isEmpty {
                zh += "；可用的值：\(allowed.joined(separator: "、"))"
                en += "; the values are \(allowed.joined(separator: ", "))"
            }
            if let detail, !detail.isEmpty {
                zh += "：\(detail)"
                en += ": \(detail)"
            }
            return LocalizedText(zh: zh, en: en)
        case .missingOptions(let options):
            return LocalizedText(
                zh: "缺少必需的选项 \(options.joined(separator: "、"))",
                en: "missing required option\(options.count == 1 ? "" : "s") \(options.joined(separator: ", "))")
        case .missingSubcommand(let known):
            return LocalizedText(
                zh: "缺少子命令；可用的子命令：\(known.joined(separator: ", "))",
                en: "a subcommand is needed; the subcommands are \(known.joined(separator: ", "))")
        case .other(let text):
            return LocalizedText(zh: text, en: text)
        }
    }
}
