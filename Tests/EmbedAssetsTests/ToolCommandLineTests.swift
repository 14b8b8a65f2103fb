import Foundation
import Testing

/// The `EmbedAssets` tool as the plugin runs it: what it writes, and what it refuses.
struct ToolCommandLineTests {
    /// The tool, built next to this test bundle as the plugin's host executable.
    static var tool: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("EmbedAssets").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/EmbedAssets").path
    }

    /// Runs the tool in a fresh folder holding `files`; returns its exit status, its standard
    /// error and the file it wrote (nil when none).
    func run(_ arguments: [String], files: [String: [UInt8]]) throws -> (status: Int32, stderr: String, output: String?) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embed-assets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let output = folder.appendingPathComponent("Out.swift").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.tool)
        process.arguments = [output, folder.path] + arguments
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let written = FileManager.default.contents(atPath: output).map { String(decoding: $0, as: UTF8.self) }
        return (process.terminationStatus, String(decoding: message, as: UTF8.self), written)
    }

    @Test func membersAreGroupedByTypeInArgumentOrder() throws {
        let r = try run(
            ["public", "A.one=x.txt", "A.two=y.txt", "B.three=x.txt"], files: ["x.txt": Array("x\n".utf8), "y.txt": Array("y ##".utf8)])
        #expect(r.status == 0, "\(r.stderr)")
        let source = try #require(r.output)
        #expect(source.components(separatedBy: "extension A {").count == 2)
        #expect(source.contains("    public static let one: String = #\"\"\"\nx\n\n\"\"\"#\n"))
        #expect(source.contains("    public static let two: String = ###\"\"\"\ny ##\n\"\"\"###\n}\n\nextension B {\n"))
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let r = try run(["internal", "T.text=gbk.txt"], files: ["gbk.txt": [0xC4, 0xE3, 0xBA, 0xC3, 0xFF]])
        #expect(r.status == 1)
        #expect(r.stderr.contains("gbk.txt is not UTF-8 text"))
        #expect(r.output == nil)
    }

    @Test(
        "bad arguments are refused",
        arguments: [
            ["internal", "A=x.txt"], ["open", "A.b=x.txt"], ["internal", "A.b="],
            ["internal", "A.1b=x.txt"], ["internal", "A.b=missing.txt"],
        ])
    func badArguments(arguments: [String]) throws {
        let r = try run(arguments, files: ["x.txt": Array("x".utf8)])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("EmbedAssets: "))
        #expect(r.output == nil)
    }
}
