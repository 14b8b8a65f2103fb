import Foundation
import JicengCore
import JicengIngest
import JicengPipeline
import Testing

@testable import JicengNormalize

// MARK: Temporary folder

/// A fresh folder for one test's CSV files, removed when the value goes away.
final class NTFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "jiceng-normalize-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let file = path + "/" + name
        precondition(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        return file
    }

    /// Lines joined with LF and a final LF.
    @discardableResult
    func write(_ name: String, lines: [String]) -> String {
        write(name, bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
    }
}

// MARK: The standard pipeline, compiled

enum NT {
    static let pipeline = PipelineLoader.standard

    static func dataset(_ name: String) throws -> CompiledDataset {
        try CompiledDataset(#require(pipeline.dataset(named: name)), parameters: pipeline.parameters)
    }

    static func row(
        _ id: String, _ name: String, _ level: UnitLevel, _ parent: String?, aliases: [String] = [],
        line: Int = 0
    ) -> UnitRow {
        UnitRow(id: id, name: name, level: level, parentId: parent, aliases: aliases, file: "units.csv", line: line)
    }

    /// The hierarchy most tests use (lines are those of a units.csv with a header on line 1):
    ///
    ///     C 某市 (city)
    ///     ├── D1 一区 (district)
    ///     │   ├── S1 绣林街道 (street, alias 绣林)
    ///     │   │   ├── M1 东门社区 (community, alias 东门)
    ///     │   │   │   ├── G1 一网格
    ///     │   │   │   └── G2 二网格
    ///     │   │   └── M2 西门社区 (alias 西门；老西门)
    ///     │   │       └── G3 三网格
    ///     │   └── S2 笔架山街道 (street, alias 笔架山)
    ///     │       └── M3 东门社区 (same name as M1, other street)
    ///     │           └── G4 四网格
    ///     └── D2 二区 (district, no data)
    static let unitRows: [UnitRow] = [
        row("C", "某市", .city, nil, line: 2),
        row("D1", "一区", .district, "C", line: 3),
        row("D2", "二区", .district, "C", line: 4),
        row("S1", "绣林街道", .street, "D1", aliases: ["绣林"], line: 5),
        row("S2", "笔架山街道", .street, "D1", aliases: ["笔架山"], line: 6),
        row("M1", "东门社区", .community, "S1", aliases: ["东门"], line: 7),
        row("M2", "西门社区", .community, "S1", aliases: ["西门", "老西门"], line: 8),
        row("M3", "东门社区", .community, "S2", line: 9),
        row("G1", "一网格", .grid, "M1", line: 10),
        row("G2", "二网格", .grid, "M1", line: 11),
        row("G3", "三网格", .grid, "M2", line: 12),
        row("G4", "四网格", .grid, "M3", line: 13),
    ]

    static func directory() throws -> UnitDirectory {
        let built = UnitHierarchyBuilder.build(unitRows)
        #expect(built.findings.isEmpty)
        return try #require(built.directory)
    }
}

extension UnitDirectory {
    /// The index of the unit with this id (test convenience; fails the test when absent).
    func index(_ id: String) -> Int {
        guard let i = unit(id: id) else {
            Issue.record("no unit \(id)")
            return -1
        }
        return i
    }
}

// MARK: Running the normaliser over one file

/// One accepted row as a test sees it: its line, its unit and a copy of its slots.
struct NTRow: Sendable, Hashable {
    var line: Int
    var unit: Int
    var slots: [Int64]
}

/// A sink that copies every accepted row out.
struct NTCollectingSink: RowSink {
    let slotCount: Int

    func makeState() -> [NTRow] { [] }

    func accept(_ row: NormalizedRow, weight: Int64, state: inout [NTRow]) {
        state.append(NTRow(line: row.line, unit: row.unit, slots: (0..<slotCount).map { row.slots[$0] }))
    }

    func endChunk(state: inout [NTRow]) -> [NTRow] {
        defer { state.removeAll() }
        return state
    }
}

/// Everything one normalised file produced.
struct NTResult {
    var header: HeaderMapping?
    /// Header findings, then the rows' findings, in the order they were reported.
    var findings: [Finding]
    var rows: [NTRow]
    var counts: RowCounts
    var keys: [[KeyOccurrence]]
    var dataset: CompiledDataset

