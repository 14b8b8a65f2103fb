import Foundation

/// Runs the real `jiceng` binary (built next to the test bundle) and captures its output.
struct BinaryHarness {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("jiceng").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/jiceng").path
    }

    /// The locale variables the binary takes its language from (`--lang` aside).
    static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// This test process's environment without the locale variables: the binary's language must
    /// not depend on the machine the tests run on, so a test that wants one sets it.
    static var neutralEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in localeVariables { env[name] = nil }
        return env
    }

    /// A process of the binary with `arguments`, this test process's environment (without the
    /// locale variables) plus `environment`, and its stdout and stderr on pipes (for `PipeDrain`).
    static func prepare(_ arguments: [String], environment: [String: String]) -> (process: Process, out: Pipe, err: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = neutralEnvironment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = prepare(arguments, environment: environment)
        try process.run()
        let stdout = PipeDrain(out)
        let stderr = PipeDrain(err)
        process.waitUntilExit()
        let o = stdout.data()
        let e = stderr.data()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A fresh empty folder under the system temp folder.
    /// The city's row of `indicators.csv` in `folder`: indicator → (value, numerator, denominator).
    static func cityIndicators(in folder: String) throws -> [String: [String]] {
        let csv = try String(contentsOfFile: folder + "/indicators.csv", encoding: .utf8)
        var city: [String: [String]] = [:]
        for line in csv.split(separator: "\n") where line.contains(",city,") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            city[f[4]] = Array(f[5...7])
        }
        return city
    }

    static func temporaryFolder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "jiceng-e2e-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func write(bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
