import Foundation

/// Reads one pipe of a child process to its end on a thread of its own.
///
/// Exists because a parent that reads a child's stdout to the end before its stderr deadlocks
/// as soon as the child fills the stderr pipe (64 KB) while the parent waits on stdout. Both
/// harnesses drain every pipe this way.
final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = Data()
    private let finished = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            lock.lock()
            collected = data
            lock.unlock()
            finished.signal()
        }
    }

    /// Everything the child wrote, once the pipe is closed (or what there is after `timeout`
    /// seconds: nothing, when the pipe is still open then).
    func data(timeout: Double = 3600) -> Data {
        if finished.wait(timeout: .now() + timeout) == .success { finished.signal() }
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
