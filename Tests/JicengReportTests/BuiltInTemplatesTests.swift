import Foundation
import JicengCore
import Testing

@testable import JicengReport

/// The templates and wording built into the binary are the files in `Sources/JicengReport/Templates`,
/// byte for byte (the EmbedAssets plugin writes them at build time).
struct BuiltInTemplatesTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/JicengReport/Templates")

    @Test(
        "each template is built in byte for byte",
        arguments: [
            ("summary.html.mustache", ReportTemplateText.summaryHTML), ("summary.md.mustache", ReportTemplateText.summaryMarkdown),
            ("strings.zh.json", ReportTemplateText.strings(.zh)), ("strings.en.json", ReportTemplateText.strings(.en)),
        ])
    func byteForByte(file: String, embedded: String) throws {
        let bytes = try Data(contentsOf: Self.templates.appendingPathComponent(file))
        #expect(Data(embedded.utf8) == bytes, "\(file)")
    }

    @Test func everyFileOfTheFolderIsBuiltIn() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templates.path).sorted()
        #expect(names == ["strings.en.json", "strings.zh.json", "summary.html.mustache", "summary.md.mustache"])
    }

    @Test(
        "a template cut into parts renders the same text as the whole template",
        arguments: [(ReportTemplateText.summaryHTML, true), (ReportTemplateText.summaryMarkdown, false)])
    func splitRendersTheSame(text: String, withCharts: Bool) throws {
        MarkdownText.registerContentType()
        // One part: the whole text, parsed as it was before templates were split.
        let whole = try SplitTemplate(string: text, size: .max)
        #expect(whole.parts.count == 1)
        let strings = try ReportStrings(language: .zh)
        let models = [
            ReportModel(Fixture.evaluation(), findings: Fixture.findings, strings: strings, withCharts: withCharts),
            ReportModel(
                Fixture.evaluation(), findings: Fixture.findings, strings: strings, withCharts: withCharts,
                history: YearFixture.history()),
            ReportModel(LargeFixture.evaluation(), findings: [], strings: strings, withCharts: withCharts),
        ]
        for size in [1, 200, 1024] {
            let split = try SplitTemplate(string: text, size: size)
            #expect(split.parts.count > 1)
            for model in models {
                let context = TemplateContext.make(model)
                let expected = whole.render(context)
                #expect(split.render(context) == expected, "size \(size)")
                // The dictionaries of TemplateContext render as the model itself does.
                #expect(whole.render(model) == expected)
            }
        }
    }
}
