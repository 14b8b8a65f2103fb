import ArgumentParser
import JicengCore

/// Help texts written in both languages and given to ArgumentParser in the command line's.
///
/// ArgumentParser takes `help:` and a command's `abstract`/`discussion` as plain strings; these
/// are evaluated when it builds the commands, after `InterfaceLanguage.current` has been decided
/// from the environment and `--lang`, so every declaration can say both and show one.
extension ArgumentHelp {
    init(zh: String, en: String, valueName: (zh: String, en: String)? = nil) {
        self.init(localized(zh: zh, en: en), valueName: valueName.map { localized(zh: $0.zh, en: $0.en) })
    }
}

extension ArgumentHelp {
    /// `--out` of the commands that write a folder.
    static var outputFolder: ArgumentHelp {
        ArgumentHelp(zh: "输出目录：新的、空的或以前 Jiceng 写出的目录。", en: "Output folder: new, empty or an earlier Jiceng output.",
                     valueName: ValueName.folder)
    }
}

/// The value names shown in usage lines (`--data <目录>`).
enum ValueName {
    static let folder = (zh: "目录", en: "folder")
    static let file = (zh: "文件", en: "file")
    static let period = (zh: "统计期", en: "period")
    static let count = (zh: "条数", en: "n")
    static let language = (zh: "zh|en", en: "zh|en")
    static let format = (zh: "格式", en: "format")
    static let name = (zh: "名称", en: "name")
    static let seed = (zh: "种子", en: "seed")
}

/// A text in the command line's language, written in both.
func localized(zh: String, en: String) -> String {
    InterfaceLanguage.current == .zh ? zh : en
}

/// A command's examples, headed 示例 / Examples, for its `discussion:`. The commands are written
/// with Chinese folder and file names (Chinese paths work); in English they are shown with
/// English ones (`ExampleNames`).
func examples(_ lines: [(command: String, zh: String, en: String)]) -> String {
    let zh = InterfaceLanguage.current == .zh
    var text = zh ? "示例：" : "Examples:"
    for line in lines {
        text += "\n  # " + (zh ? line.zh : line.en) + "\n  " + (zh ? line.command : ExampleNames.english(line.command))
    }
    return text
}

/// The folder and file names of the help's examples, in English.
enum ExampleNames {
    static let names: [(String, String)] = [
        ("2022年第二季度", "2022-Q2"), ("历史库.sqlite", "history.sqlite"), ("2022年指标.csv", "2022.csv"), ("全部指标.csv", "all.csv"),
        ("上半年.csv", "first-half.csv"), ("数据包", "drop"), ("新报告", "new-reports"), ("报告", "reports"), ("结果.json", "result.json"),
        ("示例数据", "sample"), ("大数据包", "big-drop"), ("阶段", "stages"), ("新目标.csv", "new-targets.csv"),
        ("数据检查.xml", "findings.xml"),
    ]

    static func english(_ command: String) -> String {
        names.reduce(command) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
