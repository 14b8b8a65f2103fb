import Foundation
import JicengAggregate
import JicengCore
import JicengRun

/// A one-line progress display on stderr for long runs — file, rows, MB/s and an ETA from the
/// drop's file sizes — shown only when stderr is a terminal and not under CI, redrawn at most
/// five times a second, and erased when reading ends.
final class ProgressDisplay {
    private let totalBytes: Int64
    private let fileCount: Int
    private let language: Language
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var doneBytes: Int64 = 0
    private var doneRows: Int64 = 0
    private var current = ""
    private var currentBytes: Int64 = 0
    private var currentRows: Int64 = 0
    private var drew = false

    /// nil when stderr is not a terminal, under CI, or with NO_PROGRESS set.
    static func make(folder: String, language: Language) -> ProgressDisplay? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(2) == 1, env["CI"] == nil, env["NO_PROGRESS"] == nil else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.lowercased().hasSuffix(".csv") } ?? []
        var total: Int64 = 0
        for n in names {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + n)[.size] as? NSNumber)?.int64Value ?? 0
            total += size
        }
        return ProgressDisplay(totalBytes: total, fileCount: names.count, language: language)
    }

    private init(totalBytes: Int64, fileCount: Int, language: Language) {
        self.totalBytes = max(1, totalBytes)
        self.fileCount = fileCount
        self.language = language
    }

    func update(_ p: ReadProgress) {
        if p.file != current {
            doneBytes += currentBytes
            doneRows += currentRows
            current = p.file
        }
        currentBytes = p.bytesInFile
        currentRows = p.rowsInFile
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let bytes = doneBytes + currentBytes
        let rows = doneRows + currentRows
        let seconds = max(0.001, now.timeIntervalSince(start))
        let rate = Double(bytes) / seconds / 1_000_000
        let eta = rate > 0 ? Double(totalBytes - bytes) / 1_000_000 / rate : 0
        let line = language == .zh
            ? "读取 \(p.file)（\(min(p.filesDone + 1, fileCount))/\(fileCount)）· \(rows) 行 · \(Int(rate)) MB/s · 剩余约 \(Int(eta.rounded())) 秒"
            : "reading \(p.file) (\(min(p.filesDone + 1, fileCount))/\(fileCount)) · \(rows) rows · \(Int(rate)) MB/s · ETA \(Int(eta.rounded())) s"
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
        drew = true
    }

    func finish() {
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
