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
        ("上半年.csv", "first-half.csv"), ("大数据包", "big-drop"), ("干净数据包", "clean-drop"), ("数据包", "drop"), ("新报告", "new-reports"),
        ("报告", "reports"), ("结果.json", "result.json"),
        ("示例数据", "sample"), ("阶段", "stages"), ("新目标.csv", "new-targets.csv"),
        ("数据检查.xml", "findings.xml"),
    ]

    /// Longer names come before the names they contain (大数据包 before 数据包).
    static func english(_ command: String) -> String {
        names.reduce(command) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
