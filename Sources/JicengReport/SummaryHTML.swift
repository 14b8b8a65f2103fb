import JicengAggregate
import JicengCore

/// `summary.html`: the report for leadership, one self-contained file (inline CSS and SVG, no
/// script, fonts, images or links) that reads on screen and prints on A4.
///
/// Content order: title; headline indicators of the top unit with target and status; the
/// red-and-yellow-card list; rankings; charts; indicator tables by level; data quality. The layout
/// and every word are in `Templates/summary.html.mustache` and `Templates/strings.<lang>.json`;
/// every text from the data is HTML-escaped by the template.
public enum SummaryHTML {
    private static let rendering = SummaryRendering(
        template: TemplateParser.load(ReportTemplateText.summaryHTML, name: "summary.html.mustache"), withCharts: true)

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
