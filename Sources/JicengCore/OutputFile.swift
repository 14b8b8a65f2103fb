#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file created and written with POSIX calls, every failure an `io-failure` naming the path and
/// the system's reason (`strerror`).
///
/// It exists because a write that fails must stop the command with a reason a person can act on
/// ("No space left on device", "File too large"), where Foundation's errors on Linux often say
/// only "The operation could not be completed". The descriptor is closed when the value goes
/// away, so an error thrown half-way leaks nothing.
public final class OutputFile {
    public let path: String
    private var descriptor: Int32

    /// Creates the file, or empties it when it exists.
    public init(creating path: String) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            let code = errno
            throw JicengError.ioFailure(LocalizedText(zh: "无法创建", en: "cannot create"), path, code: code)
        }
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { closeDescriptor(descriptor) }
    }

    /// Writes all of `bytes` (retrying short writes and interrupted calls).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else {
            throw JicengError(.ioFailure, LocalizedText(zh: "无法写入 \(path)：文件已经关闭", en: "cannot write \(path): the file is already closed"))
        }
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = systemWrite(descriptor, base + done, bytes.count - done)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw JicengError.ioFailure(LocalizedText(zh: "无法写入", en: "cannot write"), path, code: code)
            }
            done += n
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Closes the file; an error here (a delayed write failure on some file systems) is reported too.
    public func close() throws {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        descriptor = -1
        if closeDescriptor(fd) != 0 {
            let code = errno
            throw JicengError.ioFailure(LocalizedText(zh: "无法关闭", en: "cannot close"), path, code: code)
        }
    }

    /// Creates `path` holding exactly `text`.
    public static func write(_ text: String, to path: String) throws {
        let file = try OutputFile(creating: path)
        try file.write(text)
        try file.close()
    }

}

@discardableResult
private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
