import Foundation
import JicengCore
import JicengNormalize
import JicengPipeline
import Testing

@testable import JicengAggregate

@Suite("MeasureTotals roll-up")
struct MeasureTotalsTests {
    // Hierarchy order (parents before children), five levels:
    //   0 city ← 1 district ← 2 street ← 3 community ← 4 grid, 5 grid
    //                                  ← 6 community ← 7 grid
    //                       ← 8 street
    //          ← 9 district
    static let parents: [Int?] = [nil, 0, 1, 2, 3, 3, 2, 6, 1, 0]

    @Test("each unit ends up with its subtree's totals, rows attached at any level")
    func rollUp() {
        // Measure 0 = rows, measure 1 = a sum. Rows attached at grids 4, 5, 7, community 3,
        // street 8 and district 9.
        var t = MeasureTotals(units: 10, measures: 2)
        t[4, 0] = 2
        t[4, 1] = 10
        t[5, 0] = 1
        t[5, 1] = 7
        t[7, 0] = 4
        t[7, 1] = 1
        t[3, 0] = 1
        t[3, 1] = 100  // at the community itself
        t[8, 0] = 3
        t[8, 1] = 1000  // at the street itself
        t[9, 0] = 5
        t[9, 1] = 0
        t.rollUp(parents: Self.parents)
        // Grids keep their own: 2, 1, 4.
        #expect([t[4, 0], t[5, 0], t[7, 0]] == [2, 1, 4])
        // Community 3 = 2 + 1 + its own 1 = 4; community 6 = 4.
        #expect(t[3, 0] == 4)
        #expect(t[3, 1] == 10 + 7 + 100)
        #expect(t[6, 0] == 4)
        // Street 2 = 4 + 4 = 8; street 8 = its own 3.
        #expect(t[2, 0] == 8)
        #expect(t[8, 0] == 3)
        // District 1 = 8 + 3 = 11; district 9 = 5; city = 16.
        #expect(t[1, 0] == 11)
        #expect(t[9, 0] == 5)
        #expect(t[0, 0] == 16)
        // Sum: 10 + 7 + 1 + 100 + 1000 + 0 = 1118.
        #expect(t[0, 1] == 1118)
        #expect(t[1, 1] == 1118)
    }

    @Test("merging worker totals adds them; distinct counts are counted once over the subtree")
    func mergeAndDistinct() {
        var a = MeasureTotals(units: 3, measures: 2)
        var b = MeasureTotals(units: 3, measures: 2)
        a[2, 0] = 3
        b[2, 0] = 4
        b[1, 0] = -1
        // Measure 1 is a distinct count: grid 2 sees values {1, 2}, street 1 sees {2, 3}.
        for v: Int64 in [1, 2] { a.addDistinct(unit: 2, measure: 1, value: v, weight: 1) }
        for v: Int64 in [2, 3] { b.addDistinct(unit: 1, measure: 1, value: v, weight: 1) }
        a.add(b)
        #expect(a[2, 0] == 7)
        #expect(a[1, 0] == -1)
        a.rollUp(parents: [nil, 0, 1])
        // Unit 1 = −1 + 7 = 6, root = 6.
        #expect(a[1, 0] == 6)
        #expect(a[0, 0] == 6)
        // Distinct: grid {1, 2} → 2; street {1, 2, 3} → 3; root → 3.
        #expect(a[2, 1] == 2)
        #expect(a[1, 1] == 3)
        #expect(a[0, 1] == 3)
    }
}

@Suite("Duplicate ids across request files")
struct DuplicateTakeBackTests {
    static let header = "request_id,received_at,channel,grid_id,status,closed_at"

