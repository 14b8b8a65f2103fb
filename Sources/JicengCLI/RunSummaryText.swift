import JicengAggregate
import JicengCore

/// The closing lines `run` prints on standard error: how many indicator rows, errors and warnings
/// went where; with `--quiet` only a line about data errors, when there were any.
///
/// It exists so that the last thing the analyst reads is in their language, with readable
/// numbers, and says where the outputs are.
enum RunSummaryText {
    /// `targets` is what `TargetNotices.applied` says about the targets files, after a `·`.
    static func closing(
        period: Period, indicatorRows: Int, errors: Int64, warnings: Int64, out: String, targets: String,
        language: Language
    ) -> String {
        if language == .zh {
            return "jiceng run：\(period) — 指标 \(NumberText.grouped(indicatorRows)) 行，\(NumberText.grouped(errors)) 个错误，"
                + "\(NumberText.grouped(warnings)) 个警告 → \(out) · \(targets)\n"
        }
        return "jiceng run: \(period) — \(NumberText.grouped(indicatorRows)) indicator rows, \(NumberText.grouped(errors)) "
            + "error\(errors == 1 ? "" : "s"), \(NumberText.grouped(warnings)) warning\(warnings == 1 ? "" : "s") → \(out) · \(targets)\n"
    }

    /// `--quiet`: nothing when the drop had no error; else one line saying where they are listed.
    static func quiet(errors: Int64, out: String, language: Language) -> String {
        guard errors > 0 else { return "" }
        return language == .zh
            ? "jiceng run：数据包有 \(NumberText.grouped(errors)) 个错误，详见 \(out)/findings.json\n"
            : "jiceng run: the drop has \(NumberText.grouped(errors)) error\(errors == 1 ? "" : "s"); see \(out)/findings.json\n"
    }
}