    func slot(_ row: NTRow, _ name: String) -> Int64 {
        guard let s = dataset.slot(named: name) else {
            Issue.record("no slot \(name)")
            return missingSlot
        }
        return row.slots[s]
    }

    func findings(_ code: FindingCode) -> [Finding] { findings.filter { $0.code == code } }

    var acceptedLines: [Int] { rows.map(\.line) }
}

/// Reads `path` as a file of `datasetName` with the standard pipeline (or as `compiled`, a dataset
/// of another pipeline) and normalises it. `distinctTextColumns`: as `FactFileContext`'s.
func ntNormalise(
    _ path: String, dataset datasetName: String, directory: UnitDirectory, period: Period? = nil,
    maxFieldBytes: Int = 1 << 20, listLimit: Int = 1000, chunkBytes: Int = 4 << 20,
    compiled: CompiledDataset? = nil, distinctTextColumns: [Bool] = []
) throws -> NTResult {
    let ds = try compiled ?? NT.dataset(datasetName)
    let options = CSVReadOptions(chunkBytes: chunkBytes, readBytes: min(chunkBytes, 1 << 20), maxFieldBytes: maxFieldBytes, workers: 1)
    let reader = try CSVFileReader(path: path, options: options)
    guard case .header(let header) = try reader.readHeader() else {
        Issue.record("no header in \(path)")
        return NTResult(header: nil, findings: [], rows: [], counts: RowCounts(), keys: [], dataset: ds)
    }
    let name = String(path.split(separator: "/").last!)
    let mapping = HeaderMapping(header: header, dataset: ds, file: name)
    var result = NTResult(
        header: mapping, findings: mapping.findings, rows: [], counts: RowCounts(),
        keys: Array(repeating: [], count: ds.uniqueColumns.count), dataset: ds)
    guard mapping.isUsable else { return result }
    let context = FactFileContext(
        dataset: ds, mapping: mapping, directory: directory, period: period, fileName: name,
        fileIndex: 0, fileEncoding: header.encoding, maxFieldBytes: maxFieldBytes,
        listLimit: listLimit, quarantine: false, distinctTextColumns: distinctTextColumns)
    let processor = FactProcessor(context: context, sink: NTCollectingSink(slotCount: ds.slotCount))
    _ = try reader.readRecords(with: processor) { out in
        result.findings.append(contentsOf: out.findings.listed)
        result.rows.append(contentsOf: out.sink)
        result.counts.add(out.counts)
        for k in out.keys.indices { result.keys[k].append(contentsOf: out.keys[k]) }
    }
    return result
}

/// Writes `lines` as `name` in a fresh folder and normalises it.
func ntNormalise(
    _ name: String, _ lines: [String], dataset: String, period: Period? = nil, maxFieldBytes: Int = 1 << 20,
    listLimit: Int = 1000, directory: UnitDirectory? = nil, compiled: CompiledDataset? = nil,
    distinctTextColumns: [Bool] = []
) throws -> NTResult {
    let folder = NTFolder()
    let path = folder.write(name, lines: lines)
    return try ntNormalise(
        path, dataset: dataset, directory: try directory ?? NT.directory(), period: period,
        maxFieldBytes: maxFieldBytes, listLimit: listLimit, compiled: compiled,
        distinctTextColumns: distinctTextColumns)
}

/// The standard pipeline with `replacements` made in its text (each `old` must occur once).
func ntPipeline(_ replacements: [(old: String, new: String)]) throws -> Pipeline {
    var text = StandardPipelineText.yaml
    for r in replacements {
        precondition(text.components(separatedBy: r.old).count == 2, "'\(r.old)' must occur once in the standard pipeline")
        text = text.replacingOccurrences(of: r.old, with: r.new)
    }
    return try PipelineLoader.load(yaml: text, sourceName: "test.yaml")
}

/// The day number of a date, as date slots hold it.
func ntDay(_ y: Int, _ m: Int, _ d: Int) -> Int64 { Int64(CivilDate(year: y, month: m, day: d)!.dayNumber) }
