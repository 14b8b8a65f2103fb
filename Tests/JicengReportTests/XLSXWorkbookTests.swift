import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

@Suite("indicators.xlsx", .enabled(if: TestFiles.unzipPath != nil, "needs unzip on PATH to read the workbook"))
struct XLSXWorkbookTests {
    private func workbook(_ e: Evaluation = Fixture.evaluation(m01: "=HYPERLINK(\"x\")"), language: Language = .zh) throws -> URL {
        let url = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(e, findings: Fixture.findings, language: language, to: url.path)
        return url
    }

    @Test("a rate is a number cell with a 0.00% format, not text")
    func rateIsNumber() throws {
        let sheet = try TestFiles.unzip(workbook(), "xl/worksheets/sheet2.xml")
        // Sheet 2 is the city (after the overview): its resolution_rate is 4229/4690.
        let cell = try #require(cells(sheet).first { $0.contains("<v>0.9017057569") })
        #expect(!cell.contains("t=\"s\""))
        #expect(!cell.contains("t=\"str\""))
        #expect(!cell.contains("t=\"inlineStr\""))
        let styles = try TestFiles.unzip(workbook(), "xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.00%\""))
    }

    @Test("text from the data that looks like a formula stays a string cell")
    func formulaIsText() throws {
        let url = try workbook()
        for n in 1...6 {
            let sheet = try TestFiles.unzip(url, "xl/worksheets/sheet\(n).xml")
            #expect(!sheet.contains("<f>"), "sheet\(n) has a formula")
        }
        // The community sheet holds the name as a string cell (inline: constant-memory mode).
        let community = try TestFiles.unzip(url, "xl/worksheets/sheet4.xml")
        let name = try #require(cells(community).first { $0.contains("r=\"B2\"") })
        #expect(name.contains("t=\"inlineStr\""))
        #expect(text(name) == "=HYPERLINK(&quot;x&quot;)" || text(name) == "=HYPERLINK(\"x\")")
    }

    @Test("sheets per level in Chinese, findings and files sheets, frozen header, autofilter, coloured status")
    func structure() throws {
        let url = try workbook()
        let book = try TestFiles.unzip(url, "xl/workbook.xml")
        for name in ["市", "街道（乡镇）", "社区（村）", "问题清单", "数据文件"] {
            #expect(book.contains("name=\"\(name)\""), "no sheet \(name)")
        }
        let sheet = try TestFiles.unzip(url, "xl/worksheets/sheet3.xml")
        #expect(sheet.contains("ySplit=\"1\""))
        #expect(sheet.contains("state=\"frozen\""))
        #expect(sheet.contains("<autoFilter ref=\"A1:K7\""))
        #expect(sheet.contains("<col "))
        let styles = try TestFiles.unzip(url, "xl/styles.xml")
        for fill in ["FFC6EFCE", "FFFFEB9C", "FFFFC7CE"] {
            #expect(styles.contains(fill), "no fill \(fill)")
        }
        let english = try TestFiles.unzip(workbook(language: .en), "xl/workbook.xml")
        #expect(english.contains("name=\"Street\""))
        #expect(english.contains("name=\"findings\""))
    }

    @Test("two writes of the same evaluation are byte-identical")
    func reproducible() throws {
        let a = try Data(contentsOf: workbook())
        let b = try Data(contentsOf: workbook())
        #expect(a == b)
    }

    @Test("creation time from SOURCE_DATE_EPOCH, else the last day of the period")
    func creationTime() throws {
        #expect(XLSXWorkbook.creationTime(for: Fixture.period, environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == 1_700_000_000)
        // 2022-06-30T00:00:00Z
        #expect(XLSXWorkbook.creationTime(for: Fixture.period, environment: [:]) == 1_656_547_200)
        #expect(XLSXWorkbook.creationTime(for: Fixture.period, environment: ["SOURCE_DATE_EPOCH": "soon"]) == 1_656_547_200)
        if ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil {
            let core = try TestFiles.unzip(workbook(), "docProps/core.xml")
            #expect(core.contains("2022-06-30T00:00:00Z"))
        }
    }

    @Test("sheets in order: the overview first (the sheet Excel opens on), the levels, findings, files; 年度累计 after the levels with history")
    func sheetOrder() throws {
        #expect(try sheetNames(workbook()) == ["概览", "市", "街道（乡镇）", "社区（村）", "问题清单", "数据文件"])
        let url = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(Fixture.evaluation(), findings: Fixture.findings, history: YearFixture.history(), to: url.path)
        #expect(try sheetNames(url) == ["概览", "市", "街道（乡镇）", "社区（村）", "年度累计", "问题清单", "数据文件"])
        let book = try TestFiles.unzip(url, "xl/workbook.xml")
        #expect(!book.contains("activeTab=") || book.contains("activeTab=\"0\""), "the workbook opens on the overview")
        let english = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(
            Fixture.evaluation(), findings: Fixture.findings, language: .en, history: YearFixture.history(), to: english.path)
        #expect(try sheetNames(english) == ["overview", "City", "Street", "Community", "year to date", "findings", "files"])
        // A year run has no year view, with or without a store.
        var year = Fixture.evaluation()
        year.period = Period(year: 2022)
        let yearBook = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(year, findings: [], history: YearFixture.history(), to: yearBook.path)
        #expect(!(try sheetNames(yearBook)).contains("年度累计"))
    }

    @Test("the overview: the top unit's headline figures as numbers with statuses, then the period's facts")
    func overview() throws {
        let url = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(Fixture.evaluation(), findings: Fixture.findings, history: YearFixture.history(), to: url.path)
        let sheet = try TestFiles.unzip(url, "xl/worksheets/sheet1.xml")
        let all = cells(sheet)
        func at(_ ref: String) -> String? { all.first { $0.contains("r=\"\(ref)\"") } }
        // Row 1 headers; rows 2–4 the headline indicators in the pipeline's order.
        #expect(try #require(at("A1")).contains("t=\"inlineStr\""))
        #expect(text(try #require(at("A2"))) == "受理诉求数")
        #expect(value(try #require(at("C2"))) == "4690")
        #expect(text(try #require(at("A3"))) == "诉求解决率")
        #expect(value(try #require(at("C3")))?.hasPrefix("0.9017057569") == true)
        #expect(text(try #require(at("E3"))) == "达标")
        // Year to date: 9,000 of 20,000 (45%), pace 10,000, warning; 环比 and 同比 as words.
        #expect(value(try #require(at("F2"))) == "9000")
        #expect(value(try #require(at("H2"))) == "0.45")
        #expect(value(try #require(at("I2"))) == "10000")
        #expect(text(try #require(at("J2"))) == "预警")
        #expect(text(try #require(at("K2"))) == "↑ 11.7%")
        #expect(text(try #require(at("L3"))) == "↓ 0.83 个百分点")
        // The filter covers the table only; the facts follow below it.
        #expect(sheet.contains("<autoFilter ref=\"A1:L4\""))
        let texts = all.compactMap(text)
        #expect(texts.contains("红牌单位（个）") && texts.contains("数据错误（条）"))
        #expect(!sheet.contains("<f>"))
    }

    @Test("年度累计: every unit's year-to-date rows with year target, pace target, completion and status, numbers formatted")
    func yearToDateSheet() throws {
        let url = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(Fixture.evaluation(), findings: Fixture.findings, history: YearFixture.history(), to: url.path)
        let sheet = try TestFiles.unzip(url, "xl/worksheets/sheet5.xml")
        let texts = cells(sheet).compactMap(text)
        #expect(texts.contains("序时目标") && texts.contains("完成率") && texts.contains("全年目标"))
        // 9 rows of the fixture's table plus the header: A1:N10, frozen header.
        #expect(sheet.contains("<autoFilter ref=\"A1:N10\""))
        #expect(sheet.contains("ySplit=\"1\""))
        let all = cells(sheet)
        // The city first (hierarchy order), its indicators in pipeline order: requests_received (row 2).
        let completion = try #require(all.first { $0.contains("r=\"M2\"") })
        #expect(value(completion) == "0.45" && !completion.contains("t=\"s\""))
        #expect(value(try #require(all.first { $0.contains("r=\"L2\"") })) == "10000")
        let styles = try TestFiles.unzip(url, "xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.00%\"") && styles.contains("formatCode=\"#,##0\""))
    }

    private func sheetNames(_ url: URL) throws -> [String] {
        let book = try TestFiles.unzip(url, "xl/workbook.xml")
        return book.components(separatedBy: "<sheet ").dropFirst().compactMap { part in
            guard let start = part.range(of: "name=\"")?.upperBound, let end = part[start...].firstIndex(of: "\"") else { return nil }
            return String(part[start..<end])
        }
    }

    /// The text of a string cell: constant-memory mode writes it inline (`<is><t>…</t></is>`).
    private func text(_ cell: String) -> String? {
        guard cell.contains("t=\"inlineStr\""), let open = cell.range(of: "<is><t"),
            let start = cell.range(of: ">", range: open.upperBound..<cell.endIndex)?.upperBound,
            let end = cell.range(of: "</t></is>")?.lowerBound
        else { return nil }
        return String(cell[start..<end])
    }

    private func value(_ cell: String) -> String? {
        guard let start = cell.range(of: "<v>")?.upperBound, let end = cell.range(of: "</v>")?.lowerBound else { return nil }
        return String(cell[start..<end])
    }

    /// The `<c …>…</c>` elements of a sheet.
    private func cells(_ xml: String) -> [String] {
        var out: [String] = []
        var rest = xml[...]
        while let start = rest.range(of: "<c ") {
            let tail = rest[start.lowerBound...]
            guard let tagEnd = tail.firstIndex(of: ">") else { break }
            var stop = tail.index(after: tagEnd)
            if tail[tail.index(before: tagEnd)] != "/" {
                guard let end = tail.range(of: "</c>") else { break }
                stop = end.upperBound
            }
            out.append(String(tail[..<stop]))
            rest = tail[stop...]
        }
        return out
    }
}
