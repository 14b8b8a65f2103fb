import Foundation
import JicengAggregate
import JicengCore
import JicengRun

/// A one-line progress display on stderr for long runs — file, rows, MB/s and the time left —
/// shown only when stderr is a terminal and not under CI, redrawn at most five times a second.
/// When reading ends the line is replaced by a final one (files, rows, megabytes, time) that
/// stays on the screen, ended by a newline, so what follows does not overwrite it.
///
/// The time left is estimated from the large files alone (`isLarge`): the small ones (units,
/// grids) are read first and cost mostly fixed work per file, so a rate measured on them says
/// nothing about the requests file that follows. The rate is measured from the first second of
/// the large files on: when reading starts the reader fills its few chunks ahead of the workers
/// in a burst, which would make the first estimates far too short, and a rate over a short
/// recent window jumps with every chunk. No estimate is shown before a large file has been
/// read for two seconds.
final class ProgressDisplay {
    private let sizes: [String: Int64]
    private let largeTotal: Int64
    private let fileCount: Int
    private let language: Language
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var doneRows: Int64 = 0
    private var doneBytes: Int64 = 0
    private var current = ""
    private var currentBytes: Int64 = 0
    private var currentRows: Int64 = 0
    private var currentStart = ContinuousClock.now
    /// Bytes of large files read, and the seconds spent reading them, before the current file.
    private var largeDoneBytes: Int64 = 0
    private var largeDoneSeconds: Double = 0
    private var drew = false
    /// Large-file seconds and bytes when the first second of them was over (the rate's start).
    private var baseline: (seconds: Double, bytes: Int64)?
    private var filesSeen = 0

    /// nil when stderr is not a terminal, under CI, or with NO_PROGRESS set.
    static func make(folder: String, language: Language) -> ProgressDisplay? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(2) == 1, env["CI"] == nil, env["NO_PROGRESS"] == nil else { return nil }
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder))?
            .filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") } ?? []
        var sizes: [String: Int64] = [:]
        for n in names {
            sizes[n] = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + n)[.size] as? NSNumber)?.int64Value ?? 0
        }
        return ProgressDisplay(sizes: sizes, language: language)
    }

    init(sizes: [String: Int64], language: Language) {
        self.sizes = sizes
        fileCount = sizes.count
        self.language = language
        let total = sizes.values.reduce(0, +)
        largeTotal = sizes.values.filter { Self.isLarge($0, total: total) }.reduce(0, +)
    }

    /// A file that weighs in the time left: at least 1 MB and at least a tenth of the drop.
    static func isLarge(_ size: Int64, total: Int64) -> Bool {
        size >= 1 << 20 && size * 10 >= total
    }

    private var totalBytes: Int64 { sizes.values.reduce(0, +) }

    func update(_ p: ReadProgress) {
        let now = ContinuousClock.now
        if p.file != current {
            closeCurrentFile(at: now)
            current = p.file
            currentStart = now
            filesSeen += 1
        }
        currentBytes = p.bytesInFile
        currentRows = p.rowsInFile
        if let lastDraw, StageTimings.seconds(now - lastDraw) < 0.2 { return }
        lastDraw = now
        let zh = language == .zh
        let rows = NumberText.grouped(doneRows + currentRows)
        let seconds = max(0.001, StageTimings.seconds(now - start))
        let rate = Int((Double(doneBytes + currentBytes) / seconds / 1_000_000).rounded())
        let position = "\(min(p.filesDone + 1, max(fileCount, 1)))/\(max(fileCount, 1))"
        var line =
            zh
            ? "读取 \(p.file)（\(position)）· \(rows) 行 · \(NumberText.grouped(rate)) MB/s"
            : "reading \(p.file) (\(position)) · \(rows) rows · \(NumberText.grouped(rate)) MB/s"
        if let left = secondsLeft(at: now) {
            line +=
                zh ? " · 剩余约 \(NumberText.grouped(Int(left.rounded()))) 秒" : " · about \(NumberText.grouped(Int(left.rounded()))) s left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
        drew = true
    }

    /// The time left at the large files' rate since their first second; nil until a second
    /// after that.
    private func secondsLeft(at now: ContinuousClock.Instant) -> Double? {
        var bytes = largeDoneBytes
        var seconds = largeDoneSeconds
        if isLarge(current) {
            bytes += currentBytes
            seconds += StageTimings.seconds(now - currentStart)
        }
        if baseline == nil, seconds >= 1 { baseline = (seconds, bytes) }
        guard let baseline, seconds - baseline.seconds >= 1, bytes > baseline.bytes else { return nil }
        let rate = Double(bytes - baseline.bytes) / (seconds - baseline.seconds)
        return Double(max(0, largeTotal - bytes)) / rate
    }

    private func isLarge(_ file: String) -> Bool {
        sizes[file].map { Self.isLarge($0, total: totalBytes) } ?? false
    }

    private func closeCurrentFile(at now: ContinuousClock.Instant) {
        guard !current.isEmpty else { return }
        doneBytes += currentBytes
        doneRows += currentRows
        if isLarge(current) {
            largeDoneBytes += currentBytes
            largeDoneSeconds += StageTimings.seconds(now - currentStart)
        }
        currentBytes = 0
        currentRows = 0
    }

    /// Replaces the progress line with the final count, which stays.
    func finish() {
        guard drew else { return }
        closeCurrentFile(at: ContinuousClock.now)
        current = ""
        let zh = language == .zh
        let seconds = NumberText.duration(StageTimings.seconds(ContinuousClock.now - start), zh: zh)
        let megabytes = NumberText.grouped(Int((Double(doneBytes) / 1_000_000).rounded()))
        let line =
            zh
            ? "已读取 \(filesSeen) 个文件 · \(NumberText.grouped(doneRows)) 行 · \(megabytes) MB · 用时 \(seconds)"
            : "read \(filesSeen) file\(filesSeen == 1 ? "" : "s") · \(NumberText.grouped(doneRows)) rows · \(megabytes) MB · \(seconds)"
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line + "\n").utf8))
    }
}
