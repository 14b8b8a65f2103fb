import Foundation
import GRDB
import Testing

/// `jiceng run --history`, `jiceng history list` and `jiceng history export` (contract §8),
/// through the real binary.
@Suite("History store and year-to-date, through the real binary")
struct HistoryBinaryTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1656633600"]
    static let ytdHeader =
        "period,unit_id,unit_name,level,indicator,value,numerator,denominator,target,comparator,pace_target,completion,status"
    static let csvHeader = "period,unit_id,unit_name,level,indicator,value,numerator,denominator,target,comparator,status"

    /// A work folder with the three quarterly drops of `HistoryDropFixture` and its targets file.
    struct Work {
        let root: String
        var store: String { root + "/history.sqlite" }
        var targets: String { root + "/targets.csv.txt" }
        func drop(_ q: Int) -> String { root + "/drop-Q\(q)" }
        func out(_ name: String) -> String { root + "/out-" + name }

        init(_ name: String) throws {
            root = try BinaryHarness.temporaryFolder("history-" + name)
            for q in 1...3 { try HistoryDropFixture.write(quarter: q, to: root + "/drop-Q\(q)") }
            try BinaryHarness.write(HistoryDropFixture.targets, to: root + "/targets.csv.txt")
        }

        /// `jiceng run` of quarter `q`'s drop for `period` (default 2022Qq) into out-`name`.
        @discardableResult
        func run(
            _ q: Int, period: String? = nil, out name: String? = nil, history: String? = nil, drop: String? = nil,
            environment: [String: String] = [:]
        ) throws -> BinaryHarness.Result {
            var arguments = [
                "run", "--data", drop ?? self.drop(q), "--period", period ?? "2022Q\(q)", "--out", out(name ?? "Q\(q)"),
                "--targets", targets, "--lang", "en",
            ]
            if let history { arguments += ["--history", history] }
            return try BinaryHarness.run(arguments, environment: HistoryBinaryTests.epoch.merging(environment) { _, b in b })
        }

        func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
        func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
    }

    /// Rows of a CSV keyed by "unit_id/indicator" (no field of these fixtures holds a comma).
    static func rows(_ csv: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            out[f[1] + "/" + f[4]] = String(line)
        }
        return out
    }

    static func integrityCheck(_ path: String) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
    }

    static func waitForFile(_ path: String, process: Process) throws {
        // A guard against a hang, not a timing: the file appears as soon as the run gets there.
        let deadline = Date().addingTimeInterval(300)
        while !FileManager.default.fileExists(atPath: path) {
            guard process.isRunning, Date() < deadline else { throw CocoaError(.fileNoSuchFile) }
            usleep(20_000)
        }
    }

    @Test("year-to-date through 2022Q3: flows summed, stocks from Q3, linear and none targets, most specific target, warning band")
    func yearToDate() throws {
        let work = try Work("ytd")
        for q in 1...3 {
            let r = try work.run(q, history: work.store)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let csv = try work.text(work.out("Q3") + "/indicators_ytd.csv")
        #expect(csv.hasPrefix(HistoryBinaryTests.ytdHeader + "\n"))
        #expect(!csv.contains("\r") && csv.hasSuffix("\n"))
        let r = HistoryBinaryTests.rows(csv)
        // Flows: requests received 3 + 2 + 4 = 9, resolved 2 + 1 + 3 = 6, services 3 + 2 + 4 = 9.
        // Stocks from Q3 only: residents 1200 + 2400 = 3600 (not 3000 + 3300 + 3600), 2 grids,
        // both with a branch (Q1 and Q2 had 1 of 2).
        #expect(r["C/requests_received"] == "2022Q3,C,某市,city,requests_received,9,,,,,,,no_target")
        #expect(r["C/services_delivered"] == "2022Q3,C,某市,city,services_delivered,9,,,,,,,no_target")
        #expect(r["C/residents"] == "2022Q3,C,某市,city,residents,3600,,,,,,,no_target")
        #expect(r["C/grids"] == "2022Q3,C,某市,city,grids,2,,,,,,,no_target")
        #expect(r["C/grid_party_branch_coverage"] == "2022Q3,C,某市,city,grid_party_branch_coverage,1,2,2,1,>=,1,,met")
        // Ratio of a flow over a stock: 9 services × 1000 / 3600 residents = 2.5; linear target 4 →
        // pace 4 × 3 / 4 = 3; 2.5 misses it by 0.5, within the warning margin 1; completion 2.5 / 4.
        #expect(r["C/services_per_1000_residents"] == "2022Q3,C,某市,city,services_per_1000_residents,2.5,9,3600,4,>=,3,0.625,warning")
        // S1: 7 services (3 in Q1 and 4 in Q3 at G1) / 1200 → 5.833333 ≥ 3: met; 5.833333 / 4 = 1.458333.
        #expect(
            r["S1/services_per_1000_residents"] == "2022Q3,S1,一街道,street,services_per_1000_residents,5.833333,7,1200,4,>=,3,1.458333,met")
        // S2: 2 / 2400 → 0.833333 < 3 − 1: missed; completion 0.208333.
        #expect(
            r["S2/services_per_1000_residents"] == "2022Q3,S2,二街道,street,services_per_1000_residents,0.833333,2,2400,4,>=,3,0.208333,missed"
        )
        // K3 has no residents: no value, no completion, no_data.
        #expect(r["K3/services_per_1000_residents"] == "2022Q3,K3,丙社区,community,services_per_1000_residents,,0,0,4,>=,3,,no_data")
        // A none target: pace = target, no completion. C resolved 6 of 9 = 0.666667 ≥ 0.7 − 0.05: warning.
        #expect(r["C/resolution_rate"] == "2022Q3,C,某市,city,resolution_rate,0.666667,6,9,0.7,>=,0.7,,warning")
        // S1: R1, R4, R9 resolved of R1, R2, R4, R8, R9 = 0.6 < 0.65: missed.
        #expect(r["S1/resolution_rate"] == "2022Q3,S1,一街道,street,resolution_rate,0.6,3,5,0.7,>=,0.7,,missed")
        // S2's own target (0.8, margin 0.02) beats the any-level one: 3 / 4 = 0.75 < 0.78: missed.
        #expect(r["S2/resolution_rate"] == "2022Q3,S2,二街道,street,resolution_rate,0.75,3,4,0.8,>=,0.8,,missed")
        // The community-level target 0.5 beats the any-level 0.7: K1 0.6 met (it would miss 0.7).
        #expect(r["K1/resolution_rate"] == "2022Q3,K1,甲社区,community,resolution_rate,0.6,3,5,0.5,>=,0.5,,met")
        #expect(r["K3/resolution_rate"] == "2022Q3,K3,丙社区,community,resolution_rate,,0,0,0.5,>=,0.5,,no_data")
        // A grid falls back to the any-level target: G1 resolved R1, R4 of R1, R2, R4 = 0.666667.
        #expect(r["G1/resolution_rate"] == "2022Q3,G1,一网格,grid,resolution_rate,0.666667,2,3,0.7,>=,0.7,,warning")
        // A linear count target for streets: 6 a year → pace 4.5 after three quarters.
        // S1 received 2 + 1 + 2 = 5: met, completion 5 / 6; S2 1 + 1 + 2 = 4 ≥ 4.5 − 1: warning.
        #expect(r["S1/requests_received"] == "2022Q3,S1,一街道,street,requests_received,5,,,6,>=,4.5,0.833333,met")
        #expect(r["S2/requests_received"] == "2022Q3,S2,二街道,street,requests_received,4,,,6,>=,4.5,0.666667,warning")
        // One row per unit and indicator, sorted by unit_id then indicator.
        let quarterRows = try work.text(work.out("Q3") + "/indicators.csv").split(separator: "\n").count
        let lines = csv.split(separator: "\n").dropFirst()
        #expect(lines.count == quarterRows - 1)
        let keys = lines.map { l -> [String] in
            let f = l.split(separator: ",", omittingEmptySubsequences: false)
            return [String(f[1]), String(f[4])]
        }
        #expect(
            keys
                == keys.sorted {
                    $0[0] != $1[0] ? $0[0].utf8.lexicographicallyPrecedes($1[0].utf8) : $0[1].utf8.lexicographicallyPrecedes($1[1].utf8)
                })

        // After two quarters: 3 + 2 services / (1100 + 2200) residents × 1000 = 1.515152; pace 2,
        // warning; Q2 grids had one branch of two: coverage 0.5, missed.
        let q2 = HistoryBinaryTests.rows(try work.text(work.out("Q2") + "/indicators_ytd.csv"))
        #expect(
            q2["C/services_per_1000_residents"] == "2022Q2,C,某市,city,services_per_1000_residents,1.515152,5,3300,4,>=,2,0.378788,warning")
        #expect(q2["C/grid_party_branch_coverage"] == "2022Q2,C,某市,city,grid_party_branch_coverage,0.5,1,2,1,>=,1,,missed")
        // After one quarter: 3 / 3000 × 1000 = 1 against a pace of 1: met, a quarter of the year.
        let q1 = HistoryBinaryTests.rows(try work.text(work.out("Q1") + "/indicators_ytd.csv"))
        #expect(q1["C/services_per_1000_residents"] == "2022Q1,C,某市,city,services_per_1000_residents,1,3,3000,4,>=,1,0.25,met")
    }

    @Test("a missing quarter: no indicators_ytd.csv and a history-gap warning naming it")
    func gap() throws {
        let work = try Work("gap")
        #expect(try work.run(1, history: work.store).status == 0)
        let r = try work.run(3, history: work.store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.out("Q3") + "/indicators_ytd.csv"))
        let findings = try work.text(work.out("Q3") + "/findings.json")
        let line = findings.split(separator: "\n").first { $0.contains("\"history-gap\"") }.map(String.init) ?? ""
        #expect(line.contains("\"severity\": \"warning\""), "\(findings)")
        #expect(line.contains("\"value\": \"2022Q2\""))
        #expect(line.contains("missing: 2022Q2"))
        // Counted: the drop's four warnings (no property_companies file; no file has the columns
        // satisfaction, building_party_groups, party_member_households, whose indicators are left
        // out) and the gap.
        #expect(findings.contains("\"warnings\": 5"))
        #expect(r.stderr.contains("history-gap") && r.stderr.contains("2022Q2"))
        #expect(r.stderr.contains("5 warnings"))
        // The run itself is recorded all the same; once Q2 is, Q3 has its year-to-date.
        #expect(try work.run(2, history: work.store).status == 0)
        #expect(try work.run(3, history: work.store).status == 0)
        #expect(FileManager.default.fileExists(atPath: work.out("Q3") + "/indicators_ytd.csv"))
    }

    @Test("history export gives each period's rows byte for byte as its run's indicators.csv; list names periods and SHA-256")
    func exportAndList() throws {
        let work = try Work("export")
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleData").path
        for p in ["2022Q2", "2022Q1"] {  // recorded out of order: export orders by period
            let r = try BinaryHarness.run(
                ["run", "--data", sample + "/" + p, "--period", p, "--out", work.out(p), "--history", work.store],
                environment: HistoryBinaryTests.epoch)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let q1 = try work.text(work.out("2022Q1") + "/indicators.csv")
        let q2 = try work.text(work.out("2022Q2") + "/indicators.csv")
        let export = try BinaryHarness.run(["history", "export", "--history", work.store])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == q1 + q2.split(separator: "\n", maxSplits: 1)[1] + "", "export differs from the runs' indicators.csv")
        #expect(export.stdout.hasPrefix(HistoryBinaryTests.csvHeader + "\n"))
        // Selections.
        let onlyQ2 = try BinaryHarness.run(["history", "export", "--history", work.store, "--from", "2022Q2"])
        #expect(onlyQ2.stdout == q2)
        let onlyQ1 = try BinaryHarness.run(["history", "export", "--history", work.store, "--to", "2022Q1", "--pipeline", "standard"])
        #expect(onlyQ1.stdout == q1)
        let year = try BinaryHarness.run(["history", "export", "--history", work.store, "--from", "2022", "--to", "2022"])
        #expect(year.stdout == export.stdout)
        let none = try BinaryHarness.run(["history", "export", "--history", work.store, "--pipeline", "other"])
        #expect(none.stdout == HistoryBinaryTests.csvHeader + "\n")
        // The list: both periods with the inputs' SHA-256 as in manifest.json.
        let list = try BinaryHarness.run(["history", "list", "--history", work.store, "--lang", "en"])
        #expect(list.status == 0)
        let manifest = try work.text(work.out("2022Q1") + "/manifest.json")
        let shas = manifest.split(separator: "\n").filter { $0.contains("\"sha256\"") }.map {
            $0.split(separator: "\"").map(String.init).first { $0.count == 64 } ?? ""
        }
        #expect(shas.count == 6)
        for sha in shas { #expect(list.stdout.contains(sha), "\(sha)") }
        #expect(list.stdout.contains("standard  2022Q1  recorded 2022-07-01T00:00:00Z"), "\(list.stdout)")
        #expect(list.stdout.contains("standard  2022Q2  recorded 2022-07-01T00:00:00Z"))
        #expect(list.stdout.range(of: "2022Q1")!.lowerBound < list.stdout.range(of: "2022Q2")!.lowerBound)
        // Recording changes nothing else but the reports, which show the year: the other files equal
        // a run without a store, byte for byte.
        let plain = work.out("plain")
        #expect(
            try BinaryHarness.run(
                ["run", "--data", sample + "/2022Q1", "--period", "2022Q1", "--out", plain],
                environment: HistoryBinaryTests.epoch
            ).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: work.out("2022Q1")).sorted()
        #expect(names.filter { $0 != "indicators_ytd.csv" } == (try FileManager.default.contentsOfDirectory(atPath: plain).sorted()))
        // The marker lists every file of its folder: the same list plus the year-to-date file.
        let reports: Set<String> = ["summary.html", "summary.md", "indicators.xlsx"]
        for name in names where name != "indicators_ytd.csv" && name != ".jiceng-output" && !reports.contains(name) {
            #expect(work.bytes(work.out("2022Q1") + "/" + name) == work.bytes(plain + "/" + name), "\(name)")
        }
        #expect(try work.text(work.out("2022Q1") + "/summary.md").contains("年度累计"))
        #expect(!(try work.text(plain + "/summary.md")).contains("年度累计"))
        let marker = String(decoding: work.bytes(work.out("2022Q1") + "/.jiceng-output") ?? Data(), as: UTF8.self)
        #expect(marker.contains("indicators_ytd.csv"))
        #expect(!String(decoding: work.bytes(plain + "/.jiceng-output") ?? Data(), as: UTF8.self).contains("indicators_ytd.csv"))
        // One file: the WAL is folded back when the last connection closes.
        #expect(!FileManager.default.fileExists(atPath: work.store + "-wal"))
    }

    @Test("recording a period again replaces it: export shows the new rows only")
    func replacement() throws {
        let work = try Work("replace")
        #expect(try work.run(1, history: work.store).status == 0)
        #expect(try work.run(2, history: work.store).status == 0)
        let oldQ2 = try work.text(work.out("Q2") + "/indicators.csv")
        // A corrected Q2 drop: one more resolved request at G1.
        try HistoryDropFixture.write(quarter: 2, to: work.drop(2), extraRequest: true)
        let r = try work.run(2, out: "Q2-again", history: work.store)
        #expect(r.status == 0, "\(r.stderr)")
        let newQ2 = try work.text(work.out("Q2-again") + "/indicators.csv")
        #expect(newQ2 != oldQ2)
        let q1 = try work.text(work.out("Q1") + "/indicators.csv")
        let export = try BinaryHarness.run(["history", "export", "--history", work.store])
        #expect(export.stdout == q1 + newQ2.split(separator: "\n", maxSplits: 1)[1])
        let list = try BinaryHarness.run(["history", "list", "--history", work.store, "--lang", "en"])
        #expect(list.stdout.components(separatedBy: "2022Q2").count == 2, "\(list.stdout)")
        // The year-to-date uses the new Q2: requests at C 3 + 3 = 6.
        let ytd = HistoryBinaryTests.rows(try work.text(work.out("Q2-again") + "/indicators_ytd.csv"))
        #expect(ytd["C/requests_received"] == "2022Q2,C,某市,city,requests_received,6,,,,,,,no_target")
    }

    @Test("a year run records the year and writes no year-to-date file; JICENG_HISTORY names the store")
    func yearRunAndEnvironment() throws {
        let work = try Work("year")
        let r = try work.run(1, period: "2022", out: "year", environment: ["JICENG_HISTORY": work.store])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.out("year") + "/indicators_ytd.csv"))
        #expect(!(try work.text(work.out("year") + "/findings.json")).contains("history-gap"))
        let list = try BinaryHarness.run(["history", "list", "--lang", "en"], environment: ["JICENG_HISTORY": work.store])
        #expect(list.stdout.contains("standard  2022  recorded"), "\(list.stdout)")
    }

    @Test("two runs recording into one store at the same time both succeed")
    func concurrentRecording() throws {
        let work = try Work("concurrent")
        let pauseA = work.root + "/pause-a"
        let pauseB = work.root + "/pause-b"
        try FileManager.default.createDirectory(atPath: pauseA, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: pauseB, withIntermediateDirectories: true)
        try BinaryHarness.write("", to: pauseB + "/release")  // B never pauses inside
        func start(_ q: Int, pause: String) throws -> (Process, PipeDrain, PipeDrain) {
            let (p, out, err) = BinaryHarness.prepare(
                ["run", "--data", work.drop(q), "--period", "2022Q\(q)", "--out", work.out("Q\(q)"), "--history", work.store],
                environment: ["JICENG_TEST_HISTORY_PAUSE": pause])
            try p.run()
            return (p, PipeDrain(out), PipeDrain(err))
        }
        // A holds the store's write lock inside its recording transaction …
        let (a, _, aErr) = try start(1, pause: pauseA)
        try HistoryBinaryTests.waitForFile(pauseA + "/inside-\(a.processIdentifier)", process: a)
        // … while B computes its quarter and comes to record (it then waits for the lock) …
        let (b, _, bErr) = try start(2, pause: pauseB)
        try HistoryBinaryTests.waitForFile(pauseB + "/begin-\(b.processIdentifier)", process: b)
        // … and A is let go.
        try BinaryHarness.write("", to: pauseA + "/release")
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0, "\(String(decoding: aErr.data(), as: UTF8.self))")
        #expect(b.terminationStatus == 0, "\(String(decoding: bErr.data(), as: UTF8.self))")
        #expect(try HistoryBinaryTests.integrityCheck(work.store) == "ok")
        let export = try BinaryHarness.run(["history", "export", "--history", work.store])
        let periods = Set(export.stdout.split(separator: "\n").dropFirst().map { $0.prefix(6) })
        #expect(periods == ["2022Q1", "2022Q2"])
        // B, recording last, found both quarters: its year-to-date file is there.
        #expect(FileManager.default.fileExists(atPath: work.out("Q2") + "/indicators_ytd.csv"))
    }

    @Test("a run killed inside its recording transaction leaves the store as it was")
    func killedWhileRecording() throws {
        let work = try Work("kill")
        #expect(try work.run(1, history: work.store).status == 0)
        let before = try BinaryHarness.run(["history", "export", "--history", work.store])
        let listBefore = try BinaryHarness.run(["history", "list", "--history", work.store])
        // A corrected Q1 drop, recorded by a run that is killed before it commits.
        try HistoryDropFixture.write(quarter: 1, to: work.drop(1), extraRequest: true)
        let pause = work.root + "/pause"
        try FileManager.default.createDirectory(atPath: pause, withIntermediateDirectories: true)
        let (p, out, err) = BinaryHarness.prepare(
            ["run", "--data", work.drop(1), "--period", "2022Q1", "--out", work.out("killed"), "--history", work.store],
            environment: ["JICENG_TEST_HISTORY_PAUSE": pause])
        try p.run()
        let drains = (PipeDrain(out), PipeDrain(err))
        try HistoryBinaryTests.waitForFile(pause + "/inside-\(p.processIdentifier)", process: p)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        _ = drains.0.data()
        _ = drains.1.data()
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(!FileManager.default.fileExists(atPath: work.out("killed")))
        #expect(try HistoryBinaryTests.integrityCheck(work.store) == "ok")
        #expect(try BinaryHarness.run(["history", "export", "--history", work.store]).stdout == before.stdout)
        #expect(try BinaryHarness.run(["history", "list", "--history", work.store]).stdout == listBefore.stdout)
        // The store takes the next recording.
        let r = try work.run(1, out: "again", history: work.store)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            try BinaryHarness.run(["history", "export", "--history", work.store]).stdout
                == (try work.text(work.out("again") + "/indicators.csv")))
    }

    @Test(
        "a file that is not a Jiceng store, or of a newer schema: exit 2 naming it, its bytes unchanged, no outputs",
        arguments: ["foreign-sqlite", "text", "truncated", "newer-schema"])
    func notAStore(kind: String) throws {
        let work = try Work("bad-" + kind)
        let path = work.root + "/bad.sqlite"
        switch kind {
        case "foreign-sqlite":
            let queue = try DatabaseQueue(path: path)
            try queue.write {
                try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me')")
            }
            try queue.close()
        case "text":
            try BinaryHarness.write("period,value\n2022Q1,1\n", to: path)
        case "truncated", "newer-schema":
            #expect(try work.run(1, history: path).status == 0)
            if kind == "truncated" {
                let data = try #require(work.bytes(path))
                try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            } else {
                let queue = try DatabaseQueue(path: path)
                try queue.write { try $0.execute(sql: "UPDATE jiceng_meta SET value = '2' WHERE key = 'schema_version'") }
                try queue.close()
            }
        default:
            Issue.record("unknown kind \(kind)")
        }
        let before = try #require(work.bytes(path))
        let r = try work.run(2, out: "bad", history: path)
        #expect(r.status == 2)
        #expect(r.stderr.contains(path), "\(r.stderr)")
        #expect(r.stderr.contains(kind == "newer-schema" ? "history-newer-schema" : "history-not-a-store"), "\(r.stderr)")
        #expect(work.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: work.out("bad")))
        let list = try BinaryHarness.run(["history", "list", "--history", path])
        #expect(list.status == 2 && list.stderr.contains(path))
        #expect(work.bytes(path) == before)
    }

    @Test("an unwritable store: exit 2 before any work, no outputs")
    func unwritable() throws {
        let work = try Work("unwritable")
        var paths = [work.root + "/no-such-folder/history.sqlite", work.out("Q1") + "-file/history.sqlite"]
        try BinaryHarness.write("a file, not a folder", to: work.out("Q1") + "-file")
        if getuid() != 0 {  // root writes into read-only folders anyway
            let readOnly = work.root + "/read-only"
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
            chmod(readOnly, 0o555)
            paths.append(readOnly + "/history.sqlite")
        }
        for path in paths {
            let r = try work.run(1, history: path)
            #expect(r.status == 2, "\(path): \(r.stderr)")
            #expect(r.stderr.contains("history-unwritable") && r.stderr.contains(path), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: work.out("Q1")))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // A missing store for list / export.
        let list = try BinaryHarness.run(["history", "export", "--history", work.root + "/none.sqlite"])
        #expect(list.status == 2 && list.stderr.contains("none.sqlite"))
    }
}
