import Foundation

/// Runs the real binary with its standard error on a pseudo-terminal, as when an analyst runs it
/// in a terminal window, and captures what it drew there.
///
/// Exists because the progress line is drawn only on a terminal (never into a pipe or a log),
/// so only a terminal shows whether it is drawn, what it says and what it leaves behind.
enum TerminalHarness {
    struct Result {
        var status: Int32
        var stdout: String
        /// Everything written to the terminal, control sequences included.
        var terminal: String
    }

    /// The C library's pseudo-terminal calls, which Swift's Glibc module does not import (they
    /// need `_XOPEN_SOURCE`), looked up at run time.
    private static func libc<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: type)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias OnMaster = @convention(c) (Int32) -> Int32
        typealias PTSName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let openpt = libc("posix_openpt", as: OpenPT.self), let grantpt = libc("grantpt", as: OnMaster.self),
            let unlockpt = libc("unlockpt", as: OnMaster.self), let ptsname = libc("ptsname", as: PTSName.self)
        else {
            throw POSIXError(.ENOSYS)
        }
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.ENOTTY) }
        // The progress line stays off under CI and with NO_PROGRESS; a terminal test wants it.
        var env = BinaryHarness.neutralEnvironment
        env["CI"] = nil
        env["NO_PROGRESS"] = nil
        for (k, v) in environment { env[k] = v }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryHarness.binary)
        process.arguments = arguments
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let collected = TerminalDrain(master)
        try process.run()
        close(slave)
        let stdout = PipeDrain(out)
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout.data(), as: UTF8.self),
            terminal: String(decoding: collected.data(), as: UTF8.self))
    }
}

/// Reads a pseudo-terminal's master side until the child has closed the terminal (read(2) then
/// fails with EIO on Linux rather than returning 0), on a thread of its own.
final class TerminalDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = Data()
    private let finished = DispatchSemaphore(value: 0)

    init(_ fd: Int32) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                lock.lock()
                collected.append(contentsOf: buffer[0..<n])
                lock.unlock()
            }
            close(fd)
            finished.signal()
        }
    }

    func data() -> Data {
        finished.wait()
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
