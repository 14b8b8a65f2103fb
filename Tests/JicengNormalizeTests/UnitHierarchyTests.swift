import JicengCore
import Testing

@testable import JicengNormalize

@Suite("UnitHierarchyBuilder")
struct UnitHierarchyBuilderTests {
    private func row(_ id: String, _ level: UnitLevel, _ parent: String?, line: Int) -> UnitRow {
        NT.row(id, id, level, parent, line: line)
    }

    @Test("one root: every unit kept, parents before children, siblings by id")
    func oneRoot() throws {
        let built = UnitHierarchyBuilder.build(NT.unitRows)
        #expect(built.findings.isEmpty)
        let d = try #require(built.directory)
        // Depth first from C; children in id order: D1 (S1 (M1 (G1, G2), M2 (G3)), S2 (M3 (G4))), D2.
        #expect(d.units.map(\.id) == ["C", "D1", "S1", "M1", "G1", "G2", "M2", "G3", "S2", "M3", "G4", "D2"])
        #expect(d.units.map(\.depth) == [0, 1, 2, 3, 4, 4, 3, 4, 2, 3, 4, 1])
        let parents = d.units.map { $0.parent.map { d.units[$0].id } ?? "-" }
        #expect(parents == ["-", "C", "D1", "S1", "M1", "M1", "S1", "M2", "D1", "S2", "M3", "C"])
        for (i, u) in d.units.enumerated() {
            if let p = u.parent { #expect(p < i, "parent of \(u.id) comes first") }
        }
        #expect(d.units[d.index("M2")].aliases == ["西门", "老西门"])
    }

    @Test("input order does not matter: the same order comes out of shuffled rows")
    func orderIndependent() throws {
        let reversed = UnitHierarchyBuilder.build(NT.unitRows.reversed())
        #expect(reversed.findings.isEmpty)
        let d = try #require(reversed.directory)
        #expect(d.units.map(\.id) == ["C", "D1", "S1", "M1", "G1", "G2", "M2", "G3", "S2", "M3", "G4", "D2"])
        // Siblings sort by id as text: "G10" < "G2" < "G9".
        let rows = [
            row("C", .city, nil, line: 2), row("G9", .grid, "C", line: 3), row("G10", .grid, "C", line: 4),
            row("G2", .grid, "C", line: 5),
        ]
        let e = try #require(UnitHierarchyBuilder.build(rows).directory)
        #expect(e.units.map(\.id) == ["C", "G10", "G2", "G9"])
    }

    @Test("two roots: the second is a rule-error on parent_id, and its children are rejected with it")
    func twoRoots() throws {
        let rows = [
            row("C", .city, nil, line: 2), row("D1", .district, "C", line: 3),
            row("X", .city, nil, line: 4), row("XD", .district, "X", line: 5),
        ]
        let built = UnitHierarchyBuilder.build(rows)
        let d = try #require(built.directory)
        #expect(d.units.map(\.id) == ["C", "D1"])
        #expect(built.findings.count == 2)
        let extra = try #require(built.findings.first { $0.line == 4 })
        #expect(extra.code == .ruleError)
        #expect(extra.severity == .error)
        #expect(extra.column == "parent_id")
        #expect(extra.dataset == "units")
        #expect(extra.file == "units.csv")
        let orphan = try #require(built.findings.first { $0.line == 5 })
        #expect(orphan.severity == .error)
        #expect(orphan.column == "parent_id")
        #expect(orphan.value == "X")
    }

    @Test("no root: no directory, one rule-error")
    func noRoot() {
        let rows = [row("A", .city, "B", line: 2), row("B", .district, "A", line: 3)]
        let built = UnitHierarchyBuilder.build(rows)
        #expect(built.directory == nil)
        #expect(built.findings.contains { $0.code == .ruleError && $0.severity == .error })
        #expect(UnitHierarchyBuilder.build([]).directory == nil)
    }

    @Test("a child's level must be below its parent's")
    func levelNotBelowParent() throws {
        let rows = [
            row("C", .city, nil, line: 2), row("D", .district, "C", line: 3),
            row("S", .district, "D", line: 4),  // same level as its parent
            row("X", .city, "D", line: 5),  // above its parent
            row("G", .grid, "C", line: 6),
        ]  // skipping levels is fine
        let built = UnitHierarchyBuilder.build(rows)
        let d = try #require(built.directory)
        #expect(d.units.map(\.id) == ["C", "D", "G"])
        #expect(built.findings.compactMap(\.line).sorted() == [4, 5])
        for f in built.findings {
            #expect(f.code == .ruleError)
            #expect(f.column == "level")
        }
    }

    @Test("an unknown parent is an unknown-unit error on parent_id; its subtree goes too")
    func unknownParent() throws {
        let rows = [row("C", .city, nil, line: 2), row("S", .street, "ZZ", line: 3), row("M", .community, "S", line: 4)]
        let built = UnitHierarchyBuilder.build(rows)
        #expect(try #require(built.directory).units.map(\.id) == ["C"])
        let f = try #require(built.findings.first { $0.line == 3 })
        #expect(f.code == .unknownUnit)
        #expect(f.column == "parent_id")
        #expect(f.value == "ZZ")
        // M's parent S was rejected: M is rejected as well.
        let g = try #require(built.findings.first { $0.line == 4 })
        #expect(g.severity == .error)
        #expect(built.findings.count == 2)
    }

    @Test("a cycle is a rule-error on every unit of it, naming the cycle; units hanging from it are rejected")
    func cycle() throws {
        // A → B → A (levels even decrease one way), A2 → A2 (its own parent), and H hanging from B.
        let rows = [
            row("C", .city, nil, line: 2),
            row("A", .street, "B", line: 3), row("B", .community, "A", line: 4),
            row("A2", .street, "A2", line: 5),
            row("H", .grid, "B", line: 6),
        ]
        let built = UnitHierarchyBuilder.build(rows)
        #expect(try #require(built.directory).units.map(\.id) == ["C"])
        let cycle = built.findings.filter { $0.message == FindingMessages.hierarchy(.cycle) }
        #expect(cycle.compactMap(\.line).sorted() == [3, 4, 5])
        for f in cycle {
            #expect(f.code == .ruleError)
            #expect(f.column == "parent_id")
        }
        let h = try #require(built.findings.first { $0.line == 6 })
        #expect(h.severity == .error)
        #expect(h.message == FindingMessages.hierarchy(.parentRejected))
        #expect(built.findings.count == 4)
    }

    @Test("a duplicate unit_id (also after full-width folding) is a unique-error; the first row stays")
    func duplicateId() throws {
        let rows = [
            row("C", .city, nil, line: 2), row("D1", .district, "C", line: 3),
            NT.row("D1", "重复", .district, "C", line: 4),
            NT.row("Ｄ１", "全角重复", .district, "C", line: 5),
        ]
        let built = UnitHierarchyBuilder.build(rows)
        let d = try #require(built.directory)
        #expect(d.units.map(\.id) == ["C", "D1"])
        #expect(d.units[1].name == "D1")
        #expect(built.findings.map(\.line) == [4, 5])
        for f in built.findings {
            #expect(f.code == .uniqueError)
            #expect(f.column == "unit_id")
            #expect(f.message.en.contains("line 3"))
        }
        #expect(built.findings.map(\.value) == ["D1", "Ｄ１"])
    }
}

@Suite("UnitDirectory")
struct UnitDirectoryTests {
    private func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private func ids(_ d: UnitDirectory, _ list: [Int]) -> [String] { list.map { d.units[$0].id } }

