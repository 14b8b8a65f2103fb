import Foundation
import Testing

/// Output that respects the reader (issue 13): true counts in text findings, --quiet and
/// --verbose, the run result of `run --format json`, JUnit `file` and `line`, and `sample`'s
/// default; through the real binary.
@Suite("Terminal and machine output of run, validate and sample")
struct ConsoleOutputBinaryTests {
    /// A requests file of `rows` rows in 2022Q2 whose community exists nowhere: one
    /// `unknown-unit` error per row, lines 2 … rows + 1.
    static func unknownUnitRequests(_ rows: Int) -> String {
        var text = "诉求编号,受理时间,渠道,社区,街道,办理状态,办结时间,满意度\n"
        for i in 0..<rows { text += "X\(i),2022-04-10,热线,不存在社区,,已办结,2022-04-11,\n" }
        return text
    }

    @Test("text findings: a group per severity and code, headings and the '… more' line count every finding")
    func textCounts() throws {
        // An empty drop: missing-file is an error for units and a warning for the four others.
        let empty = try BinaryHarness.temporaryFolder("counts-empty")
        let r = try BinaryHarness.run(["validate", "--data", empty])
        #expect(r.status == 1)
        #expect(r.stdout.contains("  错误 missing-file × 1\n"), "\(r.stdout)")
        #expect(r.stdout.contains("  警告 missing-file × 4\n"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("\n1 个错误，4 个警告\n"), "\(r.stdout)")

        // 1,969 unknown units, 1,000 listed (--max-findings' default), 20 shown.
        let drop = try BinaryHarness.temporaryFolder("counts-many")
        try SmallDropFixture.write(to: drop, requests: false)
        try BinaryHarness.write(Self.unknownUnitRequests(1969), to: drop + "/requests.csv")
        let many = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2"])
        #expect(many.status == 1)
        #expect(many.stdout.contains("  错误 unknown-unit × 1,969\n"), "\(many.stdout)")
        #expect(many.stdout.contains("    ……另有 1,949 条\n"), "\(many.stdout)")
        #expect(many.stdout.hasSuffix("\n1,969 个错误，2 个警告\n"), "\(many.stdout)")
        #expect(many.stdout.components(separatedBy: "不存在社区").count - 1 == 20)

        // Fewer listed than shown per group: all the listed ones shown, the rest counted.
        let limited = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--max-findings", "5", "--lang", "en"])
        #expect(limited.stdout.contains("  error unknown-unit × 1,969\n"), "\(limited.stdout)")
        #expect(limited.stdout.contains("    … and 1,964 more\n"), "\(limited.stdout)")
        #expect(!limited.stdout.contains("not listed"), "the log's summary finding is replaced by the count: \(limited.stdout)")
        #expect(limited.stdout.components(separatedBy: "line ").count - 1 == 5)
    }

