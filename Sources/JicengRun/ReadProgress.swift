/// How far reading has got: the file being read, how many files are done, and bytes and rows
/// read of the current file. Given to `DropAnalyzer.progress`, for a progress line on a terminal.
public struct ReadProgress: Sendable {
    public var file: String
    public var filesDone: Int
    public var bytesInFile: Int64
    public var rowsInFile: Int64
}

/// Counts bytes and rows of the file being read and passes them to the progress callback.
final class ProgressMeter {
    private var progress: ReadProgress
    private let report: ((ReadProgress) -> Void)?

    init(file: String, filesDone: Int, report: ((ReadProgress) -> Void)?) {
        progress = ReadProgress(file: file, filesDone: filesDone, bytesInFile: 0, rowsInFile: 0)
        self.report = report
    }

    func addBytes(_ n: Int) {
        progress.bytesInFile += Int64(n)
        report?(progress)
    }

    func addRows(_ n: Int64) {
        progress.rowsInFile += n
        report?(progress)
    }
}
