import Foundation
import JicengAggregate
import JicengCore

/// The report stage: writes the human- and spreadsheet-facing outputs of one evaluated period
/// into a folder — `indicators.csv` (contract §7), `summary.html`, `summary.md` and
/// `indicators.xlsx` — so that the CLI needs one call and every output agrees with the others.
public struct ReportWriter: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// Writes the four files into `folder` (created when missing), replacing earlier versions.
    public func write(_ evaluation: Evaluation, findings: [Finding], to folder: String) throws {
        try FolderMaker.create(folder)
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        try save(IndicatorsCSV.render(evaluation), to: base.appendingPathComponent("indicators.csv"))
        try save(SummaryHTML.render(evaluation, language: language, findings: findings), to: base.appendingPathComponent("summary.html"))
        try save(SummaryMarkdown.render(evaluation, language: language, findings: findings), to: base.appendingPathComponent("summary.md"))
        try XLSXWorkbook.write(evaluation, findings: findings, language: language,
                               to: base.appendingPathComponent("indicators.xlsx").path)
    }

    private func save(_ text: String, to url: URL) throws {
        try OutputFile.write(text, to: url.path)
    }
}
