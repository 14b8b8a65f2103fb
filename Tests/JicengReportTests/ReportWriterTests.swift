import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

@Suite("ReportWriter")
struct ReportWriterTests {
    @Test("writes the four outputs into a new folder; the CSV is the contract text")
    func writesAll() throws {
        let folder = try TestFiles.temporaryFolder().appendingPathComponent("out/nested")
        try ReportWriter(language: .zh).write(Fixture.evaluation(), findings: Fixture.findings, to: folder.path)
        for name in ["indicators.csv", "summary.html", "summary.md", "indicators.xlsx"] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(!data.isEmpty, "\(name) is empty")
        }
        let csv = try String(contentsOf: folder.appendingPathComponent("indicators.csv"), encoding: .utf8)
        #expect(csv == IndicatorsCSV.render(Fixture.evaluation()))
        let xlsx = try Data(contentsOf: folder.appendingPathComponent("indicators.xlsx"))
        #expect(xlsx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    @Test("an empty evaluation still renders every file")
    func empty() throws {
        let e = Evaluation(
            period: Period(year: 2023), pipelineName: "p", toolVersion: "0", units: [], indicators: [], results: [],
            breakdowns: [], dataQuality: DataQualitySummary(files: [], findingCounts: [], absentDatasets: [], errors: 0, warnings: 0),
            headline: [], rankings: [], barCharts: [])
        let folder = try TestFiles.temporaryFolder()
        try ReportWriter(language: .en).write(e, findings: [], to: folder.path)
        let html = try String(contentsOf: folder.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(html.contains("</html>"))
        #expect(!html.contains("⟦"))
        #expect(try String(contentsOf: folder.appendingPathComponent("indicators.csv"), encoding: .utf8) == IndicatorsCSV.header + "\n")
    }

    @Test("the two wording files have the same keys")
    func wordingComplete() throws {
        let zh = try ReportStrings(language: .zh)
        let en = try ReportStrings(language: .en)
        #expect(Set(zh.texts.keys) == Set(en.texts.keys))
        #expect(zh.period(Period(year: 2022, quarter: 4)) == "2022年第四季度")
        #expect(en.period(Period(year: 2022)) == "2022")
    }
}
