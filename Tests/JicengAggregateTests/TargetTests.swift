import JicengCore
import JicengNormalize
import JicengPipeline
import Testing

@testable import JicengAggregate

@Suite("Targets of contract §6")
struct TargetTests {
    static let q2 = Period(year: 2022, quarter: 2)
    static let year = Period(year: 2022)

    private func rule(
        for indicator: String = "resolution_rate", year: Int = 2022, level: UnitLevel? = nil, unit: String? = nil,
        _ comparator: Comparator = .atLeast, _ target: Double, warning: Double = 0,
        prorate: TargetRule.Prorate = .none
    ) -> TargetRule {
        TargetRule(
            year: year, indicator: indicator, level: level, unitId: unit, comparator: comparator, target: target,
            warning: warning, prorate: prorate)
    }

    private func status(_ value: Double?, _ r: TargetRule, _ period: Period = q2) -> TargetStatus {
        TargetBook.status(value: value, rule: r, period: period)
    }

    @Test("the most specific rule applies: unit, then level, then any; whatever the order of the rules")
    func specificity() {
        let any = rule(.atLeast, 0.9)
        let street = rule(level: .street, .atLeast, 0.8)
        let s1 = rule(unit: "S1", .atLeast, 0.7)
        for rules in [[any, street, s1], [s1, street, any], [street, s1, any]] {
            let book = TargetBook(rules: rules)
            #expect(book.rule(for: "resolution_rate", unitId: "S1", level: .street, year: 2022)?.target == 0.7)
            #expect(book.rule(for: "resolution_rate", unitId: "S2", level: .street, year: 2022)?.target == 0.8)
            #expect(book.rule(for: "resolution_rate", unitId: "M1", level: .community, year: 2022)?.target == 0.9)
            #expect(book.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2022)?.target == 0.9)
            // Another indicator has no rule.
            #expect(book.rule(for: "response_rate", unitId: "S1", level: .street, year: 2022) == nil)
        }
        // A unit rule matches the id as references do (folded).
        let book = TargetBook(rules: [any, rule(unit: "s１", .atLeast, 0.5)])
        #expect(book.rule(for: "resolution_rate", unitId: "S1", level: .street, year: 2022)?.target == 0.5)
    }

    @Test("only rules of the period's year apply")
    func yearMatching() {
        let book = TargetBook(rules: [rule(year: 2021, .atLeast, 0.90), rule(year: 2022, .atLeast, 0.91), rule(year: 2023, .atLeast, 0.92)])
        #expect(book.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2022)?.target == 0.91)
        #expect(book.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2023)?.target == 0.92)
        #expect(book.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2024) == nil)
        // A unit rule of another year does not beat this year's general rule.
        let mixed = TargetBook(rules: [rule(year: 2021, unit: "C", .atLeast, 0.5), rule(year: 2022, .atLeast, 0.91)])
        #expect(mixed.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2022)?.target == 0.91)
    }

    @Test(">=: met at or above, warning within the margin below, missed beyond")
    func atLeast() {
        // Target 0.9, warning 0.03: met ≥ 0.9; warning ≥ 0.87; missed below.
        let r = rule(.atLeast, 0.9, warning: 0.03)
        #expect(status(0.95, r) == .met)
        #expect(status(0.9, r) == .met)
        #expect(status(0.88, r) == .warning)
        #expect(status(0.87, r) == .warning)  // exactly on the margin
        #expect(status(0.869, r) == .missed)
        #expect(status(0.5, r) == .missed)
        // Without a warning margin there is no warning.
        let strict = rule(.atLeast, 0.9)
        #expect(status(0.8999, strict) == .missed)
        #expect(status(0.9, strict) == .met)
    }

    @Test("<=: met at or below, warning within the margin above, missed beyond")
    func atMost() {
        // mean_days_to_close ≤ 9 days, warning 2: met ≤ 9; warning ≤ 11; missed above.
        let r = rule(for: "mean_days_to_close", .atMost, 9, warning: 2)
        #expect(status(3, r) == .met)
        #expect(status(9, r) == .met)
        #expect(status(10.5, r) == .warning)
        #expect(status(11, r) == .warning)
        #expect(status(11.01, r) == .missed)
        // The margin is on the wrong side only: far below is still met.
        #expect(status(0, r) == .met)
    }

    @Test("exactly on target counts as met, whatever binary rounding does (0.9 against 90%)")
    func exactlyOnTarget() {
        // A "90%" target is 90 / 100; the value 27 of 30 resolved is 27 / 30; 0.7 + 0.2 is
        // 0.8999999999999999 in binary. All are 0.9 in decimal.
        let r = rule(.atLeast, 90.0 / 100.0)
        #expect(status(27.0 / 30.0, r) == .met)
        #expect(status(0.7 + 0.2, r) == .met)
        #expect(status(0.9, rule(.atMost, 0.9)) == .met)
        #expect(status(0.7 + 0.2, rule(.atMost, 0.9)) == .met)
        // The seed-004 rate 4229 / 4690 = 0.9017 meets 90%, and misses 91% (warning 0.03 → warning).
        #expect(status(4229.0 / 4690.0, r) == .met)
        #expect(status(4229.0 / 4690.0, rule(.atLeast, 0.91, warning: 0.03)) == .warning)
        // 0.6 against a 60% target (3 of 5).
        #expect(status(3.0 / 5.0, rule(.atLeast, 60.0 / 100.0)) == .met)
    }

