import JicengAggregate
import JicengCore

/// The "red and yellow card" list: units that missed (red card) or nearly missed (yellow card) a
/// target, worst first, so that leadership sees where to follow up before reading any table.
///
/// A unit gets a red card when it missed at least one target, a yellow card when it only has
/// warnings. Units are ordered red before yellow, then by their largest relative shortfall; the
/// shortfalls of a unit are ordered the same way.
struct RedYellowCards {
    struct Shortfall {
        let result: IndicatorResult
        /// How far the value is on the wrong side of the target, relative to the target
        /// (absolute when the target is 0).
        let relative: Double
    }

    struct Entry {
        let unit: UnitInfo
        /// `.missed` (red card) or `.warning` (yellow card).
        let card: TargetStatus
        let shortfalls: [Shortfall]
    }

    let entries: [Entry]

    init(_ index: EvaluationIndex) {
        self.init(results: index.evaluation.results, unitsById: index.unitsById)
    }

    /// The list over any results checked against a target (the year-to-date rows, held to their
    /// pace, give the units behind 序时进度).
    init(results: [IndicatorResult], unitsById: [String: UnitInfo]) {
        var byUnit: [String: [Shortfall]] = [:]
        for r in results where r.status == .missed || r.status == .warning {
            byUnit[r.unitId, default: []].append(Shortfall(result: r, relative: RedYellowCards.relativeShortfall(r)))
        }
        var entries: [Entry] = []
        for (unitId, shortfalls) in byUnit {
            guard let unit = unitsById[unitId] else { continue }
            let sorted = shortfalls.sorted(by: RedYellowCards.worseFirst)
            let card: TargetStatus = sorted.contains { $0.result.status == .missed } ? .missed : .warning
            entries.append(Entry(unit: unit, card: card, shortfalls: sorted))
        }
        self.entries = entries.sorted { a, b in
            if a.card != b.card { return a.card == .missed }
            let wa = a.shortfalls.first(where: { $0.result.status == a.card })?.relative ?? 0
            let wb = b.shortfalls.first(where: { $0.result.status == b.card })?.relative ?? 0
            if wa != wb { return wa > wb }
            if a.unit.depth != b.unit.depth { return a.unit.depth < b.unit.depth }
            return a.unit.id.utf8.lexicographicallyPrecedes(b.unit.id.utf8)
        }
    }

    static func worseFirst(_ a: Shortfall, _ b: Shortfall) -> Bool {
        let ma = a.result.status == .missed
        let mb = b.result.status == .missed
        if ma != mb { return ma }
        if a.relative != b.relative { return a.relative > b.relative }
        return a.result.indicator.utf8.lexicographicallyPrecedes(b.result.indicator.utf8)
    }

    static func relativeShortfall(_ r: IndicatorResult) -> Double {
        guard let value = r.value, let target = r.target else { return 0 }
        let gap = r.comparator == .atMost ? value - target : target - value
        return target != 0 ? gap / abs(target) : gap
    }

    /// The signed distance to the target on the wrong side (positive = short of it).
    static func gap(_ r: IndicatorResult) -> Double? {
        guard let value = r.value, let target = r.target else { return nil }
        return r.comparator == .atMost ? value - target : target - value
    }
}
