import JicengAggregate
import JicengCore

/// Lookups over one `Evaluation` that every part of a report needs: units by id and level,
/// results by unit and indicator, the top unit, and how each indicator is displayed.
struct EvaluationIndex {
    let evaluation: Evaluation
    let unitsById: [String: UnitInfo]
    let indicatorsByName: [String: IndicatorInfo]
    /// Positions in `evaluation.results` (not copies: a result is a large value).
    private let resultsByUnit: [String: [String: Int]]
    /// The units that only repeat their parent (made once for every section that leaves them out).
    let mirrored: MirroredUnits
    /// Indicators that some target holds to `<=`.
    private let heldAtMost: Set<String>

    init(_ evaluation: Evaluation) {
        self.evaluation = evaluation
        var units: [String: UnitInfo] = [:]
        for unit in evaluation.units where units[unit.id] == nil { units[unit.id] = unit }
        unitsById = units
        var indicators: [String: IndicatorInfo] = [:]
        for info in evaluation.indicators where indicators[info.name] == nil { indicators[info.name] = info }
        indicatorsByName = indicators
        var results: [String: [String: Int]] = [:]
        for (position, r) in evaluation.results.enumerated() { results[r.unitId, default: [:]][r.indicator] = position }
        resultsByUnit = results
        mirrored = MirroredUnits(evaluation)
        heldAtMost = Set(evaluation.results.lazy.filter { $0.comparator == .atMost }.map(\.indicator))
    }

    /// The root of the hierarchy (the unit without parent, else the shallowest unit).
    var top: UnitInfo? {
        evaluation.units.first(where: { $0.parentId == nil }) ?? evaluation.units.min(by: { $0.depth < $1.depth })
    }

    func result(_ unitId: String, _ indicator: String) -> IndicatorResult? {
        resultsByUnit[unitId]?[indicator].map { evaluation.results[$0] }
    }

    /// Units of one level in hierarchy order.
    func units(at level: UnitLevel) -> [UnitInfo] {
        evaluation.units.filter { $0.level == level && $0.id != top?.id }
    }

    /// Levels below the top unit that have units, highest first.
    var lowerLevels: [UnitLevel] {
        let present = Set(evaluation.units.filter { $0.id != top?.id }.map(\.level))
        return UnitLevel.allCases.filter(present.contains)
    }

    /// Indicators (in pipeline order) among `names` that the evaluation has.
    func indicators(named names: [String]) -> [IndicatorInfo] {
        var seen = Set<String>()
        return names.compactMap { name in
            guard seen.insert(name).inserted else { return nil }
            return indicatorsByName[name]
        }
    }

    func format(_ indicator: String) -> DisplayFormat {
        DisplayFormat(display: indicatorsByName[indicator]?.display ?? .decimal)
    }

    func title(_ indicator: String, _ language: Language) -> String {
        indicatorsByName[indicator]?.title.text(language) ?? indicator
    }

    func parentName(of unit: UnitInfo) -> String {
        unit.parentId.flatMap { unitsById[$0]?.name } ?? ""
    }

    /// True when lower values are better for this indicator (some target says `<=`).
    func lowerIsBetter(_ indicator: String) -> Bool {
        heldAtMost.contains(indicator)
    }

    /// The one target every given unit is held to for an indicator, or nil when none or several.
    func sharedTarget(_ indicator: String, units: [UnitInfo]) -> (target: Double, comparator: Comparator?)? {
        var found: (Double, Comparator?)?
        for unit in units {
            guard let r = result(unit.id, indicator), let target = r.target else { continue }
            if let (t, c) = found, t != target || c != r.comparator { return nil }
            found = (target, r.comparator)
        }
        return found
    }
}

extension String {
    /// nil for the empty string, so that a template section `{{#x}}…{{/x}}` is skipped.
    var nonEmpty: String? { isEmpty ? nil : self }
}
