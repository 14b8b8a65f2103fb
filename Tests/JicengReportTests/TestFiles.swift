import Foundation

/// Temporary folders and external tools for the report tests.
enum TestFiles {
    /// One folder per test process, removed when the process exits.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jiceng-report-tests-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
        atexit { try? FileManager.default.removeItem(at: TestFiles.root) }
        return url
    }()

    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = root.appendingPathComponent("\(safe)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The full path of an executable on PATH, or nil.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program, returns its standard output; fails on a non-zero exit or after `timeout` seconds.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        let reader = output.fileHandleForReading
        // Read while waiting so that a large output cannot block the child.
        while process.isRunning {
            let chunk = reader.availableData
            if chunk.isEmpty {
                if Date() > deadline {
                    process.terminate()
                    break
                }
                Thread.sleep(forTimeInterval: 0.05)
            } else {
                data.append(chunk)
            }
        }
        data.append(reader.readDataToEndOfFile())
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(
                domain: "TestFiles", code: Int(process.terminationStatus),
                userInfo: [
                    NSLocalizedDescriptionKey: "\(program) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)"
                ])
        }
        return data
    }

    /// One member of a zip file, through `unzip -p`.
    static func unzip(_ archive: URL, _ member: String) throws -> String {
        String(decoding: try run(unzipPath ?? "/usr/bin/unzip", ["-p", archive.path, member]), as: UTF8.self)
    }

    static let unzipPath = executable("unzip")
}
