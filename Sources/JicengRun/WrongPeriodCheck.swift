import JicengCore
import JicengNormalize
import JicengPipeline

/// The wrong period (contract v2 §9): a facts dataset whose valid dates are all outside the
/// period is an error, and the dataset is absent.
enum WrongPeriodCheck {
    /// Whether `dates` of `spec` lie wholly outside `period`; logs the `out-of-period` error when so.
    static func isWrongPeriod(_ dates: DateSpan, of spec: DatasetSpec, period: Period?, log: inout FindingLog) -> Bool {
        let wrongPeriod = spec.role == .facts && period != nil && dates.noneInPeriod
        if wrongPeriod, let period, let column = spec.periodColumn, let first = dates.earliest, let last = dates.latest {
            log.add(
                Finding(
                    severity: .error, code: .outOfPeriod, dataset: spec.name, column: column, value: "\(first)/\(last)",
                    message: FindingMessages.noDateInPeriod(
                        dataset: spec.name, column: column, period: period,
                        earliest: first, latest: last)))
        }
        return wrongPeriod
    }
}
