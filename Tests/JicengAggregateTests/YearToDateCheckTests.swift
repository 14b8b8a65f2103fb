import JicengCore
import Testing

@testable import JicengAggregate

/// A year-to-date value against the yearly target at the pace of the quarters elapsed
/// (contract §8), worked out by hand.
@Suite("Year-to-date target check")
struct YearToDateCheckTests {
    let q2 = Period(year: 2022, quarter: 2)

    @Test("linear: pace target × n / 4, completion value / target, status against the pace with the margin as written")
    func linear() {
        let rule = TargetRule(year: 2022, indicator: "services_delivered", comparator: .atLeast, target: 480, warning: 40, prorate: .linear)
        // After two quarters the pace is 240. 250 meets it (52% of the year), 200 is within 40, 199 is not.
        let met = YearToDateEvaluator.check(value: 250, rule: rule, quarters: 2, period: q2)
        #expect(met.target == 480 && met.pace == 240 && met.status == .met)
        #expect(met.completion == 250.0 / 480.0)
        #expect(YearToDateEvaluator.check(value: 200, rule: rule, quarters: 2, period: q2).status == .warning)
        #expect(YearToDateEvaluator.check(value: 199, rule: rule, quarters: 2, period: q2).status == .missed)
        // After four quarters the pace is the target itself.
        #expect(YearToDateEvaluator.check(value: 470, rule: rule, quarters: 4, period: Period(year: 2022, quarter: 4)).pace == 480)
        // No value: no completion, no_data; the targets are still shown.
        let none = YearToDateEvaluator.check(value: nil, rule: rule, quarters: 2, period: q2)
        #expect(none.status == .noData && none.completion == nil && none.pace == 240 && none.target == 480)
    }

    @Test("none: the pace is the target, no completion")
    func unprorated() {
        let rule = TargetRule(year: 2022, indicator: "resolution_rate", comparator: .atLeast, target: 0.9, warning: 0.03)
        let c = YearToDateEvaluator.check(value: 0.88, rule: rule, quarters: 3, period: Period(year: 2022, quarter: 3))
        #expect(c.target == 0.9 && c.pace == 0.9 && c.completion == nil && c.status == .warning)
        #expect(YearToDateEvaluator.check(value: 0.86, rule: rule, quarters: 1, period: Period(year: 2022, quarter: 1)).status == .missed)
        #expect(YearToDateEvaluator.check(value: 0.9, rule: rule, quarters: 1, period: Period(year: 2022, quarter: 1)).status == .met)
    }

    @Test("at most, linear: a yearly ceiling held at the pace")
    func atMost() {
        let rule = TargetRule(year: 2022, indicator: "requests_open", comparator: .atMost, target: 100, warning: 2, prorate: .linear)
        // One quarter: pace 25. 25 met, 27 warning, 28 missed; 27 is 27% of the yearly ceiling.
        #expect(YearToDateEvaluator.check(value: 25, rule: rule, quarters: 1, period: Period(year: 2022, quarter: 1)).status == .met)
        let w = YearToDateEvaluator.check(value: 27, rule: rule, quarters: 1, period: Period(year: 2022, quarter: 1))
        #expect(w.status == .warning && w.completion == 0.27)
        #expect(YearToDateEvaluator.check(value: 28, rule: rule, quarters: 1, period: Period(year: 2022, quarter: 1)).status == .missed)
    }

    @Test("no target: no_target and empty target columns; a zero linear target has no completion")
    func noTarget() {
        let c = YearToDateEvaluator.check(value: 5, rule: nil, quarters: 2, period: q2)
        #expect(c.status == .noTarget && c.target == nil && c.pace == nil && c.completion == nil)
        let zero = TargetRule(year: 2022, indicator: "requests_open", comparator: .atMost, target: 0, prorate: .linear)
        let z = YearToDateEvaluator.check(value: 0, rule: zero, quarters: 2, period: q2)
        #expect(z.completion == nil && z.status == .met && z.pace == 0)
    }
}
