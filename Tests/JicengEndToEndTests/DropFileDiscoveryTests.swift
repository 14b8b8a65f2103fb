import Foundation
import Testing

/// Issue 10, points 4–6 and 7 (stage records), through the real binary: every CSV file of a drop
/// is read or reported (contract v2 §9), the drop of another period is an error, and `ingest →
/// normalise` reports exactly what `validate` does, ragged rows included.
@Suite("files found by their header, the wrong period, ragged rows in stages")
struct DropFileDiscoveryTests {
    private static let epoch = ["SOURCE_DATE_EPOCH": "1656633600"]

    private static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    private func document(_ json: String) throws -> (errors: Int, warnings: Int, items: [[String: Any]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (object["errors"] as! Int, object["warnings"] as! Int, object["findings"] as! [[String: Any]])
    }

    private func text(_ item: [String: Any], _ key: String) -> String? { item[key] as? String }

    /// indicators.csv rows keyed by "unit_id/indicator".
    private func rows(_ path: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[f[1] + "/" + f[4]] = f
        }
        return out
    }

    // MARK: Point 4 — files recognised by their header

    @Test("misnamed files are read as the dataset their header matches, with an unknown-file warning; the rest are reported")
    func misnamedFiles() throws {
        let drop = try BinaryHarness.temporaryFolder("misnamed")
        try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
        // The issue's examples: 网格.csv (grids), 工单2022Q2.csv and request.csv (requests).
        try BinaryHarness.write(SmallDropFixture.grids, to: drop + "/网格.csv")
        try BinaryHarness.write(bytes: SmallDropFixture.requests, to: drop + "/工单2022Q2.csv")
        try BinaryHarness.write("诉求编号,受理时间,渠道,单位编码,办理状态\nR20,2022-05-01,网络,K2,办理中\n", to: drop + "/request.csv")
        // Not recognised: a header of no dataset, of two datasets, no header at all, another case.
        try BinaryHarness.write("备注,说明\n一,二\n", to: drop + "/notes.csv")
        try BinaryHarness.write(
            "request_id,received_at,channel,status,service_id,date,provider_type,category,unit_id\n", to: drop + "/both.CSV")
        try BinaryHarness.write("", to: drop + "/empty.csv")
        // Not CSV, and hidden: not part of a drop.
        try BinaryHarness.write("hello\n", to: drop + "/readme.txt")
        try BinaryHarness.write("a,b\n", to: drop + "/._requests.csv")

        let r = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json", "--lang", "en"])
        #expect(r.status == 1, "\(r.stderr)")  // the fixture's requests carry errors
        let (_, _, items) = try document(r.stdout)
        let unknown = items.filter { text($0, "code") == "unknown-file" }
        #expect(unknown.map { text($0, "file") } == ["both.CSV", "empty.csv", "notes.csv", "request.csv", "工单2022Q2.csv", "网格.csv"])
        #expect(unknown.allSatisfy { text($0, "severity") == "warning" && $0["line"] is NSNull })
        let byFile = Dictionary(uniqueKeysWithValues: unknown.map { (text($0, "file")!, $0) })
        #expect(byFile["网格.csv"].flatMap { text($0, "dataset") } == "grids")
        #expect(byFile["工单2022Q2.csv"].flatMap { text($0, "dataset") } == "requests")
        #expect(byFile["request.csv"].flatMap { text($0, "dataset") } == "requests")
        #expect(byFile["工单2022Q2.csv"].flatMap { text($0, "message") }?.contains("read as requests") == true)
        #expect(byFile["notes.csv"]?["dataset"] is NSNull)
        #expect(byFile["notes.csv"].flatMap { text($0, "message") }?.contains("not read") == true)
        #expect(byFile["both.CSV"].flatMap { text($0, "message") }?.contains("several datasets (services, requests)") == true)
        #expect(byFile["empty.csv"].flatMap { text($0, "message") }?.contains("cannot be read") == true)
        // Read as requests: the fixture's findings at their lines, in the misnamed file.
        #expect(items.contains { text($0, "code") == "unique-error" && text($0, "file") == "工单2022Q2.csv" && $0["line"] as? Int == 7 })
        // Only the datasets really absent are missing-file.
        let missing = items.filter { text($0, "code") == "missing-file" }.compactMap { text($0, "dataset") }
        #expect(missing.sorted() == ["property_companies", "services"])

        // run counts them: the fixture's 3 requests in 2022Q2 plus R20, and both grids.
        let out = drop + "-out"
        let run = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out], environment: Self.epoch)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try rows(out + "/indicators.csv")
        #expect(csv["C/requests_received"]?[5] == "4")
        #expect(csv["C/grids"]?[5] == "2")
        #expect(csv["C/residents"]?[5] == "5000")
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("工单2022Q2.csv") && manifest.contains("网格.csv") && !manifest.contains("notes.csv"))
    }

    @Test("a drop whose only requests file is misnamed no longer passes as a drop without requests")
    func misnamedOnly() throws {
        let drop = try BinaryHarness.temporaryFolder("misnamed-only")
        try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
        try BinaryHarness.write(
            "工单编号,受理时间,渠道,单位编码,办理状态\nR1,2022-04-01,热线,K1,办理中\nR2,2022-04-02,热线,K2,未知状态\n",
            to: drop + "/工单.csv")
        let r = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"])
        // Read: the bad status is found, so the gate fails.
        #expect(r.status == 1)
        let (errors, _, items) = try document(r.stdout)
        #expect(errors == 1)
        #expect(items.contains { text($0, "code") == "type-error" && text($0, "file") == "工单.csv" && $0["line"] as? Int == 3 })
        #expect(!items.contains { text($0, "code") == "missing-file" && text($0, "dataset") == "requests" })
    }

    // MARK: Point 5 — the wrong period is an error

    @Test("the drop of another quarter: one out-of-period error per dated dataset naming its dates; validate exits 1")
    func wrongQuarter() throws {
        let r = try BinaryHarness.run([
            "validate", "--data", Self.root + "/SampleData/2022Q1", "--period", "2022Q2",
            "--format", "json", "--lang", "en",
        ])
        #expect(r.status == 1)
        let (errors, warnings, items) = try document(r.stdout)
        #expect(errors == 2)
        let datasetErrors = items.filter { text($0, "severity") == "error" }
        #expect(datasetErrors.map { text($0, "code") } == ["out-of-period", "out-of-period"])
        #expect(datasetErrors.allSatisfy { $0["file"] is NSNull && $0["line"] is NSNull })
        #expect(Set(datasetErrors.compactMap { text($0, "dataset") }) == ["services", "requests"])
        let requests = try #require(datasetErrors.first { text($0, "dataset") == "requests" })
        #expect(text(requests, "column") == "received_at")
        // The span of the dates it holds: 2021-12-15 (a request received before the quarter) to 2022-03-31.
        #expect(text(requests, "value") == "2021-12-15/2022-03-31")
        #expect(text(requests, "message")?.contains("from 2021-12-15 to 2022-03-31") == true)
        // The per-row warnings stay (contract §4), listed up to the limit: every one of the drop's
        // 4,957 dated rows (1,947 + 1,968 requests and 1,042 services, counted with Python's csv
        // module over the files) lies in 2022Q1, so each is out of 2022Q2.
        #expect(warnings == 4957)
        // The right quarter: no such error.
        let right = try BinaryHarness.run([
            "validate", "--data", Self.root + "/SampleData/2022Q1", "--period", "2022Q1", "--format", "json",
        ])
        #expect(right.status == 0)
        #expect(try document(right.stdout).errors == 0)
    }

    @Test("run --strict fails on the wrong period; run leaves the dated datasets' indicators out instead of zeros")
    func wrongQuarterRun() throws {
        let base = try BinaryHarness.temporaryFolder("wrong-period")
        let strict = try BinaryHarness.run(
            [
                "run", "--data", Self.root + "/SampleData/2022Q1", "--period", "2022Q2", "--out", base + "/strict",
                "--strict",
            ], environment: Self.epoch)
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: base + "/strict"))
        let out = base + "/run"
        let run = try BinaryHarness.run(
            ["run", "--data", Self.root + "/SampleData/2022Q1", "--period", "2022Q2", "--out", out],
            environment: Self.epoch)
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try rows(out + "/indicators.csv")
        #expect(csv.keys.contains { $0.hasSuffix("/grids") })
        #expect(!csv.keys.contains { $0.hasSuffix("/requests_received") || $0.hasSuffix("/resolution_rate") })
        #expect(!csv.keys.contains { $0.hasSuffix("/services_delivered") || $0.hasSuffix("/services_per_1000_residents") })
        let manifest =
            try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: out + "/manifest.json")!) as! [String: Any]
        #expect(Set(manifest["absent_datasets"] as! [String]) == ["services", "requests"])
        // The stages agree: aggregate of normalise leaves them out too.
        #expect(
            try BinaryHarness.run([
                "normalise", "--data", Self.root + "/SampleData/2022Q1", "--period", "2022Q2",
                "--out", base + "/normalise",
            ]).status == 0)
        #expect(
            try BinaryHarness.run(["aggregate", "--in", base + "/normalise", "--out", base + "/aggregate"], environment: Self.epoch).status
                == 0)
        #expect(
            FileManager.default.contents(atPath: base + "/aggregate/indicators.csv")
                == FileManager.default.contents(atPath: out + "/indicators.csv"))
    }

    // MARK: Point 6 — ingest → normalise reports exactly what validate does

    /// A requests file with short, long, blank, malformed, oversized and otherwise odd records.
    /// Header: 8 columns. Lines:
    ///  2 R1 valid                              3 R2 4 cells: missing-cell only (status etc. absent)
    ///  4 R3 10 cells: extra-cell               5 blank: skipped
    ///  6 R4 6 cells, resolved: missing-cell + missing-value closed_at
    ///  7 10 cells, the header's 8 empty: extra-cell + missing values (not blank)
    ///  8 R5 stray quote: malformed-csv         9 R6 10 cells, an oversized 10th: extra-cell + field-too-large
    /// 10 R7 oversized community: field-too-large  11 R8 6 cells: missing-cell
    /// 12 R1 again: unique-error                13 R9 padded with spaces, valid
    /// 14 R10 "金银,社区": unknown-unit           15 R11 out of period
    /// 16–17 R12 satisfaction "多\n行": type-error 18 R13 valid
    static func raggedRequests() -> String {
        let big = String(repeating: "x", count: (1 << 20) + 10)
        return [
            "request_id,received_at,channel,community,street,status,closed_at,satisfaction",
            "R1,2022-04-01,热线,栗田湖社区,,已办结,2022-04-05,满意",
            "R2,2022-04-02,热线,金银社区",
            "R3,2022-04-03,热线,金银社区,,已办结,2022-04-04,满意,多余,更多",
            ",,,,,,,",
            "R4,2022-04-04,热线,金银社区,,已办结",
            ",,,,,,,,,X",
            "R5,2022-04-05,热线,\"ab\"c,,已办结,2022-04-06,",
            "R6,2022-04-06,热线,金银社区,,办理中,,,extra,\(big)",
            "R7,2022-04-07,热线,\(big),,办理中,,",
            "R8,2022-04-08,热线,金银社区,,办理中",
            "R1,2022-04-09,热线,金银社区,,办理中,,",
            " R9 ,2022-04-10,热线, 金银社区 ,,办理中,,",
            "R10,\"2022-04-11\",热线,\"金银,社区\",,办理中,,",
            "R11,2022-07-01,热线,金银社区,,办理中,,",
            "R12,2022-04-12,热线,金银社区,,办理中,,\"多\n行\"",
            "R13,2022-04-13,热线,金银社区,,办理中,,",
        ].joined(separator: "\n") + "\n"
    }

    /// `validate` of the drop and `normalise` of its `ingest` folder; their findings documents.
    private func bothWays(_ drop: String, period: String, name: String, maxFindings: Int = 1000) throws -> (
        validate: String, staged: String, stage: String
    ) {
        let base = try BinaryHarness.temporaryFolder(name)
        let limit = ["--max-findings", String(maxFindings)]
        let v = try BinaryHarness.run(["validate", "--data", drop, "--period", period, "--format", "json", "--lang", "en"] + limit)
        #expect(v.status == 0 || v.status == 1, "\(v.stderr)")
        let i = try BinaryHarness.run(["ingest", "--data", drop, "--out", base + "/ingest"] + limit)
        #expect(i.status == 0, "\(i.stderr)")
        let n = try BinaryHarness.run(
            ["normalise", "--data", base + "/ingest", "--period", period, "--out", base + "/normalise", "--lang", "en"] + limit)
        #expect(n.status == 0, "\(n.stderr)")
        let staged = try String(contentsOfFile: base + "/normalise/findings.json", encoding: .utf8)
        return (v.stdout, staged, base + "/ingest")
    }

    @Test("ragged, blank, malformed and oversized records: ingest → normalise gives validate's findings exactly")
    func raggedRows() throws {
        let drop = try BinaryHarness.temporaryFolder("ragged")
        try SmallDropFixture.write(to: drop, requests: false)
        try BinaryHarness.write(Self.raggedRequests(), to: drop + "/requests.csv")
        try BinaryHarness.write("诉求编号,受理时间,渠道,单位编码,办理状态\nR20,2022-05-01,网络,K2,办理中\nR21,2022-05-02\n", to: drop + "/request.csv")
        try BinaryHarness.write("备注,说明\n一,二\n", to: drop + "/notes.csv")
        try BinaryHarness.write("", to: drop + "/services.csv")
        let (validate, staged, ingest) = try bothWays(drop, period: "2022Q2", name: "ragged")
        #expect(validate == staged)
        // The planted findings are there (so that equality is not of two empty lists).
        let (_, _, items) = try document(validate)
        let seen = Set(
            items.filter { text($0, "file") == "requests.csv" }.map {
                "\(text($0, "code")!)@\(($0["line"] as? Int) ?? 0):\(text($0, "column") ?? "-")"
            })
        for expected in [
            "missing-cell@3:-", "extra-cell@4:-", "missing-cell@6:-", "missing-value@6:closed_at", "extra-cell@7:-",
            "missing-value@7:request_id", "malformed-csv@8:-", "extra-cell@9:-", "field-too-large@9:-",
            "field-too-large@10:community", "missing-cell@11:-", "unique-error@12:request_id", "unknown-unit@14:community",
            "out-of-period@15:received_at", "type-error@16:satisfaction",
        ] {
            #expect(seen.contains(expected), "\(expected) in \(seen.sorted())")
        }
        #expect(!seen.contains { $0.hasSuffix("@5:-") || $0.contains("@3:status") || $0.hasPrefix("missing-cell@9") })
        // Stage rows have the header's width, then `_cells` (when it differed) and `_line`.
        let stage = try String(contentsOfFile: ingest + "/requests.csv", encoding: .utf8)
        #expect(stage.hasPrefix("request_id,received_at,channel,community,street,status,closed_at,satisfaction,_cells,_line\n"))
        #expect(stage.contains("\nR1,2022-04-01,热线,栗田湖社区,,已办结,2022-04-05,满意,,2\n"))
        #expect(stage.contains("\nR2,2022-04-02,热线,金银社区,,,,,4,3\n"))
        #expect(stage.contains("\nR3,2022-04-03,热线,金银社区,,已办结,2022-04-04,满意,10,4\n"))
        #expect(stage.contains("\n,,,,,,,,10,7\n"))
        #expect(stage.contains("\n\" R9 \",2022-04-10,热线,\" 金银社区 \",,办理中,,,,13\n"))
        #expect(!stage.contains(",5\n") && !stage.contains("R6,"))  // the blank line and R6 are not copied
        let unknown = try String(contentsOfFile: ingest + "/request.csv", encoding: .utf8)
        #expect(unknown == "诉求编号,受理时间,渠道,单位编码,办理状态,_cells,_line\nR20,2022-05-01,网络,K2,办理中,,2\nR21,2022-05-02,,,,2,3\n")
        #expect(!FileManager.default.fileExists(atPath: ingest + "/notes.csv"))
    }

    @Test("beyond --max-findings, the same findings are listed and the same counts summarised both ways")
    func listingLimit() throws {
        let drop = try BinaryHarness.temporaryFolder("limit")
        try SmallDropFixture.write(to: drop, requests: false)
        try BinaryHarness.write(Self.raggedRequests(), to: drop + "/requests.csv")
        // Five malformed records (found by ingest) and two short ones (by normalise) in another file.
        try BinaryHarness.write(
            "request_id,received_at,channel,unit_id,status\n"
                + (1...5).map { "B\($0),2022-04-01,热线,\"K\"\($0),办理中\n" }.joined()
                + "B6,2022-04-01\nB7,2022-04-01\nB8,2022-04-02,热线,K2,办理中\n", to: drop + "/requests-b.csv")
        let (validate, staged, _) = try bothWays(drop, period: "2022Q2", name: "limit", maxFindings: 2)
        #expect(validate == staged)
        let (errors, _, items) = try document(validate)
        #expect(
            items.contains {
                text($0, "file") == "requests-b.csv" && text($0, "message") == "3 more malformed-csv findings in this file are not listed"
            })
        #expect(
            items.contains {
                text($0, "file") == "requests.csv" && text($0, "message") == "1 more extra-cell findings in this file are not listed"
            })
        #expect(errors == 17 + 7)  // the ragged file's 17 errors, and requests-b.csv's 5 malformed and 2 short records
    }

    @Test(
        "the planted-errors drop (GB18030, undecodable, duplicate and missing columns) and the wrong quarter: the same findings both ways")
    func sampleDropsBothWays() throws {
        let errors = try bothWays(Self.root + "/SampleData/errors", period: "2022Q2", name: "errors-both")
        #expect(errors.validate == errors.staged)
        #expect(try document(errors.validate).errors == 13)
        let wrong = try bothWays(Self.root + "/SampleData/2022Q1", period: "2022Q2", name: "wrong-both")
        #expect(wrong.validate == wrong.staged)
        #expect(try document(wrong.validate).errors == 2)
    }

    // MARK: Point 7 — a stage record that cannot be read is not taken for a drop

    @Test("normalise of a folder whose stage.json is corrupt, or of another stage, exits 2 naming the file")
    func corruptStageRecord() throws {
        let drop = try BinaryHarness.temporaryFolder("corrupt-stage")
        try SmallDropFixture.write(to: drop)
        let base = drop + "-stages"
        #expect(try BinaryHarness.run(["ingest", "--data", drop, "--out", base + "/ingest"]).status == 0)
        try BinaryHarness.write("{\"stage\": \"ingest\", ", to: base + "/ingest/stage.json")
        let corrupt = try BinaryHarness.run(["normalise", "--data", base + "/ingest", "--period", "2022Q2", "--out", base + "/n1"])
        #expect(corrupt.status == 2)
        #expect(corrupt.stderr.contains("stage-input-invalid") && corrupt.stderr.contains(base + "/ingest/stage.json"), "\(corrupt.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base + "/n1"))
        // A normalise folder is not a drop either.
        #expect(try BinaryHarness.run(["normalise", "--data", drop, "--period", "2022Q2", "--out", base + "/n2"]).status == 0)
        let twice = try BinaryHarness.run(["normalise", "--data", base + "/n2", "--period", "2022Q2", "--out", base + "/n3"])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("\(base)/n2 是 normalise 阶段的目录"), "\(twice.stderr)")
    }
}
