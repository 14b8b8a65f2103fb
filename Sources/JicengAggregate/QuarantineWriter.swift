import Foundation
import JicengCore
import JicengNormalize

/// Appends CSV text to a file: `quarantine.csv` (every rejected record with its findings,
/// personal data masked), the canonical files of the `normalise` stage and the stage files of
/// `ingest`.
///
/// Written with the system calls themselves so that a failure — no space left, a read-only
/// folder, a file that cannot be closed — is a `JicengError(.ioFailure)` naming the path and the
/// system's reason, never a silent loss of rows.
public struct QuarantineWriter {
    /// Owns the descriptor: closed when the last copy goes away if `close()` was not called (after
    /// an error elsewhere), so a failing run does not leak it.
    private final class Descriptor {
        var fd: Int32
        init(_ fd: Int32) { self.fd = fd }
        deinit { if fd >= 0 { Glibc.close(fd) } }
    }

    public let path: String
    private let descriptor: Descriptor

    public static let header = "dataset,file,line,codes,columns,message,record\n"

    /// Creates (or truncates) the file at `path` and writes `header`.
    public init(path: String, header: String = QuarantineWriter.header) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Self.failure("cannot create", path) }
        descriptor = Descriptor(fd)
        try write(Array(header.utf8))
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(descriptor.fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure("cannot write", path)
                }
                offset += n
            }
        }
    }

    /// Closes the file; a failure (the system may report a failed write only now) is an error.
    public func close() throws {
        let fd = descriptor.fd
        guard fd >= 0 else { return }
        descriptor.fd = -1
        if Glibc.close(fd) != 0 && errno != EINTR { throw Self.failure("cannot close", path) }
    }

    private static func failure(_ what: String, _ path: String) -> JicengError {
        JicengError(.ioFailure, "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
