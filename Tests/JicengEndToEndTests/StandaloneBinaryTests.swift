import Foundation
import Testing

/// `cp .build/release/jiceng /usr/local/bin` must give a working command: the binary carries the
/// standard pipeline, the standard targets and the report templates, and reads nothing from the
/// build tree or the repository at run time.
@Suite("the binary runs on its own, copied out of the build tree")
struct StandaloneBinaryTests {
    static let root = SampleDataBinaryTests.root

    @Test("a copy in another folder, run from a third, writes the reports of Reports/2022Q2")
    func copiedBinaryRunsTheQuarterlyJob() throws {
        let home = try BinaryHarness.temporaryFolder("standalone")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let bin = home + "/bin"
        let elsewhere = home + "/cwd"
        for folder in [bin, elsewhere] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: BinaryHarness.binary, toPath: bin + "/jiceng")

        // As README command 1 writes Reports/: 2022Q1 and then 2022Q2 recorded into one history
        // store (so the copy also opens SQLite through GRDB without the build tree).
        for quarter in ["2022Q1", "2022Q2"] {
            let (process, stdout, stderr) = BinaryHarness.prepare(
                [
                    "run", "--data", Self.root + "/SampleData/" + quarter, "--period", quarter, "--out", home + "/out-" + quarter,
                    "--history", home + "/history.sqlite",
                ],
                environment: ["SOURCE_DATE_EPOCH": "1656633600"])
            process.executableURL = URL(fileURLWithPath: bin + "/jiceng")
            process.currentDirectoryURL = URL(fileURLWithPath: elsewhere)
            try process.run()
            let outDrain = PipeDrain(stdout)
            let errDrain = PipeDrain(stderr)
            process.waitUntilExit()
            _ = outDrain.data()
            #expect(process.terminationStatus == 0, "\(String(decoding: errDrain.data(), as: UTF8.self))")
        }
        let out = home + "/out-2022Q2"
        for name in ["summary.html", "summary.md", "indicators.xlsx", "indicators.csv", "indicators_ytd.csv"] {
            let written = FileManager.default.contents(atPath: out + "/" + name)
            #expect(written != nil, "\(name) was not written")
            #expect(written == FileManager.default.contents(atPath: Self.root + "/Reports/2022Q2/" + name), "\(name)")
        }
    }

    /// A SwiftPM resource bundle (`<package>_<target>.resources`) is looked up beside the binary,
    /// then at its absolute path in the build tree; a copy whose build tree is gone stops with
    /// exit 132 on the first report. The binary must name none of Jiceng's own. (GRDB's bundle,
    /// `GRDB_GRDB.resources`, holds only Apple's privacy manifest and is never loaded: the test
    /// above runs the copy with a history store.)
    @Test func theBinaryNamesNoResourceBundleOfItsOwn() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: BinaryHarness.binary))
        #expect(bytes.range(of: Data("Jiceng_Jiceng".utf8)) == nil)
        #expect(bytes.range(of: Data("JicengReport.resources".utf8)) == nil)
    }
}
