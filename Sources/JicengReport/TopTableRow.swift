import JicengAggregate
import JicengCore

/// One row of the top unit's full indicator table: every indicator of the run with value,
/// numerator and denominator (for ratios), target and status.
struct TopTableRow {
    let indicator: String
    let value: String
    let numerator: String
    let denominator: String
    let target: String
    let status: ReportModel.StatusText

    static func build(_ index: EvaluationIndex, strings: ReportStrings) -> [TopTableRow] {
        guard let top = index.top else { return [] }
        return index.evaluation.indicators.map { info in
            let format = DisplayFormat(display: info.display)
            let r = index.result(top.id, info.name)
            let parts = DisplayFormat.count
            return TopTableRow(
                indicator: info.title.text(strings.language),
                value: format.text(r?.value),
                numerator: info.isRatio ? parts.text(r?.numerator) : "",
                denominator: info.isRatio ? parts.text(r?.denominator) : "",
                target: format.targetText(r?.target, comparator: r?.comparator),
                status: ReportModel.statusText(r?.status ?? .noData, strings))
        }
    }
}
