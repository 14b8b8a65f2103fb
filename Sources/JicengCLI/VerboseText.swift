import JicengAggregate
import JicengCore

/// What `--verbose` adds on standard error: a table of the files read (dataset, encoding, rows
/// read, accepted, rejected and out of period, time) and the time of each stage.
///
/// It exists so that `run` and `validate` show the same table in the same words; columns are
/// aligned by display width, so Chinese file names do not push them out of line.
enum VerboseText {
    static func files(_ files: [FileSummary], times: [String: Double], language: Language) -> String {
        let zh = language == .zh
        let header =
            zh
            ? ["文件", "数据集", "编码", "读取行", "接受", "拒收", "期外", "用时"]
            : ["file", "dataset", "encoding", "rows read", "accepted", "rejected", "out of period", "time"]
        var rows = [header]
        for f in files {
            rows.append([
                f.file, f.dataset, f.encoding, NumberText.grouped(f.rowsRead), NumberText.grouped(f.rowsAccepted),
                NumberText.grouped(f.rowsRejected), NumberText.grouped(f.rowsOutOfPeriod),
                times[f.file].map { NumberText.duration($0, zh: zh) } ?? "–",
            ])
        }
        if files.count > 1 {
            rows.append([
                zh ? "合计" : "total", "", "", NumberText.grouped(files.reduce(0) { $0 + $1.rowsRead }),
                NumberText.grouped(files.reduce(0) { $0 + $1.rowsAccepted }),
                NumberText.grouped(files.reduce(0) { $0 + $1.rowsRejected }),
                NumberText.grouped(files.reduce(0) { $0 + $1.rowsOutOfPeriod }),
                NumberText.duration(files.reduce(0) { $0 + (times[$1.file] ?? 0) }, zh: zh),
            ])
        }
        if files.isEmpty { return (zh ? "没有读取任何文件" : "no file was read") + "\n" }
        return table(rows, rightAligned: [3, 4, 5, 6, 7])
    }

    static func stages(_ timings: StageTimings, language: Language) -> String {
        let zh = language == .zh
        let parts = timings.stages.map { "\(StageTimings.label($0.name, zh: zh)) \(NumberText.duration($0.seconds, zh: zh))" }
        let total = NumberText.duration(timings.elapsed, zh: zh)
        return (zh ? "用时：" : "time: ") + parts.joined(separator: " · ") + (zh ? "；共 \(total)" : "; total \(total)") + "\n"
    }

    /// Rows laid out in columns two spaces apart, the columns in `rightAligned` flush right.
    private static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths = [Int](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TerminalText.width(cell)) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - TerminalText.width(cell))
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += "  " + line + "\n"
        }
        return out
    }
}