    @Test("linear pro-rating holds a quarter to a quarter of the yearly target; a year to all of it")
    func prorating() {
        // services_delivered ≥ 100 a year, linear: a quarter needs 100 / 4 = 25.
        let r = rule(for: "services_delivered", .atLeast, 100, prorate: .linear)
        #expect(TargetBook.effectiveTarget(r, period: Self.q2) == 25)
        #expect(TargetBook.effectiveTarget(r, period: Self.year) == 100)
        // A half-year needs 100 / 2 = 50 (contract §9).
        #expect(TargetBook.effectiveTarget(r, period: Period(year: 2022, half: 1)) == 50)
        #expect(status(25, r, Self.q2) == .met)
        #expect(status(24, r, Self.q2) == .missed)
        #expect(status(25, r, Self.year) == .missed)
        #expect(status(100, r, Self.year) == .met)
        // Not pro-rated: the quarter is held to the whole yearly figure (rates are not pro-rated).
        let rate = rule(.atLeast, 0.9)
        #expect(TargetBook.effectiveTarget(rate, period: Self.q2) == 0.9)
        #expect(status(0.3, rate, Self.q2) == .missed)
        // <= pro-rated: at most 40 open requests a year → 10 a quarter.
        let open = rule(for: "requests_open", .atMost, 40, warning: 2, prorate: .linear)
        #expect(status(10, open, Self.q2) == .met)
        #expect(status(12, open, Self.q2) == .warning)  // margin used as written: 10 + 2
        #expect(status(13, open, Self.q2) == .missed)
    }

    @Test("no value is no_data")
    func noData() {
        #expect(status(nil, rule(.atLeast, 0.9)) == .noData)
        #expect(status(nil, rule(.atMost, 9)) == .noData)
    }

    @Test("through the indicator table: target, comparator and status per unit; no rule → no_target")
    func throughEvaluation() throws {
        let book = TargetBook(rules: [
            rule(.atLeast, 0.9, warning: 0.1),  // any unit: met ≥ 0.9, warning ≥ 0.8
            rule(level: .street, .atLeast, 0.6),  // streets: ≥ 0.6
            rule(unit: "S2", .atLeast, 0, warning: 0),  // S2: anything goes
            rule(for: "services_delivered", .atLeast, 12, prorate: .linear),  // 3 a quarter
            rule(for: "grids", year: 2023, .atLeast, 1),  // another year: never applies
        ])
        let (_, e) = try ATFixture.drop().evaluate(targets: book)
        func check(
            _ unit: String, _ indicator: String, _ status: TargetStatus, target: Double?,
            sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) {
            let r = e.result(unit, indicator)
            #expect(r?.status == status, "\(unit) \(indicator)", sourceLocation: sourceLocation)
            #expect(r?.target == target, "\(unit) \(indicator)", sourceLocation: sourceLocation)
        }
        // Resolution rates (see IndicatorTests): C 0.5, S1 0.6, S2 0, M1 0.5, M2 1, G1 1, G3 none.
        check("C", "resolution_rate", .missed, target: 0.9)  // 0.5 < 0.8
        check("S1", "resolution_rate", .met, target: 0.6)  // street rule, exactly on it
        check("S2", "resolution_rate", .met, target: 0)  // unit rule beats the street rule
        check("M1", "resolution_rate", .missed, target: 0.9)
        check("M2", "resolution_rate", .met, target: 0.9)
        check("G3", "resolution_rate", .noData, target: 0.9)  // no requests: undefined
        // services_delivered: quarter target 12 / 4 = 3; C has 4 (met), S1 3 (met), M2 2 (missed).
        check("C", "services_delivered", .met, target: 3)
        check("S1", "services_delivered", .met, target: 3)
        check("M2", "services_delivered", .missed, target: 3)
        // No rule for 2022: no_target, no target value.
        check("C", "grids", .noTarget, target: nil)
        check("C", "response_rate", .noTarget, target: nil)
        #expect(e.result("C", "resolution_rate")?.comparator == .atLeast)
        #expect(e.result("C", "grids")?.comparator == nil)
        // The same drop as a year: the linear target is the whole 12, and the year counts all five
        // services (V4, 2022-03-31, too): 5 < 12.
        let (_, y) = try ATFixture.drop().evaluate(period: Self.year, targets: book)
        #expect(y.result("C", "services_delivered")?.value == 5)
        #expect(y.result("C", "services_delivered")?.target == 12)
        #expect(y.result("C", "services_delivered")?.status == .missed)
    }
}
