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
}
