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