    @Test("later occurrences are unique-errors taken back out of the totals; the first stays, even out of period")
    func takeBack() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "requests-a.csv": [
                Self.header,
                "R1,2022-04-01,热线,G1,已解决,2022-04-05",  // line 2: counted (G1)
                "R2,2022-04-02,热线,G2,已解决,2022-04-03",  // line 3: counted (G2)
                "R3,2022-07-01,热线,G1,办理中,",  // line 4: out of period, never counted
            ],
            "requests-b.csv": [
                Self.header,
                "R1,2022-05-01,热线,G2,已解决,2022-05-30",  // line 2: duplicate of a:2, was counted → taken back
                "R3,2022-05-01,热线,G3,办理中,",  // line 3: duplicate of the out-of-period a:4 → taken back
                "R2,2022-03-01,热线,G3,已解决,2022-03-02",  // line 4: duplicate, itself out of period → nothing to take back
                "R4,2022-05-02,热线,G3,已解决,2022-05-03",  // line 5: counted (G3)
                "R4,2022-05-02,热线,G3,已解决,2022-05-03",  // line 6: duplicate within the file → taken back
            ],
        ])
        let analysis = try drop.analyze()
        // Counted: R1 at G1, R2 at G2, R4 at G3; nothing else.
        #expect(analysis.total("G1", "requests_received") == 1)
        #expect(analysis.total("G2", "requests_received") == 1)
        #expect(analysis.total("G3", "requests_received") == 1)
        #expect(analysis.total("C", "requests_received") == 3)
        // Taking back removes the row from every measure, not only the count: resolved R1, R2, R4;
        // R1 (4 days) and R2 (1 day) and R4 (1 day) on time; days 4 + 1 + 1 = 6.
        #expect(analysis.total("C", "requests_resolved") == 3)
        #expect(analysis.total("G2", "requests_resolved") == 1)
        #expect(analysis.total("C", "days_to_close_resolved") == 6)
        #expect(analysis.total("C", "requests_resolved_on_time") == 3)
        #expect(analysis.total("C", "requests_in_progress") == 0)
        let unique = analysis.listedFindings().filter { $0.code == .uniqueError }
        #expect(unique.map(\.line) == [2, 3, 4, 6])
        #expect(unique.allSatisfy { $0.file == "requests-b.csv" && $0.column == "request_id" && $0.severity == .error })
        #expect(unique.first?.message.en.contains("requests-a.csv line 2") == true)
        #expect(unique.last?.message.en.contains("requests-b.csv line 5") == true)
        #expect(unique.map(\.value) == ["R1", "R3", "R2", "R4"])
        // Errors: 4 duplicates. Warnings: a:4 and b:4 out of period, the missing grids,
        // property_companies and services files, and satisfaction, a column neither file has.
        #expect(analysis.findings.errors == 4)
        #expect(analysis.findings.warnings == 6)
        #expect(analysis.absentColumns.map(\.column) == ["satisfaction"])
        // Row counts: b had 5 rows read; accepted R1, R3, R4, R4 first (4), then the 3 counted
        // duplicates (R1, R3, second R4) become rejected: 1 accepted, 3 rejected, 1 out of period.
        let b = try #require(analysis.files.first { $0.file == "requests-b.csv" })
        #expect(b.rowsRead == 5)
        #expect(b.rowsAccepted == 1)
        #expect(b.rowsRejected == 3)
        #expect(b.rowsOutOfPeriod == 1)
    }

    @Test("--max-findings through the analyzer: 3 listed and one summary, all counted")
    func maxFindings() throws {
        var lines = [Self.header]
        for i in 0..<10 { lines.append("R\(i),2022-04-01,热线,G9,办理中,") }
        let drop = ATDrop(["units.csv": ATFixture.units, "requests.csv": lines])
        let analysis = try drop.analyze(maxFindings: 3)
        let unknown = analysis.listedFindings().filter { $0.code == .unknownUnit }
        #expect(unknown.count == 4)
        #expect(unknown.prefix(3).map(\.line) == [2, 3, 4])
        #expect(unknown.last?.line == nil)
        #expect(unknown.last?.dataset == "requests")
        #expect(unknown.last?.message == FindingMessages.suppressed(count: 7, code: .unknownUnit))
        #expect(analysis.findings.errors == 10)
    }
}

@Suite("Drop reading details")
struct DropReadingTests {
    @Test("a grid given twice (in two files) is a unique-error and counted once")
    func gridTwice() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "grids-a.csv": ["grid_id,households,residents,party_members,has_party_branch,grid_workers", "G1,100,300,10,是,2"],
            "grids-b.csv": ["网格编号,户数,常住人口,党员人数,网格党支部,网格员人数", "G2,200,500,20,否,3", "g1,999,999,9,是,9"],
        ])
        let analysis = try drop.analyze()
        // G1 once (300 residents) + G2 (500) = 800 at C; the folded duplicate "g1" is not counted.
        #expect(analysis.total("G1", "residents") == 300)
        #expect(analysis.total("C", "residents") == 800)
        #expect(analysis.total("C", "grids") == 2)
        let unique = analysis.listedFindings().filter { $0.code == .uniqueError }
        #expect(unique.map(\.file) == ["grids-b.csv"])
        #expect(unique.first?.line == 3)
        #expect(unique.first?.column == "grid_id")
    }

    @Test("unit aliases split on ; and ；, and rows of a rejected unit are unknown-unit")
    func aliasesAndRejectedUnits() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units + ["G5,五网格,网格,MX,", "M4,南门社区,社区,S1,南门;老南门；南 门"],
            "requests.csv": [
                "request_id,received_at,channel,grid_id,community,status",
                "R1,2022-04-01,热线,G5,,办理中",  // G5 hangs from an unknown parent: rejected
                "R2,2022-04-01,热线,,老南门,办理中",  // alias after ;
                "R3,2022-04-01,热线,,南 门,办理中",  // alias after ；
            ],
        ])
        let analysis = try drop.analyze()
        let d = try #require(analysis.directory)
        #expect(d.unit(id: "G5") == nil)
        #expect(d.units[d.unit(id: "M4")!].aliases == ["南门", "老南门", "南 门"])
        #expect(analysis.total("M4", "requests_received") == 2)
        #expect(analysis.total("C", "requests_received") == 2)
        let findings = analysis.listedFindings()
        #expect(findings.contains { $0.file == "units.csv" && $0.line == 14 && $0.code == .unknownUnit && $0.column == "parent_id" })
        #expect(findings.contains { $0.file == "requests.csv" && $0.line == 2 && $0.code == .unknownUnit && $0.column == "grid_id" })
    }

    @Test("a file with a header only is an empty-file warning; an empty file an empty-file error")
    func emptyFiles() throws {
        let drop = ATDrop(["units.csv": ATFixture.units, "requests.csv": ["request_id,received_at,channel,grid_id,status"]])
        drop.write("services.csv", [])
        let analysis = try drop.analyze()
        let empty = analysis.listedFindings().filter { $0.code == .emptyFile }
        #expect(empty.first { $0.file == "requests.csv" }?.severity == .warning)
        #expect(empty.count == 2)
    }
}

