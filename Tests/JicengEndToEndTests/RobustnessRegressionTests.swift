import Foundation
import Testing

/// Inputs the fuzzer (Fuzz/, see Fuzz/README.md) or the robustness work found wrong, replayed
/// through the real binary. The input files live in `Fuzz/regressions/` — outside the test
/// target's folder so that SwiftPM does not warn about unhandled files, and inside the fuzzer's
/// corpus so that every fuzzing run starts from them.
@Suite("Robustness: regressions found by fuzzing, through the real binary")
struct RobustnessRegressionTests {
    static let folder: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Fuzz/regressions").path
    }()

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
    }

    /// Physical lines of `bytes` (LF, CRLF and a lone CR each end one), counting a last line
    /// without a line break.
    static func physicalLines(_ bytes: [UInt8]) -> Int {
        var lines = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                lines += 1
            } else if bytes[i] == 0x0D {
                lines += 1
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        if let last = bytes.last, last != 0x0A && last != 0x0D { lines += 1 }
        return lines
    }

    private func validate(requests bytes: [UInt8], name: String, asUnits: Bool = false) throws -> (
        RobustnessHarness.Result, RobustnessHarness.FindingsJSON?
    ) {
        let drop = try BinaryHarness.temporaryFolder("regression-\(name)")
        if asUnits {
            try BinaryHarness.write(bytes: bytes, to: drop + "/units.csv")
        } else {
            try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
            try BinaryHarness.write(bytes: bytes, to: drop + "/requests.csv")
        }
        let result = try RobustnessHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"], timeout: 20)
        return (result, RobustnessHarness.FindingsJSON(result.stdout))
    }

    @Test("every regression input, read as requests and as units: exit 0 or 1, findings on real lines")
    func everyInput() throws {
        #expect(!Self.inputs.isEmpty, "no inputs in \(Self.folder)")
        for name in Self.inputs {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name)))
            let lines = Self.physicalLines(bytes)
            for asUnits in [false, true] {
                let (result, doc) = try validate(requests: bytes, name: name, asUnits: asUnits)
                #expect(result.exitedCleanly, "\(name) as \(asUnits ? "units" : "requests"): \(result.summary)")
                guard let doc else {
                    Issue.record("\(name): no findings JSON: \(result.summary)")
                    continue
                }
                #expect(result.status == (doc.errors > 0 ? 1 : 0))
                let file = asUnits ? "units.csv" : "requests.csv"
                for f in doc.findings where f["file"] as? String == file {
                    guard let line = f["line"] as? Int else { continue }
                    #expect(line >= 1 && line <= max(1, lines), "\(name): \(f["code"] ?? "") at line \(line) of \(lines)")
                }
            }
        }
    }

    /// Fuzzer crash 7ccb41c9 (an invariant of Fuzz/: "line numbers do not depend on how the file is
    /// cut into chunks"): quoted fields holding LF, CRLF and a lone CR, then a bad record. Found on
    /// a working-tree version of CSVFileReader during issue 6; the record after the quoted line
    /// breaks was reported one line too early when the file was read in one piece.
    @Test("line numbers after quoted LF, CRLF and lone CR are physical lines")
    func quotedLineBreaks() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.folder + "/quoted-line-breaks-then-bad-row.csv")))
        let (result, doc) = try validate(requests: bytes, name: "quoted-line-breaks")
        #expect(result.status == 1, "\(result.summary)")
        let missing = doc?.findings.filter { $0["code"] as? String == "missing-cell" }.compactMap { $0["line"] as? Int }
        // Line 1 header; the first record spans lines 2–5 (LF, CRLF and CR inside quotes); R2 is
        // line 6; the record with too few cells starts on line 7.
        #expect(missing == [7], "\(doc?.findings ?? [])")
    }

    /// Found while writing the robustness tests, and by the fuzzer (crash 9301b1f4, input
    /// `Fuzz/regressions/provenance-line-column.csv`: a finding on line 1, the header): a `_line`
    /// column in a drop's own file was taken as the provenance column of Jiceng's stage outputs,
    /// so the data decided the reported lines, and rows sharing a `_line` value were taken back
    /// together as duplicates (DuplicateTakeBack in JicengRun), removing valid rows from the indicators.
    /// Fixed in 34dcc80: `_line` is trusted only in folders written by Jiceng's own stages.
    @Test("a `_line` column in a raw drop does not move findings or drop valid rows")
    func provenanceColumnInARawDrop() throws {
        let drop = try BinaryHarness.temporaryFolder("regression-provenance")
        try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
        try BinaryHarness.write(
            """
            诉求编号,受理时间,渠道,社区,街道,办理状态,办结时间,满意度,_line
            R1,2022-04-01,热线,金银社区,,办理中,,,1
            R2,2022-04-01,热线,金银社区,,不存在的状态,,,1
            R1,2022-04-01,热线,金银社区,,办理中,,,1
            R3,2022-04-01,热线,金银社区,,办理中,,,1

            """, to: drop + "/requests.csv")
        let validate = try RobustnessHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"], timeout: 20)
        #expect(validate.exitedCleanly, "\(validate.summary)")
        let out = drop + "-out"
        let run = try RobustnessHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out], timeout: 20)
        #expect(run.status == 0, "\(run.summary)")
        let csv = (try? String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)) ?? ""
        let doc = RobustnessHarness.FindingsJSON(validate.stdout)
        let found =
            doc?.findings.filter { $0["file"] as? String == "requests.csv" }
            .map { "\($0["code"] as? String ?? "?")@\($0["line"] as? Int ?? 0)" } ?? []
        // `_line` is not a contract column (unknown-column on the header); R2 (line 3) has a bad
        // status and R1 again (line 4) is a duplicate.
        #expect(Set(found) == ["unknown-column@1", "type-error@3", "unique-error@4"], "\(doc?.findings ?? [])")
        // R1 and R3 count: 2 requests at the city.
        let row = csv.split(separator: "\n").first { $0.hasPrefix("2022Q2,C,") && $0.contains(",requests_received,") }
        #expect(row?.hasPrefix("2022Q2,C,石首市,city,requests_received,2,") == true, "\(row ?? "no row")")
    }
}
