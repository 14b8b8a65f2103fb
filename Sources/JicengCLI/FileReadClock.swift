import JicengRun

/// The time spent on each file of a drop, taken from the reader's progress reports: a file's
/// time runs from its first report to the first report of the next file (or the end of
/// reading), so it includes the file's own checks after its last byte.
///
/// It exists for `--verbose`, which lists each file's rows and time. A class, because the
/// reader calls it back while the drop is read and it keeps the current file between calls.
final class FileReadClock {
    private(set) var seconds: [String: Double] = [:]
    private var current: String?
    private var since = ContinuousClock.now

    func observe(_ progress: ReadProgress) {
        guard progress.file != current else { return }
        close()
        current = progress.file
    }

    /// Ends the time of the file being read; call when reading is over.
    func close() {
        let now = ContinuousClock.now
        if let current { seconds[current, default: 0] += StageTimings.seconds(now - since) }
        current = nil
        since = now
    }
}
