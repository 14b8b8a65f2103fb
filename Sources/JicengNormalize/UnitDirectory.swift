import JicengCore
import JicengPipeline

/// The validated hierarchy of a drop: every unit with its parent, level and names, and the
/// lookups that attach fact rows to units (by id, by community name or alias, by street).
///
/// Built once from the `units` dataset and then read concurrently by every worker.
public final class UnitDirectory: Sendable {
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var name: String
        public var level: UnitLevel
        public var parent: Int?
        public var aliases: [String]
        public var depth: Int
    }

    /// Units in hierarchy order: parents before children, siblings by id. Index 0 is the root.
    public let units: [Unit]
    private let byId: FoldedLookup<Int>
    private let communitiesByName: FoldedLookup<[Int]>
    private let streetsByName: FoldedLookup<[Int]>
    /// For each unit, its ancestor of level `street` (or nil).
    private let streetOf: [Int?]
    /// For each unit, the chain of ancestors including itself, root last.
    public let ancestors: [[Int]]
    /// For each unit, its level (what the row loop reads of `units`, without copying a unit).
    private let levels: [UnitLevel]
    /// The units of each community name (by `communitiesByName.valueIndex`) and of each street
    /// name, as flat tables: `units[starts[v]..<starts[v + 1]]` (a lookup returns no array).
    private let communityTable: CandidateTable
    private let streetTable: CandidateTable

    /// Units per name, flattened.
    private struct CandidateTable {
        let starts: [Int]
        let units: [Int]

        init(_ lists: [[Int]]) {
            var starts = [0]
            var units: [Int] = []
            for list in lists {
                units.append(contentsOf: list)
                starts.append(units.count)
            }
            self.starts = starts
            self.units = units
        }

        init(privateCopyOf o: CandidateTable) {
            starts = o.starts.map { $0 }
            units = o.units.map { $0 }
        }
    }

    public var count: Int { units.count }

    /// `units` must already be in hierarchy order with valid parents.
    public init(units: [Unit]) {
        self.units = units
        byId = FoldedLookup(units.enumerated().map { ($0.element.id, $0.offset) }, combine: { a, _ in a })
        func names(_ level: UnitLevel) -> FoldedLookup<[Int]> {
            var entries: [(key: String, value: [Int])] = []
            for (i, u) in units.enumerated() where u.level == level {
                var seen = Set<String>()
                for n in [u.name] + u.aliases {
                    let folded = TextFolding.fold(n)
                    guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
                    entries.append((n, [i]))
                }
            }
            return FoldedLookup(entries, combine: { a, b in Array(Set(a + b)).sorted() })
        }
        communitiesByName = names(.community)
        streetsByName = names(.street)
        var chains: [[Int]] = []
        var streets: [Int?] = []
        for (i, u) in units.enumerated() {
            var chain = [i]
            if let p = u.parent { chain.append(contentsOf: chains[p]) }
            chains.append(chain)
            streets.append(chain.first { units[$0].level == .street })
        }
        ancestors = chains
        streetOf = streets
        levels = units.map(\.level)
        communityTable = CandidateTable(communitiesByName.valuesInOrder)
        streetTable = CandidateTable(streetsByName.valuesInOrder)
    }

    private init(privateCopyOf o: UnitDirectory) {
        units = o.units
        byId = o.byId.privateCopy()
        communitiesByName = o.communitiesByName.privateCopy { $0.map { $0 } }
        streetsByName = o.streetsByName.privateCopy { $0.map { $0 } }
        streetOf = o.streetOf.map { $0 }
        ancestors = o.ancestors
        levels = o.levels.map { $0 }
        communityTable = CandidateTable(privateCopyOf: o.communityTable)
        streetTable = CandidateTable(privateCopyOf: o.streetTable)
    }

    /// A copy whose lookups are its own, for one worker thread (see `RecordProcessor.forWorker`).
    public func privateCopy() -> UnitDirectory { UnitDirectory(privateCopyOf: self) }

    /// The level of unit `u`.
    public func level(of u: Int) -> UnitLevel { levels[u] }

    public func unit(id bytes: UnsafeBufferPointer<UInt8>) -> Int? { byId.lookup(bytes) }
    public func unit(id: String) -> Int? { byId.lookup(id) }

    /// Communities whose name or alias matches.
    public func communities(named bytes: UnsafeBufferPointer<UInt8>) -> [Int] { communitiesByName.lookup(bytes) ?? [] }

    /// Streets whose name or alias matches.
    public func streets(named bytes: UnsafeBufferPointer<UInt8>) -> [Int] { streetsByName.lookup(bytes) ?? [] }

    public func street(of unit: Int) -> Int? { streetOf[unit] }

    /// The community a row names (contract §2): the one community with that name or alias, or,
    /// when `street` is given, the one among them under a street of that name. `ambiguous` when
    /// several match. Allocates nothing: it runs once per row of a file that names communities.
    public func community(
        named name: UnsafeBufferPointer<UInt8>, inStreetNamed street: UnsafeBufferPointer<UInt8>?
    ) -> (unit: Int?, ambiguous: Bool) {
        guard let v = communitiesByName.valueIndex(name) else { return (nil, false) }
        let named = communityTable.starts[v]..<communityTable.starts[v + 1]
        guard let street else { return named.count == 1 ? (communityTable.units[named.lowerBound], false) : (nil, named.count > 1) }
        var streets = 0..<0
        if let s = streetsByName.valueIndex(street) { streets = streetTable.starts[s]..<streetTable.starts[s + 1] }
        var match: Int?
        var matches = 0
        for k in named {
            let c = communityTable.units[k]
            guard let s = streetOf[c], streets.contains(where: { streetTable.units[$0] == s }) else { continue }
            matches += 1
            if match == nil { match = c }
        }
        return matches == 1 ? (match, false) : (nil, matches > 1)
    }
}