    @Test("--quiet prints the errors only, and nothing for a drop without errors; --verbose adds rows and times")
    func quietAndVerbose() throws {
        let drop = try BinaryHarness.temporaryFolder("quiet")
        try SmallDropFixture.write(to: drop)
        let quiet = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--quiet"])
        #expect(quiet.status == 1)
        #expect(quiet.stdout.contains("  错误 unique-error × 1\n"), "\(quiet.stdout)")
        #expect(!quiet.stdout.contains("警告"), "\(quiet.stdout)")
        #expect(quiet.stdout.hasSuffix("\n5 个错误\n"), "\(quiet.stdout)")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")

        let clean = try BinaryHarness.temporaryFolder("quiet-clean")
        try SmallDropFixture.write(to: clean, requests: false)
        let silent = try BinaryHarness.run(["validate", "--data", clean, "-q"])
        #expect(silent.status == 0)
        #expect(silent.stdout.isEmpty && silent.stderr.isEmpty, "\(silent.stdout)\(silent.stderr)")
        let run = try BinaryHarness.run(["run", "--data", clean, "--period", "2022Q2", "--out", clean + "-out", "--quiet"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty, "\(run.stdout)\(run.stderr)")
        let runErrors = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", drop + "-out", "--quiet"])
        #expect(runErrors.status == 0)
        #expect(runErrors.stderr == "jiceng run：数据包有 5 个错误，详见 \(drop)-out/findings.json\n", "\(runErrors.stderr)")

        let verbose = try BinaryHarness.run([
            "run", "--data", drop, "--period", "2022Q2", "--out", drop + "-out", "--verbose", "--lang", "en",
        ])
        #expect(verbose.status == 0, "\(verbose.stderr)")
        let lines = verbose.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("  file ") == true, "\(verbose.stderr)")
        // Each file with its rows read, accepted, rejected and out of period, and a time.
        let units = lines.first { $0.hasPrefix("  units.csv ") }?.split(separator: " ").map(String.init) ?? []
        #expect(units.count == 9 && units[1] == "units" && units[3...6] == ["10", "10", "0", "0"] && units.last == "s", "\(units)")
        let requests = lines.first { $0.hasPrefix("  requests.csv ") }?.split(separator: " ").map(String.init) ?? []
        #expect(requests[1] == "requests" && requests[4...7] == ["8", "3", "4", "1"], "\(requests)")  // R4 out of period; 4 rejected
        let time = lines.first { $0.hasPrefix("time: ") } ?? ""
        for stage in ["read and check ", "indicators ", "reports ", "publish ", "; total "] {
            #expect(time.contains(stage), "\(stage): \(time)")
        }
        #expect(lines.last?.hasPrefix("jiceng run: 2022Q2 — ") == true, "\(verbose.stderr)")
        let validate = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "-v"])
        #expect(
            validate.stderr.contains("  文件 ") && validate.stderr.contains("  requests.csv ") && validate.stderr.contains("用时：读取与检查 "),
            "\(validate.stderr)")
    }

    @Test("on a terminal: a progress line with thousands separators, then a final line that stays above the summary")
    func progressLine() throws {
        let drop = try BinaryHarness.temporaryFolder("progress")
        try SmallDropFixture.write(to: drop, requests: false)
        try BinaryHarness.write(Self.unknownUnitRequests(1969), to: drop + "/requests.csv")
        let r = try TerminalHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", drop + "-out"])
        #expect(r.status == 0)
        // The terminal turns every "\n" into "\r\n".
        let screen = r.terminal.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(screen.hasPrefix("\r\u{1B}[2K读取 units.csv（1/3）· "), "\(screen.debugDescription)")
        // 10 units, 2 grids and 1,969 requests; the last line drawn is followed by a newline, then the summary.
        let final = try Regex("\r\u{1B}\\[2K已读取 3 个文件 · 1,981 行 · 0 MB · 用时 [0-9.]+ 秒\njiceng run：2022Q2 — 指标 [0-9,]+ 行，1,969 个错误，2 个警告 → ")
        #expect(screen.contains(final), "\(screen.debugDescription)")
        #expect(r.stdout.isEmpty)
        // Not with --quiet, nor under CI.
        let quiet = try TerminalHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", drop + "-out", "--quiet"])
        #expect(
            quiet.terminal.replacingOccurrences(of: "\r\n", with: "\n") == "jiceng run：数据包有 1,969 个错误，详见 \(drop)-out/findings.json\n",
            "\(quiet.terminal.debugDescription)")
        let ci = try TerminalHarness.run(["validate", "--data", drop, "--format", "json"], environment: ["CI": "true"])
        #expect(ci.terminal.isEmpty, "\(ci.terminal.debugDescription)")
        let shown = try TerminalHarness.run(["validate", "--data", drop, "--format", "json"])
        #expect(shown.terminal.contains("已读取 3 个文件 · 1,981 行"), "\(shown.terminal.debugDescription)")
    }

    @Test("run --format json: the run result on standard output lists every output with its path and size")
    func runResult() throws {
        let drop = try BinaryHarness.temporaryFolder("result")
        try SmallDropFixture.write(to: drop)
        let out = drop + "-out"
        let r = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", out, "--format", "json"],
            environment: ["SOURCE_DATE_EPOCH": "1656633600"])
        #expect(r.status == 0, "\(r.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(result["status"] as? String == "success")
        #expect(result["exit_status"] as? Int == 0)
        #expect(result["period"] as? String == "2022Q2")
        #expect(result["generated_at"] as? String == "2022-07-01T00:00:00Z")
        let outputs = result["outputs"] as! [[String: Any]]
        let names = Set(outputs.map { $0["file"] as! String })
        #expect(
            names.isSuperset(of: [
                "indicators.csv", "indicators.json", "findings.json", "manifest.json", "quarantine.csv",
                "summary.html", "summary.md", "indicators.xlsx",
            ]), "\(names)")
        #expect(!names.contains(".jiceng-output"))
        for output in outputs {
            let path = output["path"] as! String
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
            #expect(output["bytes"] as? Int == size, "\(path)")
        }
        let findings = result["findings"] as! [String: Any]
        #expect(findings["errors"] as? Int == 5 && findings["warnings"] as? Int == 3)
        let byCode = findings["by_code"] as! [[String: Any]]
        #expect(
            byCode.contains { $0["code"] as? String == "unknown-unit" && $0["severity"] as? String == "error" && $0["count"] as? Int == 2 })
        let rows = result["rows"] as! [String: Any]
        #expect(rows["read"] as? Int == 10 + 2 + 8)
        let csvRows = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8).split(separator: "\n").count - 1
        let indicators = result["indicators"] as! [String: Any]
        #expect(indicators["rows"] as? Int == csvRows)
        #expect((indicators["by_status"] as! [String: Int]).values.reduce(0, +) == csvRows)
        let stages = (result["timings"] as! [[String: Any]]).map { $0["stage"] as! String }
        #expect(stages == ["read", "indicators", "reports", "publish"])
        #expect(r.stderr.contains("jiceng run：2022Q2 — "), "the summary stays on standard error: \(r.stderr)")

        // Refused under --strict: a failed result, no outputs, exit 1.
        let strict = try BinaryHarness.run([
            "run", "--data", drop, "--period", "2022Q2", "--out", drop + "-strict", "--format", "json", "--strict",
        ])
        #expect(strict.status == 1)
        let failed = try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as! [String: Any]
        #expect(failed["status"] as? String == "failed" && failed["exit_status"] as? Int == 1)
        #expect((failed["outputs"] as! [Any]).isEmpty)
        #expect(failed["indicators"] is NSNull)
    }

    @Test("JUnit test cases carry the file (as reached from the working folder) and the line")
    func junitFileAndLine() throws {
        let drop = try BinaryHarness.temporaryFolder("junit")
        try SmallDropFixture.write(to: drop)
        let r = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "junit"])
        #expect(r.status == 1)
        #expect(
            r.stdout.contains(
                "<testcase classname=\"requests.csv\" name=\"unique-error line 7 request_id\" file=\"\(drop)/requests.csv\" line=\"7\">"),
            "\(r.stdout)")
        // A finding about the drop as a whole has neither.
        #expect(r.stdout.contains("<testcase classname=\"drop\" name=\"missing-file\">"), "\(r.stdout)")
    }

    @Test("sample: 10,000 requests by default and one line on standard error")
    func sampleDefault() throws {
        let out = try BinaryHarness.temporaryFolder("sample") + "/drop"
        let r = try BinaryHarness.run(["sample", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("jiceng sample：已写出 6 个文件（") && r.stderr.hasSuffix("诉求 10,000 条）→ \(out)\n"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stdout.isEmpty, "\(r.stderr)")
        // The requests in the period are the ones asked for (plus a few planted before it).
        let validate = try BinaryHarness.run([
            "run", "--data", out, "--period", "2022Q2", "--out", out + "-run", "--format", "json", "--quiet",
        ])
        let result = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as! [String: Any]
        let requests = (result["inputs"] as! [[String: Any]]).filter { $0["dataset"] as? String == "requests" }
        let inPeriod = requests.reduce(0) { $0 + ($1["rows_read"] as! Int) - ($1["rows_out_of_period"] as! Int) }
        #expect(inPeriod == 10_000)
    }
}
