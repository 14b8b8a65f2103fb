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
        let sheet = try TestFiles.unzip(workbook(), "xl/worksheets/sheet1.xml")
        // Sheet 1 is the city: its resolution_rate is 4229/4690.
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
        let shared = try TestFiles.unzip(url, "xl/sharedStrings.xml")
        #expect(shared.contains("<t>=HYPERLINK(&quot;x&quot;)</t>") || shared.contains("<t>=HYPERLINK(\"x\")</t>"))
        for n in 1...5 {
            let sheet = try TestFiles.unzip(url, "xl/worksheets/sheet\(n).xml")
            #expect(!sheet.contains("<f>"), "sheet\(n) has a formula")
        }
        // The community sheet holds the name as a shared-string cell.
        let community = try TestFiles.unzip(url, "xl/worksheets/sheet3.xml")
        #expect(cells(community).filter { $0.contains("r=\"B2\"") }.allSatisfy { $0.contains("t=\"s\"") })
    }

    @Test("sheets per level in Chinese, findings and files sheets, frozen header, autofilter, coloured status")
    func structure() throws {
        let url = try workbook()
        let book = try TestFiles.unzip(url, "xl/workbook.xml")
        for name in ["市", "街道（乡镇）", "社区（村）", "问题清单", "数据文件"] {
            #expect(book.contains("name=\"\(name)\""), "no sheet \(name)")
        }
        let sheet = try TestFiles.unzip(url, "xl/worksheets/sheet2.xml")
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
