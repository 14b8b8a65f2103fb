/// Writes the text of parsed chunks to a CSV file (the quarantine, a canonical file) from reading
/// callbacks, which cannot throw.
///
/// Exists because a write failure inside a callback must not be lost: the first one is kept, the
/// later chunks are not written, and `throwIfFailed()` throws it as soon as reading returns. A
/// class, so that every step of a pass writes through the same file and failure.
final class ChunkWriter {
    private var file: QuarantineWriter?
    private var failure: (any Error)?

    /// A writer to `file`, or one that writes nothing when `file` is nil.
    init(_ file: QuarantineWriter?) {
        self.file = file
    }

    /// Whether there is a file to write to.
    var isWriting: Bool { file != nil }

    func write(_ bytes: [UInt8]) {
        guard failure == nil, !bytes.isEmpty, file != nil else { return }
        do { try file?.write(bytes) } catch { failure = error }
    }

    func throwIfFailed() throws {
        if let failure { throw failure }
    }

    /// Throws a kept failure, else closes the file.
    func close() throws {
        try throwIfFailed()
        try file?.close()
    }
}
