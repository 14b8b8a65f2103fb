import Foundation

/// Runs the real `jiceng` binary like `BinaryHarness`, but with a deadline: a run that has not
/// ended by then is killed and reported as timed out, so a hang fails a test instead of the suite.
/// Also tells an exit from a death by signal, and can send a signal to a run after a delay.
struct RobustnessHarness {
    struct Result {
        var status: Int32
        /// True when the process ended by a signal (a crash, or the kill this harness sent).
        var signaled: Bool
        var timedOut: Bool
        var seconds: Double
        var stdout: Data
        var stderr: Data

        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }

        /// An exit by `exit(0)` or `exit(1)`: what contract §7 allows for any data.
        var exitedCleanly: Bool { !signaled && !timedOut && (status == 0 || status == 1) }

        var summary: String {
            "status \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : "") after \(String(format: "%.2f", seconds)) s; stderr: \(stderrText.prefix(2000))"
        }
    }

    /// Runs `arguments`; kills the process after `timeout` seconds. With `killAfter`, sends
    /// `killSignal` that many seconds after the start (to simulate a run killed midway).
    static func run(
        _ arguments: [String], timeout: Double = 20, environment: [String: String] = [:],
        killAfter: Double? = nil, killSignal: Int32 = SIGKILL
    ) throws -> Result {
        let (process, out, err) = BinaryHarness.prepare(arguments, environment: environment)
        // Both pipes are drained on their own threads so a chatty run cannot block on a full pipe.
        let stdout = PipeDrain(out)
        let stderr = PipeDrain(err)
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        let start = Date()
        try process.run()
        var sentKill = false
        if let killAfter {
            if ended.wait(timeout: .now() + killAfter) == .success {
                ended.signal()  // it ended on its own before the kill; keep the semaphore signalled
            } else {
                kill(process.processIdentifier, killSignal)
                sentKill = true
            }
        }
        var timedOut = false
        if ended.wait(timeout: .now() + max(0, timeout - Date().timeIntervalSince(start))) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        let seconds = Date().timeIntervalSince(start)
        _ = sentKill
        return Result(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, seconds: seconds, stdout: stdout.data(timeout: 10), stderr: stderr.data(timeout: 10))
    }

    /// The JSON document `validate --format json` prints: totals and the finding codes.
    struct FindingsJSON {
        var errors: Int
        var warnings: Int
        var findings: [[String: Any]]
        var codes: Set<String> { Set(findings.compactMap { $0["code"] as? String }) }

        func has(_ code: String, severity: String? = nil) -> Bool {
            findings.contains { $0["code"] as? String == code && (severity == nil || $0["severity"] as? String == severity) }
        }

        init?(_ data: Data) {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let errors = object["errors"] as? Int, let warnings = object["warnings"] as? Int,
                let findings = object["findings"] as? [[String: Any]]
            else { return nil }
            self.errors = errors
            self.warnings = warnings
            self.findings = findings
        }
    }

    /// Every file under `folder` (relative path → bytes), for before/after comparisons.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// Deterministic pseudo-random bytes (SplitMix64), so a failing case can be reproduced.
    static func randomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            for k in 0..<8 where bytes.count < count { bytes.append(UInt8(truncatingIfNeeded: z >> (8 * UInt64(k)))) }
        }
        return bytes
    }
}
