import Foundation
import Testing

/// What Jiceng promises when the input is hostile (README, "When things go wrong"), checked on the
/// real binary: findings and exit status 0 or 1 instead of crashes or hangs, outputs replaced
/// atomically, names escaped in every report format, personal numbers masked everywhere.
@Suite("Robustness: hostile drops through the real binary")
struct RobustnessTests {
    /// Deadline of a single validate run on a small drop (they take well under a second; a debug
    /// or sanitizer build on a loaded machine gets headroom).
    static let deadline = 20.0

    static let header = "诉求编号,受理时间,渠道,社区,街道,办理状态,办结时间,满意度"
    static let goodRow = "R1,2022-04-01,热线,金银社区,,办理中,,"

    /// One hostile `requests.csv` and what `validate` must say about it.
    enum HostileRequests: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case empty, headerOnly, nulBytes, randomBytes, cutCharacterSmall, cutCharacterLarge
        case unterminatedQuote, raggedRows, threeMegabyteField, commaLine, commaLineWithData

        var testDescription: String { rawValue }

        var bytes: [UInt8] {
            let h = RobustnessTests.header
            let row = RobustnessTests.goodRow
            switch self {
            case .empty:
                return []
            case .headerOnly:
                return Array((h + "\r\n").utf8)
            case .nulBytes:
                return [UInt8](repeating: 0, count: 4096)
            case .randomBytes:
                return RobustnessHarness.randomBytes(count: 64 << 10, seed: 20_220_426)
            case .cutCharacterSmall:
                // The whole file fits the encoding sample: cut inside 社 (E7 A4 BE) at the very end.
                return Array(Array((h + "\n" + row + "\nR2,2022-04-02,热线,金银社").utf8).dropLast(2))
            case .cutCharacterLarge:
                // Beyond the 64 KB encoding sample, so the file is UTF-8 and only the last cell is bad.
                var text = h + "\n"
                for i in 0..<3000 { text += "Q\(i),2022-04-01,热线,金银社区,,办理中,,\n" }
                return Array(Array((text + "R2,2022-04-02,热线,金银社").utf8).dropLast(2))
            case .unterminatedQuote:
                return Array((h + "\n" + row + "\nR2,2022-04-02,\"热线,金银社区,,办理中,,\nR3,2022-04-03,热线,金银社区,,办理中,,\n").utf8)
            case .raggedRows:
                return Array((h + "\nR1,2022-04-01,热线\nR2,2022-04-02,热线,金银社区,,办理中,,,x,y\n" + "R3,2022-04-03,热线,金银社区,,办理中,,\n").utf8)
            case .threeMegabyteField:
                var bytes = Array((h + "\nR1,").utf8)
                bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20)
                bytes += Array((",热线,金银社区,,办理中,,\nR2,2022-04-02,热线,金银社区,,办理中,,\n").utf8)
                return bytes
            case .commaLine:
                return Array((h + "\n" + String(repeating: ",", count: 100_000) + "\n" + row + "\n").utf8)
            case .commaLineWithData:
                return Array((h + "\nR0" + String(repeating: ",", count: 100_000) + "\n" + row + "\n").utf8)
            }
        }

        /// Finding codes of which at least one must be reported for requests.csv, with their severity.
        var expected: (codes: Set<String>, severity: String)? {
            switch self {
            case .empty: return (["empty-file"], "error")
            case .headerOnly: return (["empty-file"], "warning")
            // NUL is valid UTF-8, so the header is one unknown column today; an encoding-error
            // would be as right.
            case .nulBytes: return (["missing-column", "encoding-error"], "error")
            case .randomBytes, .cutCharacterSmall, .cutCharacterLarge: return (["encoding-error"], "error")
            case .unterminatedQuote: return (["malformed-csv"], "error")
            case .raggedRows: return (["missing-cell"], "error")
            case .threeMegabyteField: return (["field-too-large"], "error")
            // Every cell empty: a blank spreadsheet row, skipped silently however wide it is.
            case .commaLine: return nil
            case .commaLineWithData: return (["extra-cell"], "error")
            }
        }
    }

    /// Removes test folders and the hidden `.NAME.partial-PID` folders killed runs leave beside them.
    private func cleanUp(_ paths: String...) {
        let fm = FileManager.default
        for path in paths {
            try? fm.removeItem(atPath: path)
            let parent = (path as NSString).deletingLastPathComponent
            let hidden = "." + (path as NSString).lastPathComponent + ".partial-"
            for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(hidden) {
                try? fm.removeItem(atPath: parent + "/" + name)
            }
        }
    }

    private func drop(_ name: String, requests: [UInt8]) throws -> String {
        let folder = try BinaryHarness.temporaryFolder("robust-\(name)")
        try BinaryHarness.write(SmallDropFixture.units, to: folder + "/units.csv")
        try BinaryHarness.write(SmallDropFixture.grids, to: folder + "/grids.csv")
        try BinaryHarness.write(bytes: requests, to: folder + "/requests.csv")
        return folder
    }

    @Test(
        "validate ends with 0 or 1 and the expected finding, in seconds, on hostile requests files",
        arguments: HostileRequests.allCases)
    func hostileRequests(_ file: HostileRequests) throws {
        let folder = try drop(file.rawValue, requests: file.bytes)
        defer { cleanUp(folder) }
        let result = try RobustnessHarness.run(
            ["validate", "--data", folder, "--period", "2022Q2", "--format", "json"],
            timeout: Self.deadline)
        #expect(!result.timedOut, "validate did not finish within \(Self.deadline) s")
        #expect(!result.signaled, "validate died by a signal: \(result.summary)")
        #expect(result.exitedCleanly, "\(result.summary)")
        guard let doc = RobustnessHarness.FindingsJSON(result.stdout) else {
            Issue.record("stdout is not the findings JSON: \(result.stdoutText.prefix(500)) — \(result.summary)")
            return
        }
        #expect(result.status == (doc.errors > 0 ? 1 : 0), "exit status \(result.status) with \(doc.errors) errors")
        let requestFindings = doc.findings.filter { $0["file"] as? String == "requests.csv" }
        if let expected = file.expected {
            let hit = requestFindings.contains {
                expected.codes.contains($0["code"] as? String ?? "") && $0["severity"] as? String == expected.severity
            }
            #expect(
                hit,
                "expected one of \(expected.codes) (\(expected.severity)) for requests.csv, got \(requestFindings.map { "\($0["severity"] ?? "")/\($0["code"] ?? "")" })"
            )
        } else {
            #expect(requestFindings.filter { $0["severity"] as? String == "error" }.isEmpty, "\(requestFindings)")
        }
        for f in requestFindings {
            if let line = f["line"] as? Int { #expect(line >= 1, "finding at line \(line)") }
        }
        switch file {
        case .threeMegabyteField:
            // Only the oversized record is lost: the row after it is read and accepted.
            #expect(doc.errors == 1, "\(requestFindings)")
            #expect(requestFindings.first { $0["code"] as? String == "field-too-large" }?["line"] as? Int == 2)
        case .raggedRows:
            #expect(doc.has("extra-cell", severity: "error"))
            let lines = Set(requestFindings.compactMap { $0["line"] as? Int })
            #expect(lines == [2, 3], "\(requestFindings)")
        case .cutCharacterLarge:
            #expect(requestFindings.contains { $0["code"] as? String == "encoding-error" && $0["line"] as? Int == 3002 })
        case .unterminatedQuote:
            #expect(requestFindings.contains { $0["code"] as? String == "malformed-csv" && $0["line"] as? Int == 3 })
        default:
            break
        }
    }

    @Test("jiceng run on every hostile requests file exits 0 or 1 and writes complete outputs")
    func hostileRuns() throws {
        for file in HostileRequests.allCases {
            let folder = try drop("run-" + file.rawValue, requests: file.bytes)
            let out = folder + "-out"
            defer { cleanUp(folder, out) }
            let result = try RobustnessHarness.run(["run", "--data", folder, "--period", "2022Q2", "--out", out], timeout: Self.deadline)
            #expect(result.exitedCleanly, "\(file): \(result.summary)")
            for name in ["indicators.csv", "findings.json", "manifest.json", "summary.html", "summary.md"] {
                #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(file): no \(name)")
            }
        }
    }

    // MARK: Killed runs

    @Test("a run killed midway leaves the previous complete outputs, or none, never a partial folder")
    func killedRun() throws {
        let big = try BinaryHarness.temporaryFolder("robust-big")
        let sample = try RobustnessHarness.run(["sample", "--requests", "300000", "--out", big], timeout: 120)
        #expect(sample.exitedCleanly, "\(sample.summary)")
        let small = try BinaryHarness.temporaryFolder("robust-small")
        try SmallDropFixture.write(to: small)
        defer { cleanUp(big, small, small + "-fresh-out", small + "-out") }

        // No previous outputs: a killed run leaves no OUT at all.
        let fresh = small + "-fresh-out"
        let killed = try RobustnessHarness.run(["run", "--data", big, "--period", "2022Q2", "--out", fresh], timeout: 60, killAfter: 0.3)
        #expect(killed.signaled, "the run ended before the kill: \(killed.summary)")
        #expect(!FileManager.default.fileExists(atPath: fresh), "a killed first run left \(fresh)")

        // Previous complete outputs: byte-identical after kills at different moments.
        let out = small + "-out"
        let first = try RobustnessHarness.run(
            ["run", "--data", small, "--period", "2022Q2", "--out", out], timeout: Self.deadline,
            environment: ["SOURCE_DATE_EPOCH": "1656633600"])
        #expect(first.status == 0, "\(first.summary)")
        let before = RobustnessHarness.snapshot(out)
        #expect(before["indicators.csv"] != nil && before["summary.html"] != nil)
        for delay in [0.3, 1.0, 2.5] {
            let run = try RobustnessHarness.run(["run", "--data", big, "--period", "2022Q2", "--out", out], timeout: 120, killAfter: delay)
            if !run.signaled {
                // Finished before the kill (a fast machine): then the outputs are the new complete set.
                #expect(run.status == 0, "\(run.summary)")
                break
            }
            let after = RobustnessHarness.snapshot(out)
            #expect(after.keys.sorted() == before.keys.sorted(), "after a kill at \(delay) s OUT holds \(after.keys.sorted())")
            for (name, bytes) in before {
                #expect(after[name] == bytes, "\(name) changed by a run killed at \(delay) s")
            }
        }
    }

    @Test("no room for temporary files: exit 2 with an io-failure naming the folder, and no OUT")
    func noTemporaryFolder() throws {
        // 300,000 requests: more unique keys than the index keeps in memory, so it must spill.
        let big = try BinaryHarness.temporaryFolder("robust-tmp")
        let sample = try RobustnessHarness.run(["sample", "--requests", "300000", "--out", big], timeout: 120)
        #expect(sample.exitedCleanly, "\(sample.summary)")
        defer { cleanUp(big, big + "-out") }
        let missing = "/nonexistent-jiceng-tmp"
        for command in [
            ["validate", "--data", big, "--period", "2022"], ["run", "--data", big, "--period", "2022", "--out", big + "-out"],
        ] {
            let result = try RobustnessHarness.run(command, timeout: 120, environment: ["TMPDIR": missing])
            #expect(result.status == 2 && !result.signaled, "\(command[0]): \(result.summary)")
            #expect(result.stderrText.contains("io-failure") && result.stderrText.contains(missing), "\(command[0]): \(result.summary)")
        }
        #expect(!FileManager.default.fileExists(atPath: big + "-out"))
    }

    // MARK: Hostile names

    static let scriptName = "<script>alert(1)</script>"
    static let pipeName = "管道|区\n第二行"
    static let formulaName = "=HYPERLINK(\"x\")"
    static let imageName = "<img src=x onerror=alert(2)>"

    @Test("hostile unit names are escaped in summary.html and summary.md and kept as text in indicators.csv")
    func hostileNames() throws {
        let folder = try BinaryHarness.temporaryFolder("robust-names")
        let units = [
            ["unit_id", "name", "level", "parent_id", "aliases"],
            ["C", Self.scriptName, "city", "", ""],
            ["D", Self.pipeName, "district", "C", ""],
            ["S1", Self.formulaName, "street", "D", ""],
            ["S2", "普通街道", "street", "D", ""],
            ["K1", Self.imageName, "community", "S1", ""],
            ["K2", "金银社区", "community", "S2", ""],
        ]
        try BinaryHarness.write(units.map(csvRecord).joined(separator: "\n") + "\n", to: folder + "/units.csv")
        try BinaryHarness.write(
            """
            request_id,received_at,channel,unit_id,status,closed_at,satisfaction
            R1,2022-04-01,hotline,K1,resolved,2022-04-03,satisfied
            R2,2022-04-02,hotline,K2,open,,
            R3,2022-04-02,hotline,S1,in_progress,,

            """, to: folder + "/requests.csv")
        let out = folder + "-out"
        let result = try RobustnessHarness.run(["run", "--data", folder, "--period", "2022Q2", "--out", out], timeout: Self.deadline)
        #expect(result.status == 0, "\(result.summary)")

        // HTML: no markup from the data survives; the names are there as escaped text.
        let html = try String(contentsOfFile: out + "/summary.html", encoding: .utf8)
        #expect(!html.contains("<script>alert"), "raw <script> from a unit name in summary.html")
        #expect(!html.contains("<img src=x"), "raw <img> from a unit name in summary.html")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("管道|区"))
        #expect(!html.contains("=HYPERLINK(\"x\")\""), "a quote of a name closes an attribute in summary.html")

        // Markdown: no raw HTML, pipes escaped, the line break inside the name does not break a row,
        // and every table row has as many cells as its header.
        let md = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        // Markdown renders inline HTML: a `<` from the data must be escaped (`\<` or `&lt;`).
        #expect(!hasUnescapedTag("<script", in: md), "raw <script> in summary.md (Markdown renders HTML)")
        #expect(!hasUnescapedTag("<img", in: md), "raw <img> in summary.md")
        #expect(md.contains("alert(1)"), "the script-named unit is missing from summary.md")
        let lines = md.components(separatedBy: "\n")
        let pipeLines = lines.filter { $0.contains("管道") }
        #expect(!pipeLines.isEmpty, "the pipe-named unit is missing from summary.md")
        for line in pipeLines {
            #expect(line.contains("管道\\|区"), "unescaped | in: \(line)")
            #expect(line.contains("第二行"), "the name's line break split the line: \(line)")
        }
        #expect(!lines.contains { $0.hasPrefix("第二行") }, "a line of summary.md starts with the second line of a name")
        var expectedCells: Int?
        for line in lines {
            guard line.hasPrefix("|") else {
                expectedCells = nil
                continue
            }
            let cells = unescapedPipes(line)
            if let expectedCells {
                #expect(cells == expectedCells, "table row with \(cells) separators, header has \(expectedCells): \(line)")
            } else {
                expectedCells = cells
            }
        }

        // indicators.csv: RFC 4180, so a parser gets the names back exactly, as text.
        let csvText = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        #expect(csvText.contains("\"=HYPERLINK(\"\"x\"\")\""), "the formula-like name is not quoted with doubled quotes")
        #expect(csvText.contains("\"管道|区\n第二行\""), "the name with a line break is not quoted")
        let records = parseCSV(csvText)
        #expect(records.first?.count == 11)
        for record in records { #expect(record.count == 11, "record with \(record.count) fields: \(record)") }
        let names = Set(records.dropFirst().map { $0[2] })
        for name in [Self.scriptName, Self.pipeName, Self.formulaName, Self.imageName] {
            #expect(names.contains(name), "\(name.debugDescription) not found as a unit_name in indicators.csv")
        }
    }

    private func csvRecord(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }

    /// Whether `tag` occurs in `text` without a backslash before its `<`.
    private func hasUnescapedTag(_ tag: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: tag, range: searchRange) {
            if found.lowerBound == text.startIndex || text[text.index(before: found.lowerBound)] != "\\" { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    private func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for c in line {
            if escaped {
                escaped = false
                continue
            }
            if c == "\\" {
                escaped = true
                continue
            }
            if c == "|" { count += 1 }
        }
        return count
    }

    /// A strict RFC 4180 reader (LF or CRLF records), for checking Jiceng's writer independently.
    private func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                record.append(field)
                field = ""
                records.append(record)
                record = []
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    // MARK: Personal data

    static let mobile = "13812345678"
    static let idCard = "42010119800101123X"
    static let mobileMasked = "138****5678"
    static let idCardMasked = "420101********123X"

    @Test("planted mobile and ID-card numbers appear only masked in findings, quarantine, reports and logs")
    func personalDataMasked() throws {
        let folder = try BinaryHarness.temporaryFolder("robust-pii")
        try BinaryHarness.write(SmallDropFixture.units, to: folder + "/units.csv")
        let m = Self.mobile
        let id = Self.idCard
        // Each row puts the numbers where a finding, a quarantine line or a report could echo them.
        try BinaryHarness.write(
            """
            request_id,received_at,channel,community,category,status,closed_at,satisfaction
            P1,2022-04-01,热线,\(m),来电 \(m),办理中,,
            P2,2022-04-01,热线,金银社区,身份证 \(id),已办结,\(m),\(id)
            \(id),2022-04-01,\(m),金银社区,,办理中,,
            \(id),2022-04-02,热线,金银社区,,办理中,,
            P5,2022-04-01,热线,"金银"\(m),,办理中,,
            P6,\(m),热线,金银社区,\(m),办理中,,
            P7,2022-04-01,热线,栗田湖社区,,\(id),,
            P8,2022-04-01,热线,栗田湖社区,\(m),办理中,,\(m)

            """, to: folder + "/requests.csv")
        // A file whose header row is missing: its first record (with the numbers) becomes the header.
        try BinaryHarness.write(
            "P9,2022-04-01,热线,\(m),\(id),办理中,,\nP10,2022-04-01,热线,金银社区,,办理中,,\n",
            to: folder + "/requests-headerless.csv")
        let out = folder + "-out"
        var texts: [(String, String)] = []
        let run = try RobustnessHarness.run(["run", "--data", folder, "--period", "2022Q2", "--out", out], timeout: Self.deadline)
        #expect(run.exitedCleanly, "\(run.summary)")
        texts.append(("run stderr", run.stderrText))
        texts.append(("run stdout", run.stdoutText))
        for name in ["findings.json", "quarantine.csv", "summary.html", "summary.md", "indicators.csv", "manifest.json"] {
            let path = out + "/" + name
            #expect(FileManager.default.fileExists(atPath: path), "no \(name)")
            texts.append((name, (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""))
        }
        // --strict prints every finding to stderr; validate prints them to stdout in each format.
        let strict = try RobustnessHarness.run(
            ["run", "--data", folder, "--period", "2022Q2", "--out", out + "-strict", "--strict"],
            timeout: Self.deadline)
        #expect(strict.exitedCleanly, "\(strict.summary)")
        texts.append(("run --strict stderr", strict.stderrText))
        for format in ["text", "json", "junit", "github"] {
            let v = try RobustnessHarness.run(
                ["validate", "--data", folder, "--period", "2022Q2", "--format", format], timeout: Self.deadline)
            #expect(v.status == 1, "\(v.summary)")
            texts.append(("validate --format \(format) stdout", v.stdoutText))
            texts.append(("validate --format \(format) stderr", v.stderrText))
        }
        for (what, text) in texts {
            #expect(!text.contains(m), "the mobile number appears in full in \(what)")
            #expect(!text.contains(id), "the ID-card number appears in full in \(what)")
            #expect(!text.contains(String(id.dropLast())), "the ID-card digits appear in full in \(what)")
        }
        // The values are reported, masked (so the checks above are not vacuous).
        let findings = texts.first { $0.0 == "findings.json" }!.1
        #expect(findings.contains(Self.mobileMasked), "no masked mobile number in findings.json")
        #expect(findings.contains(Self.idCardMasked), "no masked ID-card number in findings.json")
        let quarantine = texts.first { $0.0 == "quarantine.csv" }!.1
        #expect(quarantine.contains(Self.mobileMasked), "no masked mobile number in quarantine.csv")
        #expect(quarantine.contains(Self.idCardMasked), "no masked ID-card number in quarantine.csv")
    }
}
