import JicengAggregate
import JicengCore

/// What `summary.html` and `summary.md` share: the report model over an evaluation, rendered by
/// one parsed template. They differ only in the template and in whether the model draws charts.
struct SummaryRendering: Sendable {
    let template: Result<SplitTemplate, JicengError>
    let withCharts: Bool

    func render(
        _ evaluation: Evaluation, language: Language, findings: [Finding], history: ReportHistory?, leftOut: [LocalizedText]
    ) throws -> String {
        try render(
            EvaluationIndex(evaluation), strings: try ReportStrings(language: language), findings: findings, history: history,
            leftOut: leftOut)
    }

    /// The report over an index and wording already made (one for all the outputs of a report).
    func render(
        _ index: EvaluationIndex, strings: ReportStrings, findings: [Finding], history: ReportHistory?, leftOut: [LocalizedText]
    ) throws -> String {
        let model = ReportModel(index, findings: findings, strings: strings, withCharts: withCharts, history: history, leftOut: leftOut)
        return try template.get().render(TemplateContext.make(model))
    }
}