    @Test("by id, folded: case, full-width forms and spaces")
    func byId() throws {
        let d = try NT.directory()
        let g1 = d.index("G1")
        #expect(d.units[g1].id == "G1")
        #expect(d.unit(id: "g1") == g1)
        #expect(d.unit(id: "Ｇ１") == g1)
        #expect(d.unit(id: " G1\u{3000}") == g1)
        #expect(bytes("ｇ１") { d.unit(id: $0) } == g1)
        #expect(d.unit(id: "G9") == nil)
        #expect(d.unit(id: "") == nil)
    }

    @Test("communities by name and alias; the same name under two streets gives both")
    func communities() throws {
        let d = try NT.directory()
        #expect(ids(d, bytes("西门社区") { d.communities(named: $0) }) == ["M2"])
        #expect(ids(d, bytes("西门") { d.communities(named: $0) }) == ["M2"])
        #expect(ids(d, bytes("老西门") { d.communities(named: $0) }) == ["M2"])
        #expect(ids(d, bytes(" 东门 ") { d.communities(named: $0) }) == ["M1"])
        #expect(Set(ids(d, bytes("东门社区") { d.communities(named: $0) })) == ["M1", "M3"])
        #expect(bytes("北门社区") { d.communities(named: $0) }.isEmpty)
        // Streets and grids are not communities.
        #expect(bytes("绣林街道") { d.communities(named: $0) }.isEmpty)
        #expect(bytes("一网格") { d.communities(named: $0) }.isEmpty)
    }

    @Test("streets by name and alias, and each unit's street")
    func streets() throws {
        let d = try NT.directory()
        #expect(ids(d, bytes("绣林街道") { d.streets(named: $0) }) == ["S1"])
        #expect(ids(d, bytes("绣林") { d.streets(named: $0) }) == ["S1"])
        #expect(ids(d, bytes("笔架山") { d.streets(named: $0) }) == ["S2"])
        #expect(bytes("东门社区") { d.streets(named: $0) }.isEmpty)
        #expect(d.street(of: d.index("G1")) == d.index("S1"))
        #expect(d.street(of: d.index("M3")) == d.index("S2"))
        #expect(d.street(of: d.index("S2")) == d.index("S2"))
        #expect(d.street(of: d.index("D1")) == nil)
        #expect(d.street(of: d.index("C")) == nil)
        #expect(ids(d, d.ancestors[d.index("G4")]) == ["G4", "M3", "S2", "D1", "C"])
        #expect(ids(d, d.ancestors[d.index("C")]) == ["C"])
    }

    @Test("a street and a community may share an alias without mixing them up")
    func sharedAlias() throws {
        let rows = [
            NT.row("C", "市", .city, nil), NT.row("S", "东门街道", .street, "C", aliases: ["东门"]),
            NT.row("M", "东门社区", .community, "S", aliases: ["东门"]),
        ]
        let d = try #require(UnitHierarchyBuilder.build(rows).directory)
        #expect(ids(d, bytes("东门") { d.communities(named: $0) }) == ["M"])
        #expect(ids(d, bytes("东门") { d.streets(named: $0) }) == ["S"])
    }
}
