import JicengCore
import JicengHistory

/// `jiceng history list` as text: one block per recorded run (pipeline, period, when recorded,
/// size), then its inputs with their SHA-256.
enum HistoryListText {
    static func render(_ runs: [RecordedRun], path: String, language: Language) -> String {
        let zh = language == .zh
        guard !runs.isEmpty else { return zh ? "\(path)：历史库中没有记录\n" : "\(path): no runs recorded\n" }
        var out = zh ? "\(path)：\(runs.count) 条记录\n" : "\(path): \(runs.count) recorded run\(runs.count == 1 ? "" : "s")\n"
        for run in runs {
            out += "\n\(run.pipeline)  \(run.period)  "
            out +=
                zh
                ? "记录于 \(run.recordedAt)（jiceng \(run.toolVersion)，\(run.unitCount) 个单位，\(run.rowCount) 行指标）\n"
                : "recorded \(run.recordedAt) (jiceng \(run.toolVersion), \(run.unitCount) units, \(run.rowCount) indicator rows)\n"
            let width = run.inputs.map { $0.file.count }.max() ?? 0
            for input in run.inputs {
                out += "  " + input.file + String(repeating: " ", count: width - input.file.count) + "  sha256 " + input.sha256 + "\n"
            }
        }
        return out
    }
}
