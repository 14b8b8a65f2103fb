import JicengCore
import JicengPipeline
import Testing

@testable import JicengAggregate
@testable import JicengRun

/// Overlay files on top of the base targets, and the warnings about targets that do not stop a run.
@Suite("target layers and target warnings")
struct TargetLayersTests {
    static let header = "year,indicator,level,unit_id,comparator,target,warning,prorate"

    private func file(_ name: String, _ rows: [String]) throws -> TargetsFile {
        try TargetsFileReader.read(
            text: ([Self.header] + rows).joined(separator: "\n") + "\n", name: name, pipeline: PipelineLoader.standard)
    }

    /// base.csv, a.csv and b.csv, worked out by hand in `precedence`.
    private func layers() throws -> TargetLayers {
        TargetLayers(
            base: try file(
                "base.csv",
                [
                    "2022,resolution_rate,,,>=,91%,0.03,none",  // 2: any unit       → replaced by a.csv:2
                    "2022,resolution_rate,street,,>=,90%,0.03,none",  // 3: streets        → stays (no overlay row has this key)
                    "2022,response_rate,,,>=,0.98,0.02,none",  // 4: another indicator → stays
                    "2023,resolution_rate,,,>=,92%,0.03,none",  // 5: another year   → stays
                ]),
            overlays: [
                try file(
                    "a.csv",
                    [
                        "2022,诉求解决率,,,>=,85%,0.05,none",  // 2: same key as base:2 (by title)
                        "2022,resolution_rate,,S1,>=,80%,0,none",  // 3: new: unit S1 → replaced by b.csv:2
                    ]),
                try file(
                    "b.csv",
                    [
                        "2022,resolution_rate,,ｓ１,>=,70%,0,none"  // 2: same key as a:3 (unit ids fold: ｓ１ = S1)
                    ]),
            ])
    }

    @Test("an overlay row replaces the base row of the same year, indicator, level and unit; a later overlay wins")
    func precedence() throws {
        let l = try layers()
        let book = l.book
        // base:2 replaced by a:2; a:3 replaced by b:2; base:3, base:4, base:5 stay.
        #expect(book.rules.map(\.source) == ["base.csv:3", "base.csv:4", "base.csv:5", "a.csv:2", "b.csv:2"])
        func target(_ unit: String, _ level: UnitLevel, _ indicator: String = "resolution_rate", year: Int = 2022) -> Double? {
            book.rule(for: indicator, unitId: unit, level: level, year: year)?.target
        }
        #expect(target("C", .city) == 0.85)  // a.csv:2 (any unit), not base.csv:2's 0.91
        #expect(target("S1", .street) == 0.70)  // b.csv:2 (unit), beats the street row and a.csv:3
        #expect(target("S2", .street) == 0.90)  // base.csv:3: the street row is more specific than a.csv:2
        #expect(target("K1", .community) == 0.85)  // a.csv:2
        #expect(target("C", .city, "response_rate") == 0.98)
        #expect(target("C", .city, year: 2023) == 0.92)
        #expect(book.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2022)?.warning == 0.05)
        #expect(l.names == ["base.csv", "a.csv", "b.csv"])
        #expect(l.baseName == "base.csv")
        // Without a base file (a pipeline without targets_file) the overlays alone apply.
        let alone = TargetLayers(base: nil, overlays: l.overlays)
        #expect(alone.book.rules.map(\.source) == ["a.csv:2", "b.csv:2"])
        #expect(alone.names == ["none", "a.csv", "b.csv"])
        #expect(alone.baseName == "none")
    }

    @Test("through the evaluation: an overlay changes exactly the statuses of the rows it replaces")
    func throughEvaluation() throws {
        // ATFixture resolution rates (IndicatorTests): C 0.5, S1 0.6, S2 0, M1 0.5, M2 1, G1 1.
        let base = try file("base.csv", ["2022,resolution_rate,,,>=,90%,0,none", "2022,resolution_rate,street,,>=,60%,0,none"])
        let overlay = try file("local.csv", ["2022,resolution_rate,,,>=,50%,0,none"])
        let (_, before) = try ATFixture.drop().evaluate(targets: TargetLayers(base: base).book)
        let (_, after) = try ATFixture.drop().evaluate(targets: TargetLayers(base: base, overlays: [overlay]).book)
        #expect(before.result("C", "resolution_rate")?.status == .missed)  // 0.5 < 0.9
        #expect(after.result("C", "resolution_rate")?.status == .met)  // 0.5 ≥ 0.5
        #expect(after.result("C", "resolution_rate")?.target == 0.5)
        #expect(before.result("M1", "resolution_rate")?.status == .missed)
        #expect(after.result("M1", "resolution_rate")?.status == .met)
        // Streets keep the base file's street row (60%): S1 met at 0.6, S2 missed at 0.
        for e in [before, after] {
            #expect(e.result("S1", "resolution_rate")?.target == 0.6)
            #expect(e.result("S2", "resolution_rate")?.status == .missed)
        }
    }

    static let units: [(id: String, name: String)] = [("421081001001", "绣林街道"), ("421081002001", "笔架山街道")]

