import Foundation
import JicengHistory

/// A test-only hook into recording, inert unless the environment variable
/// `JICENG_TEST_HISTORY_PAUSE` names a folder. Then the run creates `begin-PID` in it just before
/// the recording transaction begins, and `inside-PID` inside the transaction once everything is
/// written, and waits there (before the commit) until a file named `release` appears in the
/// folder. The end-to-end tests use it to kill a run in the middle of its recording and to make
/// two runs' recordings overlap, without timing anything.
enum HistoryTestPause {
    static let environmentVariable = "JICENG_TEST_HISTORY_PAUSE"

    static func hooks() -> RecordingHooks {
        guard let folder = ProcessInfo.processInfo.environment[environmentVariable], !folder.isEmpty else { return RecordingHooks() }
        let pid = getpid()
        return RecordingHooks(
            beforeTransaction: { _ = FileManager.default.createFile(atPath: folder + "/begin-\(pid)", contents: nil) },
            beforeCommit: {
                _ = FileManager.default.createFile(atPath: folder + "/inside-\(pid)", contents: nil)
                while !FileManager.default.fileExists(atPath: folder + "/release") { usleep(10_000) }
            })
    }
}
