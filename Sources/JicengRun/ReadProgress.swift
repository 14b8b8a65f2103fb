/// How far reading has got: the file being read, how many files are done, and bytes and rows
/// read of the current file. Given to `DropAnalyzer.progress`, for a progress line on a terminal.
public struct ReadProgress: Sendable {
    public var file: String
    public var filesDone: Int
    public var bytesInFile: Int64
    public var rowsInFile: Int64
}
