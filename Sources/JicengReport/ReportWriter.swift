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
    /// With `history` (a run with a history store) the summaries show the year and the workbook
    /// has a year-to-date sheet; without it they are what they were before history existed.
    /// `leftOut` names the pipeline's indicators missing from the evaluation (for the notice at
    /// the top of the summaries). The workbook is built on a second thread (`BackgroundWork`)
    /// while this one writes the other files and then runs `alongside` (the caller's own outputs).
    public func write(
        _ evaluation: Evaluation, findings: [Finding], history: ReportHistory? = nil, leftOut: [LocalizedText] = [],
        to folder: String, alongside: () throws -> Void = {}
    ) throws {
        try FolderMaker.create(folder)
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        // One index and one wording for the three reports.
        let index = EvaluationIndex(evaluation)
        let strings = try ReportStrings(language: language)
        // The workbook is built on a second thread while this one writes the other files; it is
        // closed (compressed into the file) only once they are written, and given up without a
        // file when one of them fails, so that failures read as they did when it came last.
        let workbookPath = base.appendingPathComponent("indicators.xlsx").path
        let workbook = BackgroundWork { callerSucceeded in
            try XLSXWorkbook.write(
                index, strings: strings, findings: findings, history: history, to: workbookPath, beforeClose: callerSucceeded)
        }
        do {
            let csv = try BufferedOutputFile(creating: base.appendingPathComponent("indicators.csv").path)
            try IndicatorsCSV.write(evaluation, to: csv)
            try csv.close()
            try save(
                SummaryHTML.render(index, strings: strings, findings: findings, history: history, leftOut: leftOut),
                to: base.appendingPathComponent("summary.html"))
            try save(
                SummaryMarkdown.render(index, strings: strings, findings: findings, history: history, leftOut: leftOut),
                to: base.appendingPathComponent("summary.md"))
            try alongside()
        } catch {
            try? workbook.finish(callerSucceeded: false)
            throw error
        }
        try workbook.finish(callerSucceeded: true)
    }

    private func save(_ text: String, to url: URL) throws {
        try OutputFile.write(text, to: url.path)
    }
}
