import JicengAggregate
import JicengCore

@testable import JicengReport

/// The year view of `Fixture` (2022Q2), worked out by hand.
///
/// Year-to-date (2022Q1–Q2, pace = half the year for linear targets):
/// - C01 requests_received 9,000 against a linear 20,000 → pace 10,000, completion 45%, warning.
/// - C01 resolution 0.89 against ≥ 0.90 (none) → warning; coverage 0.8333 ≥ 0.8 → met.
/// - M01 resolution 0.80 missed (1/9 ≈ 0.111 short), coverage 0.50 missed (0.375 short) → first.
/// - S02 resolution 0.85 missed (0.0556 short) → second.
/// - C01 (requests 0.10 short) → third, M03 resolution 0.88 warning (0.0222 short) → fourth.
///
/// Recorded quarters of the top unit: 2021Q2 (a year earlier) and 2022Q1 (the previous quarter).
/// - resolution 2022Q1 0.88 → 0.901706: ↑ 2.17 points (good); 2021Q2 0.91 → ↓ 0.83 points (bad).
/// - requests 2022Q1 4,200 → 4,690: ↑ 11.7% (no target: neutral); 2021Q2 5,000 → ↓ 6.2%.
/// - coverage 2022Q1 10/12 → 10/12: 持平.
enum YearFixture {
    static let period = Fixture.period

    static func table() -> YearToDateTable {
        func row(
            _ unit: String, _ indicator: String, _ value: Double?, target: Double?, comparator: Comparator? = .atLeast,
            pace: Double?, completion: Double? = nil, _ status: TargetStatus
        ) -> YearToDateResult {
            YearToDateResult(
                unitId: unit, indicator: indicator, value: value, numerator: nil, denominator: nil, target: target,
                comparator: comparator, paceTarget: pace, completion: completion, status: status)
        }
        let results = [
            row("C01", "grid_party_branch_coverage", 10.0 / 12, target: 0.8, pace: 0.8, .met),
            row("C01", "requests_received", 9000, target: 20000, pace: 10000, completion: 0.45, .warning),
            row("C01", "resolution_rate", 0.89, target: 0.9, pace: 0.9, .warning),
            row("M01", "grid_party_branch_coverage", 0.5, target: 0.8, pace: 0.8, .missed),
            row("M01", "resolution_rate", 0.8, target: 0.9, pace: 0.9, .missed),
            row("M02", "resolution_rate", 0.95, target: 0.9, pace: 0.9, .met),
            row("M03", "resolution_rate", 0.88, target: 0.9, pace: 0.9, .warning),
            row("S01", "resolution_rate", 0.93, target: 0.9, pace: 0.9, .met),
            row("S02", "resolution_rate", 0.85, target: 0.9, pace: 0.9, .missed),
        ]
        return YearToDateTable(period: period, quarters: 2, units: Fixture.evaluation().units, results: results)
    }

    static let recorded: [RecordedValue] = [
        RecordedValue(period: Period(year: 2021, quarter: 2), indicator: "requests_received", value: 5000, status: .noTarget),
        RecordedValue(period: Period(year: 2021, quarter: 2), indicator: "resolution_rate", value: 0.91, status: .met),
        RecordedValue(period: Period(year: 2022, quarter: 1), indicator: "requests_received", value: 4200, status: .noTarget),
        RecordedValue(period: Period(year: 2022, quarter: 1), indicator: "resolution_rate", value: 0.88, status: .warning),
        RecordedValue(period: Period(year: 2022, quarter: 1), indicator: "grid_party_branch_coverage", value: 10.0 / 12, status: .met),
    ]

    static func history() -> ReportHistory {
        ReportHistory(yearToDate: table(), recorded: recorded)
    }
}
