import JicengAggregate
import JicengCore
import Mustache

/// `summary.md`: the content of `summary.html` as Markdown tables, for mail and chat, where
/// colour becomes a 🟢🟡🔴⚪ marker next to the status word and the charts become their tables.
///
/// Every text from the data is escaped by `MarkdownText` (the template's `MARKDOWN` content type),
/// so a `|` or a line break in a unit name cannot break a table and no Markdown or HTML is injected.
public enum SummaryMarkdown {
    private static let template = TemplateParser.load(ReportTemplateText.summaryMarkdown, name: "summary.md.mustache")

    public static func render(
        _ evaluation: Evaluation, language: Language = .zh, findings: [Finding] = [],
        history: ReportHistory? = nil, leftOut: [LocalizedText] = []
    ) throws -> String {
        let strings = try ReportStrings(language: language)
        let model = ReportModel(
            evaluation, findings: findings, strings: strings, withCharts: false, history: history,
            leftOut: leftOut)
        return try template.get().render(TemplateContext.make(model))
    }
}
