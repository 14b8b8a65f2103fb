import JicengAggregate
import JicengCore
import JicengReport

/// The leadership reports (through the report stage's writer).
enum ReportOutput {
    static func write(_ evaluation: Evaluation, findings: [Finding], language: Language, history: ReportHistory? = nil,
                      leftOut: [LocalizedText] = [], to folder: String) throws {
        try ReportWriter(language: language).write(evaluation, findings: findings, history: history, leftOut: leftOut, to: folder)
    }
}
