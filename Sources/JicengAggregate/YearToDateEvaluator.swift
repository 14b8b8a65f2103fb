import JicengCore
import JicengNormalize
import JicengPipeline

/// Turns year-to-date measure totals into the year-to-date table (contract §8) with the
/// project's own indicator computation and target lookup, so that a year-to-date ratio is the
/// same sum/sum as a quarter's and the target is the one §6 picks.
///
/// The totals are built elsewhere (from recorded quarters: flows summed, stocks from the latest
/// quarter); this only computes indicators over them and checks each against the yearly target at
/// the pace of the quarters elapsed.
public enum YearToDateEvaluator {
    /// - Parameters:
    ///   - totals: year-to-date totals per unit of `directory`, indexed like `measures`.
    ///   - availableMeasures: the measures with a year-to-date value (a flow recorded in every
    ///     quarter, a stock in the run's quarter); indicators over any other measure are left out,
    ///     as the indicators of an absent dataset are in `indicators.csv`.
    ///   - period: the run's quarter `yQn`.
    public static func evaluate(
        pipeline: Pipeline, measures: CompiledMeasures, totals: MeasureTotals, directory: UnitDirectory,
        availableMeasures: Set<String>, targets: TargetBook, period: Period, toolVersion: String
    ) -> YearToDateTable {
        precondition(period.quarter != nil, "year-to-date is defined for a quarter run")
        let n = period.quarter ?? 4
        var restricted = pipeline
        restricted.indicators = pipeline.indicators.filter { $0.measures.allSatisfy(availableMeasures.contains) }
        let computed = IndicatorComputer.evaluate(
            pipeline: restricted, measures: measures, totals: totals, directory: directory,
            presentDatasets: Set(pipeline.datasets.map(\.name)), targets: TargetBook(rules: []), period: period,
            toolVersion: toolVersion,
            dataQuality: DataQualitySummary(files: [], findingCounts: [], absentDatasets: [], errors: 0, warnings: 0))
        let levels = Dictionary(computed.units.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        let results = computed.results.map { r in
            let rule = levels[r.unitId].flatMap { targets.rule(for: r.indicator, unitId: r.unitId, level: $0, year: period.year) }
            let check = check(value: r.value, rule: rule, quarters: n, period: period)
            return YearToDateResult(
                unitId: r.unitId, indicator: r.indicator, value: r.value, numerator: r.numerator,
                denominator: r.denominator, target: check.target, comparator: rule?.comparator,
                paceTarget: check.pace, completion: check.completion, status: check.status)
        }
        return YearToDateTable(period: period, quarters: n, units: computed.units, results: results)
    }

    /// The yearly target, the pace after `quarters` quarters, the completion share and the status
    /// of a year-to-date value (contract §8).
    public static func check(value: Double?, rule: TargetRule?, quarters: Int, period: Period)
        -> (target: Double?, pace: Double?, completion: Double?, status: TargetStatus)
    {
        guard let rule else { return (nil, nil, nil, .noTarget) }
        let pace = rule.prorate == .linear ? rule.target * Double(quarters) / 4 : rule.target
        var completion: Double?
        if rule.prorate == .linear, let value, rule.target != 0 { completion = value / rule.target }
        // The status is §6's, against the pace: the rule with its target replaced by the pace and
        // pro-rating switched off; the warning margin is used as written.
        var paced = rule
        paced.target = pace
        paced.prorate = .none
        return (rule.target, pace, completion, TargetBook.status(value: value, rule: paced, period: period))
    }
}
