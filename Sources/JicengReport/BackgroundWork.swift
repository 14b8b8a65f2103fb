import Foundation

/// One piece of work run on a thread of its own while the caller does other work, then waited
/// for: `wait()` returns when it is done and throws what it threw.
///
/// It exists so that a report's largest output, the workbook, is written on the second core
/// while the caller writes the others: the files are independent, so the bytes of each are what
/// they were, and the report takes about the time of the longest part instead of the sum. The
/// caller must `wait()` on every path, also when its own part fails, so that nothing is still
/// writing into a folder that is being removed.
final class BackgroundWork: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the thread before it signals `done`, read only after waiting for it.
    private var failure: (any Error)?
    private var finished = false

    init(_ work: @escaping @Sendable () throws -> Void) {
        let thread = Thread { [self] in
            do { try work() } catch { failure = error }
            done.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Waits for the work (once), then throws its error if it had one.
    func wait() throws {
        if !finished {
            done.wait()
            finished = true
        }
        if let failure { throw failure }
    }
}
