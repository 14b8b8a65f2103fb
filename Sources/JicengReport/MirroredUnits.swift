import JicengAggregate
import JicengCore

/// Units that only repeat their parent: the single child of a unit (a city with one district)
/// whose every indicator has the same value, target and status as its parent's. Listing both
/// shows the reader the same row twice, so the report lists the parent and says the child is
/// the same.
struct MirroredUnits {
    /// Mirrored unit id → its parent's id.
    let parentOf: [String: String]
    /// Parent id → the names of its mirrored children (one at most).
    let childNames: [String: [String]]

    var ids: Set<String> { Set(parentOf.keys) }

    func contains(_ unitId: String) -> Bool { parentOf[unitId] != nil }

    /// From each unit's results, compared as (indicator, value, target, status).
    init(units: [UnitInfo], signatures: [String: [String: String]]) {
        var children: [String: [UnitInfo]] = [:]
        for unit in units { if let p = unit.parentId { children[p, default: []].append(unit) } }
        var parentOf: [String: String] = [:]
        var childNames: [String: [String]] = [:]
        for (parent, kids) in children where kids.count == 1 {
            let child = kids[0]
            guard let mine = signatures[child.id], !mine.isEmpty, mine == signatures[parent] else { continue }
            parentOf[child.id] = parent
            childNames[parent, default: []].append(child.name)
        }
        self.parentOf = parentOf
        self.childNames = childNames
    }

    /// Over a quarter's results.
    init(_ evaluation: Evaluation) {
        let candidates = MirroredUnits.candidates(evaluation.units)
        var signatures: [String: [String: String]] = [:]
        if !candidates.isEmpty {
            for r in evaluation.results where candidates.contains(r.unitId) {
                signatures[r.unitId, default: [:]][r.indicator] = MirroredUnits.signature(r.value, r.target, r.comparator, r.status)
            }
        }
        self.init(units: evaluation.units, signatures: signatures)
    }

    /// Over a year-to-date table.
    init(_ table: YearToDateTable) {
        let candidates = MirroredUnits.candidates(table.units)
        var signatures: [String: [String: String]] = [:]
        if !candidates.isEmpty {
            for r in table.results where candidates.contains(r.unitId) {
                signatures[r.unitId, default: [:]][r.indicator] = MirroredUnits.signature(r.value, r.paceTarget, r.comparator, r.status)
            }
        }
        self.init(units: table.units, signatures: signatures)
    }

    /// The only units whose signatures can matter: each single child and its parent (a unit
    /// with several children mirrors none of them). Most hierarchies have few or none.
    private static func candidates(_ units: [UnitInfo]) -> Set<String> {
        var childCount: [String: Int] = [:]
        for unit in units { if let p = unit.parentId { childCount[p, default: 0] += 1 } }
        var ids = Set<String>()
        for unit in units {
            if let p = unit.parentId, childCount[p] == 1 {
                ids.insert(unit.id)
                ids.insert(p)
            }
        }
        return ids
    }

    private static func signature(_ value: Double?, _ target: Double?, _ comparator: Comparator?, _ status: TargetStatus) -> String {
        [
            value.map { DecimalFormatter.format($0) } ?? "", target.map { DecimalFormatter.format($0) } ?? "",
            comparator?.rawValue ?? "", status.rawValue,
        ].joined(separator: "|")
    }
}