@Suite("Several files per dataset")
struct SeveralFilesTests {
    @Test("files of one dataset are one table, whatever their aliases, column order, BOM and line endings")
    func oneTable() throws {
        let drop = ATDrop([
            "units-a.csv": Array(ATFixture.units.prefix(8)),
            "units-b.csv": [ATFixture.units[0]] + Array(ATFixture.units.dropFirst(8)),
        ])
        // 绣林 with Chinese headers, a BOM and CRLF; 笔架山 in English, another column order.
        let xiulin =
            "\u{FEFF}工单编号,受理时间,受理渠道,网格编码,办理状态,办结时间,回访满意度\r\n"
            + "X1,2022-04-01,热线,G1,已解决,2022-04-03,满意\r\n"
            + "X2,2022/5/1 08:30,网上,G3,办理中,,\r\n"
        let bijia = ["status,request_id,unit_id,channel,received_at,closed_at", "open,B1,G4,visit,2022-06-01,"]
        drop.write("requests-笔架山街道.csv", bijia)
        precondition(FileManager.default.createFile(atPath: drop.path + "/requests-绣林街道.csv", contents: Data(xiulin.utf8)))
        let analysis = try drop.analyze()
        #expect(analysis.findings.errors == 0)
        #expect(analysis.directory?.count == 12)
        // X1 (G1), X2 (G3), B1 (G4): S1 2, S2 1, C 3; resolved 1; satisfied 1 of 1 rated.
        #expect(analysis.total("S1", "requests_received") == 2)
        #expect(analysis.total("S2", "requests_received") == 1)
        #expect(analysis.total("C", "requests_received") == 3)
        #expect(analysis.total("C", "requests_resolved") == 1)
        #expect(analysis.total("C", "requests_open") == 1)
        #expect(analysis.total("C", "requests_rated") == 1)
        #expect(analysis.files.filter { $0.dataset == "requests" }.map(\.rowsAccepted) == [1, 2])
    }

    @Test("a distinct value taken back by every row that held it is no longer counted; one still held stays")
    func distinctTakeBack() {
        var worker = MeasureTotals(units: 2, measures: 1)
        worker.addDistinct(unit: 1, measure: 0, value: 7, weight: 1)
        worker.addDistinct(unit: 1, measure: 0, value: 7, weight: 1)
        worker.addDistinct(unit: 1, measure: 0, value: 9, weight: 1)
        // The take-back pass has its own totals: −1 for one row of 7 and the row of 9.
        var takeBack = MeasureTotals(units: 2, measures: 1)
        takeBack.addDistinct(unit: 1, measure: 0, value: 7, weight: -1)
        takeBack.addDistinct(unit: 1, measure: 0, value: 9, weight: -1)
        worker.add(takeBack)
        #expect(worker.distinct.count == 1)
        worker.rollUp(parents: [nil, 0])
        #expect(worker[1, 0] == 1)
        #expect(worker[0, 0] == 1)
    }

    @Test("distinct values beyond the limit are not kept and the measure is named as overflowing")
    func distinctLimit() {
        var t = MeasureTotals(units: 1, measures: 2)
        t.distinctLimit = 3
        for v: Int64 in 0..<3 { t.addDistinct(unit: 0, measure: 1, value: v, weight: 1) }
        #expect(t.distinctOverflow.isEmpty)
        t.addDistinct(unit: 0, measure: 1, value: 1, weight: 1)  // a value already kept: fine
        #expect(t.distinctOverflow.isEmpty)
        t.addDistinct(unit: 0, measure: 1, value: 3, weight: 1)
        #expect(t.distinctOverflow == [1])
        #expect(t.distinct.count == 3)
    }
}