    @Test("no row for the period's year: one warning per file; every status no_target when no file has one")
    func noRowsForYear() throws {
        let l = try layers()
        let w = l.warnings(year: 2025, units: Self.units)
        #expect(w.map(\.code) == [.noTargetsForYear, .noTargetsForYear, .noTargetsForYear])
        #expect(w.map(\.file) == ["base.csv", "a.csv", "b.csv"])
        #expect(w.allSatisfy { $0.line == nil && $0.value == "2025" })
        #expect(w[0].message.zh == "没有 2025 年的目标（文件中是 2022、2023 年的目标），本期所有指标的状态都将是 no_target（无目标）")
        #expect(w[0].message.en == "no target for 2025 (it holds targets for 2022, 2023): every indicator's status will be no_target")
        #expect(w[1].message.en == "no target for 2025 (it holds targets for 2022): every indicator's status will be no_target")
        // 2023: the base file has a row, the overlays none: they change nothing this year.
        let w2023 = l.warnings(year: 2023, units: Self.units)
        #expect(w2023.map(\.file) == ["a.csv", "b.csv"])
        #expect(w2023[0].message.en == "no target for 2023 (it holds targets for 2022): it changes no target of this period")
        #expect(w2023[0].message.zh.hasSuffix("它不改变本期的任何目标"))
        // The standard targets cover 2021–2024 and warn about nothing else.
        let standard = TargetLayers(
            base: try TargetsFileReader.read(
                text: StandardTargetsText.csv, name: "built-in:Pipelines/targets.csv",
                pipeline: PipelineLoader.standard))
        for year in 2021...2024 { #expect(standard.warnings(year: year, units: Self.units).isEmpty, "\(year)") }
        #expect(
            standard.warnings(year: 2020, units: Self.units).map(\.message.en)
                == ["no target for 2020 (it holds targets for 2021–2024): every indicator's status will be no_target"])
        // A header-only file.
        let empty = TargetLayers(base: try file("empty.csv", []))
        #expect(
            empty.warnings(year: 2022, units: nil).map(\.message.en)
                == ["no target for 2022 (it holds no target at all): every indicator's status will be no_target"])
    }

    @Test("an unknown unit_id: a warning at its line, suggesting the unit meant (by a near id, or by its name)")
    func unknownUnits() throws {
        let l = TargetLayers(
            base: try file(
                "local.csv",
                [
                    "2022,resolution_rate,,421081001001,>=,95%,,",  // 2: known
                    "2022,resolution_rate,,421081001011,>=,95%,,",  // 3: one digit off 421081001001
                    "2022,resolution_rate,,笔架山街道,>=,95%,,",  // 4: the name of 421081002001
                    "2022,resolution_rate,,X,>=,95%,,",  // 5: nothing near
                    "2023,resolution_rate,,Y,>=,95%,,",  // 6: another year: not checked in a 2022 run
                ]))
        let w = l.warnings(year: 2022, units: Self.units)
        #expect(w.map(\.code) == [.unknownUnit, .unknownUnit, .unknownUnit])
        #expect(w.map(\.line) == [3, 4, 5])
        #expect(w.map(\.value) == ["421081001011", "笔架山街道", "X"])
        #expect(w.allSatisfy { $0.file == "local.csv" && $0.column == "unit_id" })
        #expect(w[0].location.description == "local.csv:3 (key 'unit_id')")
        #expect(
            w[0].message.en
                == "unit_id '421081001011' is no unit of the drop's units: the row applies to no unit; did you mean '421081001001' (绣林街道)?")
        #expect(w[0].message.zh == "单位编码 «421081001011» 不是数据包组织架构（units）中的单位，这一行不适用于任何单位；是否应为 «421081001001»（绣林街道）？")
        #expect(w[1].message.en.hasSuffix("; '笔架山街道' is the name of unit 421081002001: write its unit_id, 421081002001"))
        #expect(w[2].message.en == "unit_id 'X' is no unit of the drop's units: the row applies to no unit")
        // validate without --period checks every year; without units (no hierarchy) nothing is checked.
        #expect(l.warnings(year: nil, units: Self.units).map(\.line) == [3, 4, 5, 6])
        #expect(l.warnings(year: 2022, units: nil).isEmpty)
        // Unit ids match folded, as the book matches them.
        let folded = TargetLayers(base: try file("f.csv", ["2022,grids,,４２１０８１００１００１,>=,1,,"]))
        #expect(folded.warnings(year: 2022, units: Self.units).isEmpty)
    }

    @Test("a row repeating an earlier row's key in the same file: a warning saying which line applies")
    func duplicates() throws {
        let l = TargetLayers(
            base: try file(
                "local.csv",
                [
                    "2022,resolution_rate,,,>=,91%,,",
                    "2022,resolution_rate,street,,>=,91%,,",
                    "2022,诉求解决率,,,>=,95%,,",  // 4: the key of line 2
                ]))
        let w = l.warnings(year: 2022, units: nil)
        #expect(w.map(\.code) == [.duplicateTarget])
        #expect(w.first?.line == 4)
        #expect(w.first?.message.en == "repeats the target of line 2 (same year, indicator, level and unit_id); this line applies")
        // And it does apply.
        #expect(l.book.rule(for: "resolution_rate", unitId: "C", level: .city, year: 2022)?.target == 0.95)
    }
}
