import Foundation
import Testing

/// `jiceng report --in RUN_OUT --history FILE` (issue 11): re-rendering a run folder with the
/// year read from a history store, through the real binary.
@Suite("report --history, through the real binary")
struct ReportHistoryBinaryTests {
    typealias Work = HistoryBinaryTests.Work

    func report(_ work: Work, in folder: String, out name: String, history: String?) throws -> BinaryHarness.Result {
        var arguments = ["report", "--in", folder, "--out", work.out(name), "--targets", work.targets, "--lang", "en"]
        if let history { arguments += ["--history", history] }
        return try BinaryHarness.run(arguments, environment: HistoryBinaryTests.epoch)
    }

    @Test("re-rendered with the store, a run folder's reports and year-to-date table come out as the run wrote them")
    func sameAsRun() throws {
        let work = try Work("report-history")
        for q in 1...3 {
            let r = try work.run(q, history: work.store)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let r = try report(work, in: work.out("Q3"), out: "again", history: work.store)
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["indicators_ytd.csv", "summary.html", "summary.md", "indicators.xlsx", "indicators.csv", "findings.json"] {
            #expect(work.bytes(work.out("again") + "/" + name) == work.bytes(work.out("Q3") + "/" + name), "\(name) differs")
        }
        let md = try work.text(work.out("again") + "/summary.md")
        // The city's resolution: Q1 2 of 3, Q2 1 of 2, Q3 3 of 4; year to date 6 of 9.
        #expect(md.contains("- Resolution rate: 2022Q1 66.67% → 2022Q2 50.00% → 2022Q3 75.00%"))
        #expect(md.contains("| Resolution rate | 66.67% | ≥ 70.00% | — | — | 🟡 warning | ↑ 25.00 pp | — |"))
        #expect(md.contains("## 3. Behind the year's pace"))
        let html = try work.text(work.out("again") + "/summary.html")
        #expect(html.contains("<span class=\"chg chg-good\" title=\"2022Q2 50.00%\">vs prev. qtr ↑ 25.00 pp</span>"))
        #expect(html.contains("class=\"spark\""))
    }

    @Test("without --history the same folder re-renders without the year, and writes no year-to-date table")
    func withoutHistory() throws {
        let work = try Work("report-no-history")
        for q in 1...2 { #expect(try work.run(q, history: work.store).status == 0) }
        let r = try report(work, in: work.out("Q2"), out: "plain", history: nil)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.out("plain") + "/indicators_ytd.csv"))
        let html = try work.text(work.out("plain") + "/summary.html")
        #expect(!html.contains("kpi-year") && !html.contains("id=\"pace\""))
        // The same as a run without a store.
        #expect(try work.run(2, out: "Q2-plain").status == 0)
        #expect(work.bytes(work.out("plain") + "/summary.html") == work.bytes(work.out("Q2-plain") + "/summary.html"))
        #expect(work.bytes(work.out("plain") + "/summary.md") == work.bytes(work.out("Q2-plain") + "/summary.md"))
    }

    @Test("a store without the year's first quarter: a history-gap warning, no year-to-date table, changes still shown")
    func gap() throws {
        let work = try Work("report-gap")
        for q in 1...3 { #expect(try work.run(q, history: work.store).status == 0) }
        let partial = work.root + "/partial.sqlite"
        for q in 2...3 { #expect(try work.run(q, out: "p\(q)", history: partial).status == 0) }
        let r = try report(work, in: work.out("Q3"), out: "gap", history: partial)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.out("gap") + "/indicators_ytd.csv"))
        let findings = try work.text(work.out("gap") + "/findings.json")
        #expect(findings.contains("\"code\": \"history-gap\""))
        #expect(findings.contains("\"value\": \"2022Q1\""))
        let md = try work.text(work.out("gap") + "/summary.md")
        #expect(md.contains("The history store holds no record of 2022Q1"))
        #expect(md.contains("↑ 25.00 pp"))
        // A folder that already reports the gap does not get it twice.
        let again = try report(work, in: work.out("gap"), out: "gap2", history: partial)
        #expect(again.status == 0)
        let twice = try work.text(work.out("gap2") + "/findings.json")
        #expect(twice.components(separatedBy: "\"history-gap\"").count == 2)
    }

    @Test("a store that does not exist or is not a store: exit 2 naming it, nothing written")
    func badStore() throws {
        let work = try Work("report-bad-store")
        #expect(try work.run(1).status == 0)
        let missing = work.root + "/nowhere.sqlite"
        let r = try report(work, in: work.out("Q1"), out: "x", history: missing)
        #expect(r.status == 2)
        #expect(r.stderr.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: work.out("x")))
        let text = work.root + "/notes.txt"
        try BinaryHarness.write("not a database\n", to: text)
        let bad = try report(work, in: work.out("Q1"), out: "y", history: text)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(text))
        #expect(try work.text(text) == "not a database\n")
        #expect(!FileManager.default.fileExists(atPath: work.out("y")))
    }
}
