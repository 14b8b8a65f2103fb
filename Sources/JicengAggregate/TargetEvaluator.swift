import JicengCore

/// Checks every indicator value of an evaluation against the targets (contract §6). Separate
/// from computing the values so that `jiceng report` can re-apply changed targets to an
/// aggregate without re-reading the drop.
public enum TargetEvaluator {
    public static func apply(_ book: TargetBook, to evaluation: Evaluation) -> Evaluation {
        var e = evaluation
        let levels = Dictionary(e.units.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        for i in e.results.indices {
            var r = e.results[i]
            r.target = nil
            r.comparator = nil
            r.status = .noTarget
            if let level = levels[r.unitId], let rule = book.rule(for: r.indicator, unitId: r.unitId, level: level, year: e.period.year) {
                r.target = TargetBook.effectiveTarget(rule, period: e.period)
                r.comparator = rule.comparator
                r.status = TargetBook.status(value: r.value, rule: rule, period: e.period)
            }
            e.results[i] = r
        }
        return e
    }
}
