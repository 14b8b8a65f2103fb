/// An `OutputFile` written through a fixed buffer, for outputs made row by row (indicators.csv,
/// indicators.json): text goes into the buffer and reaches the file in large writes, so a
/// large output never has to exist whole in memory and costs few system calls.
///
/// Every failure is the `io-failure` of `OutputFile`. Bytes still in the buffer reach the file
/// only through `close()`: a writer dropped without it leaves a truncated file, which a command
/// that stops with an error discards with its temporary folder.
public final class BufferedOutputFile {
    private let file: OutputFile
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// Creates the file (emptied when it exists); `capacity` bytes are gathered before each write.
    public init(creating path: String, capacity: Int = 1 << 16) throws {
        file = try OutputFile(creating: path)
        self.capacity = max(capacity, 1)
        buffer.reserveCapacity(self.capacity)
    }

    public var path: String { file.path }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try file.write(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends one byte.
    public func write(byte: UInt8) throws {
        if buffer.count >= capacity { try flush() }
        buffer.append(byte)
    }

    /// Hands the buffered bytes to the file.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try file.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        try flush()
        try file.close()
    }
}
