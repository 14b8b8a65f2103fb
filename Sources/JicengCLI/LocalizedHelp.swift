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
        ArgumentHelp(
            zh: "输出目录：新的、空的或以前 Jiceng 写出的目录。", en: "Output folder: new, empty or an earlier Jiceng output.",
            valueName: ValueName.folder)
    }
}

extension ArgumentHelp {
    /// `--lang` of the commands that print messages or write reports.
    static var language: ArgumentHelp {
        ArgumentHelp(
            zh: "消息和报告的语言：zh 或 en；不写时按环境变量 LANG，未设置时为 zh。",
            en: "Language of messages and reports: zh or en; default: from LANG, zh when unset.",
            valueName: ValueName.language)
    }
}

extension ArgumentHelp {
    /// `--targets-overlay` of the commands that apply targets (the English is `TargetSource.overlayHelp`'s).
    static var targetsOverlay: ArgumentHelp {
        ArgumentHelp(
            zh: "叠加在现行目标值（--targets、流水线的或内置的）之上的目标值文件：同一年份、指标、层级和单位编码的行以它为准。可重复，后写的优先。",
            en: TargetSource.overlayHelp.abstract, valueName: ValueName.file)
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
    static let shape = (zh: "messy|clean", en: "messy|clean")
}
