import JicengCore
import JicengPipeline

/// One row of the units dataset after parsing, before the hierarchy is checked.
public struct UnitRow: Sendable, Hashable {
    public var id: String
    public var name: String
    public var level: UnitLevel
    public var parentId: String?
    public var aliases: [String]
    public var file: String
    public var line: Int

    public init(id: String, name: String, level: UnitLevel, parentId: String?, aliases: [String], file: String, line: Int) {
        self.id = id
        self.name = name
        self.level = level
        self.parentId = parentId
        self.aliases = aliases
        self.file = file
        self.line = line
    }
}

/// Checks the hierarchy of contract §3 — unique ids, exactly one root, each child's level below
/// its parent's, no cycles, parents that exist — and builds the `UnitDirectory` from the units
/// that pass. A unit whose parent was rejected is rejected too, so every kept unit hangs from
/// the root.
public enum UnitHierarchyBuilder {
    /// `idLabels`: per units file, how its messages name the unit_id column (`单位编码 (unit_id)`,
    /// `HeaderMapping.columnLabels`); `unit_id` for a file not listed.
    public static func build(_ rows: [UnitRow], idLabels: [String: String] = [:]) -> (directory: UnitDirectory?, findings: [Finding]) {
        var findings: [Finding] = []
        func finding(_ code: FindingCode, _ row: UnitRow, column: String, value: String?, _ message: LocalizedText) {
            findings.append(
                Finding(
                    severity: .error, code: code, dataset: "units", file: row.file, line: row.line,
                    column: column, value: value.map(SensitiveDataMasker.mask), message: message))
        }
        // Unique ids (folded, as references match them folded).
        var byId: [String: Int] = [:]
        var kept: [UnitRow] = []
        for row in rows {
            let key = TextFolding.fold(row.id)
            if let first = byId[key] {
                let f = kept[first]
                finding(
                    .uniqueError, row, column: "unit_id", value: row.id,
                    FindingMessages.duplicateKey(idLabels[row.file] ?? "unit_id", firstFile: f.file, firstLine: f.line))
                continue
            }
            byId[key] = kept.count
            kept.append(row)
        }
        // Root.
        var root: Int?
        var rejected = Set<Int>()
        for (i, row) in kept.enumerated() where row.parentId == nil {
            if let r = root {
                finding(.ruleError, row, column: "parent_id", value: nil, FindingMessages.hierarchy(.extraRoot(kept[r].id)))
                rejected.insert(i)
            } else {
                root = i
            }
        }
        guard let root else {
            if let first = kept.first {
                finding(.ruleError, first, column: "parent_id", value: first.parentId, FindingMessages.hierarchy(.noRoot))
            }
            return (nil, findings)
        }
        // Cycles: every unit on a parent chain that comes back to itself is a rule-error saying so
        // (rather than the level check below reporting one of them as "level not below parent",
        // which points the analyst at the wrong column). Walks each chain once: O(units).
        var state = [UInt8](repeating: 0, count: kept.count)  // 0 new, 1 on the current path, 2 done
        for start in kept.indices where state[start] == 0 {
            var path: [Int] = []
            var i = start
            while true {
                if state[i] == 2 { break }
                if state[i] == 1 {
                    // The path from the first visit of i to its end is a cycle.
                    let from = path.firstIndex(of: i)!
                    for c in path[from...].sorted() {
                        finding(.ruleError, kept[c], column: "parent_id", value: kept[c].parentId, FindingMessages.hierarchy(.cycle))
                        rejected.insert(c)
                    }
                    break
                }
                state[i] = 1
                path.append(i)
                guard i != root, let pid = kept[i].parentId, let p = byId[TextFolding.fold(pid)] else { break }
                i = p
            }
            for c in path { state[c] = 2 }
        }
        // Parents and levels.
        var parent = [Int?](repeating: nil, count: kept.count)
        for (i, row) in kept.enumerated() where i != root && !rejected.contains(i) {
            guard let pid = row.parentId, let p = byId[TextFolding.fold(pid)] else {
                finding(.unknownUnit, row, column: "parent_id", value: row.parentId, FindingMessages.hierarchy(.unknownParent))
                rejected.insert(i)
                continue
            }
            if kept[p].level.rank >= row.level.rank {
                finding(
                    .ruleError, row, column: "level", value: row.level.rawValue,
                    FindingMessages.hierarchy(.levelNotBelowParent(kept[p].id)))
                rejected.insert(i)
                continue
            }
            parent[i] = p
        }
        // Every unit must reach the root through kept units; one that does not hangs from a
        // rejected unit (or from a cycle) and is rejected too.
        var reaches = [Bool?](repeating: nil, count: kept.count)
        reaches[root] = true
        func resolve(_ i: Int, _ depth: Int) -> Bool {
            if let r = reaches[i] { return r }
            if rejected.contains(i) || depth > kept.count {
                reaches[i] = false
                return false
            }
            guard let p = parent[i] else {
                reaches[i] = false
                return false
            }
            let r = resolve(p, depth + 1)
            reaches[i] = r
            return r
        }
        for i in kept.indices where !rejected.contains(i) && !resolve(i, 0) {
            finding(.unknownUnit, kept[i], column: "parent_id", value: kept[i].parentId, FindingMessages.hierarchy(.parentRejected))
            rejected.insert(i)
        }
        // Order: depth-first from the root, children by id.
        var children = [[Int]](repeating: [], count: kept.count)
        for i in kept.indices where !rejected.contains(i) && i != root {
            if let p = parent[i] { children[p].append(i) }
        }
        var ordered: [UnitDirectory.Unit] = []
        var stack: [(Int, Int?, Int)] = [(root, nil, 0)]
        while let (i, p, depth) = stack.popLast() {
            let row = kept[i]
            let newIndex = ordered.count
            ordered.append(UnitDirectory.Unit(id: row.id, name: row.name, level: row.level, parent: p, aliases: row.aliases, depth: depth))
            for c in children[i].sorted(by: { kept[$0].id > kept[$1].id }) { stack.append((c, newIndex, depth + 1)) }
        }
        return (UnitDirectory(units: ordered), findings)
    }
}
