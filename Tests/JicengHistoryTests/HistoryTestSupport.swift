import Foundation
import GRDB
import JicengAggregate
import JicengCore
import JicengHistory
import JicengPipeline

@testable import JicengNormalize

/// A folder in the temp directory, removed when the value goes away.
final class TemporaryFolder {
    let path: String

    init(_ name: String) {
        path = NSTemporaryDirectory() + "jiceng-history-tests-\(name)-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// The standard pipeline's measures over a five-unit hierarchy, and runs recorded with totals
/// given by hand (rolled up by hand too: a unit's value is its subtree's).
///
///     C 某市 → S1 一街道 → K1 甲社区 → G1 一网格, G2 二网格
enum HistoryFixture {
    static let pipeline = PipelineLoader.standard

    static let measures: CompiledMeasures = {
        var compiled: [String: CompiledDataset] = [:]
        for d in pipeline.datasets { compiled[d.name] = try! CompiledDataset(d, parameters: pipeline.parameters) }
        return try! CompiledMeasures(pipeline: pipeline, datasets: compiled)
    }()

    static let units = [
        UnitInfo(id: "C", name: "某市", level: .city, parentId: nil, depth: 0),
        UnitInfo(id: "S1", name: "一街道", level: .street, parentId: "C", depth: 1),
        UnitInfo(id: "K1", name: "甲社区", level: .community, parentId: "S1", depth: 2),
        UnitInfo(id: "G1", name: "一网格", level: .grid, parentId: "K1", depth: 3),
        UnitInfo(id: "G2", name: "二网格", level: .grid, parentId: "K1", depth: 3),
    ]

    static func directory(_ units: [UnitInfo] = units) -> UnitDirectory {
        let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($0.element.id, $0.offset) })
        return UnitDirectory(
            units: units.map {
                UnitDirectory.Unit(
                    id: $0.id, name: $0.name, level: $0.level, parent: $0.parentId.flatMap { index[$0] },
                    aliases: [], depth: $0.depth)
            })
    }

    static let allDatasets: Set<String> = ["units", "grids", "property_companies", "services", "requests"]

    /// A run record: `values[unit][measure]`, every other total 0.
    static func run(
        _ period: String, pipeline name: String = "standard", units: [UnitInfo] = units,
        values: [String: [String: Int64]], present: Set<String> = allDatasets,
        inputs: [RecordedInput] = [], recordedAt: String = "2022-07-01T00:00:00Z"
    ) -> RunRecord {
        var totals = MeasureTotals(units: units.count, measures: measures.count)
        for (u, unit) in units.enumerated() {
            for (m, v) in values[unit.id] ?? [:] { totals[u, measures.index(of: m)!] = v }
        }
        let recorded: [RecordedMeasure] = pipeline.measures.compactMap { m in
            guard present.contains(m.dataset) else { return nil }
            return RecordedMeasure(
                name: m.name, dataset: m.dataset, accumulation: pipeline.accumulation(of: m)!,
                aggregation: "count", totalsIndex: measures.index(of: m.name)!)
        }
        return RunRecord(
            pipeline: name, period: Period(parsing: period)!, recordedAt: recordedAt, toolVersion: "test",
            inputs: inputs, units: units, measures: recorded, totals: totals, indicators: ["a_indicator", "b_indicator"])
    }

    /// Two rows per unit whose cells say which period and unit they belong to.
    static func rows(_ tag: String, units: [UnitInfo] = units) -> [IndicatorRowText] {
        units.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }.flatMap { u in
            ["a_indicator", "b_indicator"].map {
                IndicatorRowText(unitId: u.id, indicator: $0, cells: "\(tag)-\(u.id)-\($0),,,,,no_target")
            }
        }
    }

    /// Every row the store gives back, as "period|unit|name|level|indicator|cells".
    static func exported(_ store: HistoryStore, _ selection: RunSelection = RunSelection()) throws -> [String] {
        var out: [String] = []
        var layout: RecordedRunLayout?
        try store.forEachIndicatorRow(
            selection, run: { layout = $0 },
            row: { u, i, cells in
                let run = layout!
                let unit = run.units[u]
                out.append([run.period, unit.id, unit.name, unit.level, run.indicators[i], cells].joined(separator: "|"))
            })
        return out
    }

    /// A value of one unit in year-to-date totals.
    static func total(_ ytd: YearToDateTotals, _ unit: String, _ measure: String, units: [UnitInfo] = units) -> Int64 {
        ytd.totals[units.firstIndex { $0.id == unit }!, measures.index(of: measure)!]
    }

    static func count(_ path: String, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }
}
