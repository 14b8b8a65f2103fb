import JicengAggregate
import JicengCore

/// `summary.md`: the content of `summary.html` as Markdown tables, for mail and chat, where
/// colour becomes a 🟢🟡🔴⚪ marker next to the status word and the charts become their tables.
///
/// Every text from the data is escaped by `MarkdownText` (the template's `MARKDOWN` content type),
/// so a `|` or a line break in a unit name cannot break a table and no Markdown or HTML is injected.
public enum SummaryMarkdown {
    private static let rendering = SummaryRendering(
        template: TemplateParser.load(ReportTemplateText.summaryMarkdown, name: "summary.md.mustache"), withCharts: false)

    public static func render(
        _ evaluation: Evaluation, language: Language = .zh, findings: [Finding] = [],
        history: ReportHistory? = nil, leftOut: [LocalizedText] = []
    ) throws -> String {
        try rendering.render(evaluation, language: language, findings: findings, history: history, leftOut: leftOut)
    }

    /// The report over an index and wording already made (one for all the outputs of a report).
    static func render(
        _ index: EvaluationIndex, strings: ReportStrings, findings: [Finding], history: ReportHistory?, leftOut: [LocalizedText]
    ) throws -> String {
        try rendering.render(index, strings: strings, findings: findings, history: history, leftOut: leftOut)
    }
}
