import Foundation

/// One piece of work run on a thread of its own while the caller does other work, then waited
/// for: `finish(callerSucceeded:)` tells the work how the caller's part ended, waits for the work
/// and throws what it threw.
///
/// It exists so that a report's largest output, the workbook, is built on the second core while
/// the caller writes the others: the files are independent, so the bytes of each are what they
/// were, and the report takes about the time of the longest part instead of the sum. The work
/// can wait for the caller's outcome (`callerSucceeded`, which throws `CallerFailed` when the
/// caller failed) before its last step, so that it can give up without a trace when the caller's
/// part failed, as if it had never started. The caller must `finish` on every path, also when
/// its own part fails, so that nothing is still writing into a folder that is being removed.
final class BackgroundWork: @unchecked Sendable {
    /// What `callerSucceeded` throws when the caller's part failed.
    struct CallerFailed: Error {}

    private let workDone = DispatchSemaphore(value: 0)
    private let callerDone = DispatchSemaphore(value: 0)
    /// Written by the thread before it signals `workDone`, read only after waiting for it.
    private var failure: (any Error)?
    /// Written by the caller before it signals `callerDone`, read only after waiting for it.
    private var callerFailed = false

    init(_ work: @escaping @Sendable (_ callerSucceeded: () throws -> Void) throws -> Void) {
        let thread = Thread { [self] in
            do {
                try work {
                    callerDone.wait()
                    callerDone.signal()  // for any later wait
                    if callerFailed { throw CallerFailed() }
                }
            } catch {
                failure = error
            }
            workDone.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Tells the work how the caller's part ended, waits for the work, then throws the work's
    /// error if it had one (only when the caller succeeded: else the caller throws its own).
    func finish(callerSucceeded: Bool) throws {
        callerFailed = !callerSucceeded
        callerDone.signal()
        workDone.wait()
        if callerSucceeded, let failure { throw failure }
    }
}
