import Foundation
import JicengAggregate
import JicengCore

/// What commands tell people about the targets that applied: each `TargetWarning` on standard
/// error in the `--lang` language, and the closing line's "targets: …" naming every file.
///
/// Standard error, not findings.json: the warnings are about configuration, not about the drop,
/// and findings.json keeps contract §7's shape and closed list of codes; `run` also records them
/// in manifest.json.
enum TargetNotices {
    /// `jiceng: my-targets.csv:4 (key 'unit_id'): 警告 unknown-unit: 单位编码 «K9» …`.
    static func line(_ warning: TargetWarning, language: Language) -> String {
        let label = language == .zh ? "警告" : "warning"
        return "jiceng: \(warning.location): \(label) \(warning.code.rawValue): \(warning.message.text(language))"
    }

    static func print(_ warnings: [TargetWarning], language: Language) {
        guard !warnings.isEmpty else { return }
        let text = warnings.map { line($0, language: language) + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `目标：built-in:Pipelines/targets.csv + my-targets.csv（1 个警告）` or
    /// `targets: built-in:Pipelines/targets.csv + my-targets.csv (1 warning)`.
    static func applied(_ layers: TargetLayers, warnings: Int, language: Language) -> String {
        let files = layers.names.joined(separator: " + ")
        switch language {
        case .zh: return "目标：\(files)" + (warnings > 0 ? "（\(warnings) 个警告）" : "")
        case .en: return "targets: \(files)" + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "")
        }
    }
}
