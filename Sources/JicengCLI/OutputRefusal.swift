import JicengCore

/// Why `--out` names something Jiceng will not replace, as a usage error (exit 2) in Chinese and
/// English that names the path and says what to do.
///
/// It exists so that every command that writes a folder refuses in the same words, before it has
/// touched anything.
enum OutputRefusal {
    /// `""`, `.`, `..` or `/`: not a folder name a command may replace.
    case notAFolderName(String)
    case symbolicLink(String)
    case notAFolder(String)
    /// A folder holding entries Jiceng did not write (or changed since), the first few named.
    case foreignEntries(String, [String])
    case isInput(String, option: String, input: String)
    case insideInput(String, option: String, input: String)
    case holdsInput(String, option: String, input: String)
    case holdsCurrentFolder(String)

    var error: JicengError {
        let advice = LocalizedText(
            zh: "请指定一个新的或空的目录（例如 --out reports/2022Q2）", en: "choose a new or empty folder (e.g. --out reports/2022Q2)")
        let text: LocalizedText
        switch self {
        case .notAFolderName(let given):
            text = LocalizedText(
                zh: "--out \"\(given)\" 不能作为输出目录：当前目录、上级目录和根目录不会被替换；\(advice.zh)",
                en:
                    "--out \"\(given)\" cannot be an output folder: the current folder, its parent and the root are never replaced; \(advice.en)"
            )
        case .symbolicLink(let shown):
            text = LocalizedText(
                zh: "--out \(shown) 是符号链接；Jiceng 不替换链接，也不通过链接写入，未做任何改动；\(advice.zh)",
                en:
                    "--out \(shown) is a symbolic link; Jiceng neither replaces a link nor writes through one, so nothing was changed; \(advice.en)"
            )
        case .notAFolder(let shown):
            text = LocalizedText(
                zh: "--out \(shown) 是文件而不是目录；Jiceng 只替换它自己写出的目录，未做任何改动；\(advice.zh)",
                en:
                    "--out \(shown) is a file, not a folder; Jiceng replaces only a folder it wrote itself, so nothing was changed; \(advice.en)"
            )
        case .foreignEntries(let shown, let names):
            let listed = names.prefix(3).joined(separator: ", ")
            let more = names.count > 3 ? names.count - 3 : 0
            text = LocalizedText(
                zh: "--out \(shown) 中有不是 Jiceng 写出（或写出后被改动）的内容：\(listed)\(more > 0 ? " 等另 \(more) 项" : "")；"
                    + "Jiceng 只替换空目录或它以前写出的输出目录，未做任何改动；\(advice.zh)，或先移走这些文件",
                en:
                    "--out \(shown) holds entries Jiceng did not write (or that changed since): \(listed)\(more > 0 ? " and \(more) more" : ""); "
                    + "Jiceng replaces only an empty folder or one it wrote itself, so nothing was changed; \(advice.en), or move those files away"
            )
        case .isInput(let shown, let option, let input):
            text = LocalizedText(
                zh: "--out \(shown) 就是输入目录 \(option) \(input)；输出不会写到输入上，未做任何改动；请在 \(input) 之外指定一个新的或空的目录",
                en:
                    "--out \(shown) is the input folder \(option) \(input); outputs are never written over inputs, so nothing was changed; choose a new or empty folder outside \(input)"
            )
        case .insideInput(let shown, let option, let input):
            text = LocalizedText(
                zh: "--out \(shown) 位于输入目录 \(option) \(input) 之内；输出不会写进输入，未做任何改动；请在 \(input) 之外指定一个新的或空的目录",
                en:
                    "--out \(shown) lies inside the input folder \(option) \(input); outputs are never written into inputs, so nothing was changed; choose a new or empty folder outside \(input)"
            )
        case .holdsInput(let shown, let option, let input):
            text = LocalizedText(
                zh: "--out \(shown) 包含输入目录 \(option) \(input)；替换它会删除输入，未做任何改动；请在 \(input) 之外指定一个新的或空的目录",
                en:
                    "--out \(shown) holds the input folder \(option) \(input); replacing it would delete the input, so nothing was changed; choose a new or empty folder outside \(input)"
            )
        case .holdsCurrentFolder(let shown):
            text = LocalizedText(
                zh: "--out \(shown) 是当前目录或包含当前目录，不会被替换；\(advice.zh)",
                en: "--out \(shown) is the current folder or holds it, and is never replaced; \(advice.en)")
        }
        return JicengError(.usage, text)
    }
}
