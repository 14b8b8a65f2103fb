import Foundation
import JicengAggregate
import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline

/// Reads a targets file (contract §6) with the same CSV reader as the data. Targets are
/// configuration, not data: any problem is a `JicengError` naming the file, line and column (exit 2).
enum TargetsReader {
    private static let columns: [(name: String, aliases: [String])] = [
        ("year", ["年度"]), ("indicator", ["指标"]), ("level", ["层级"]), ("unit_id", ["单位编码"]),
        ("comparator", ["比较"]), ("target", ["目标值"]), ("warning", ["预警幅度"]), ("prorate", ["分解方式"]),
    ]

    /// Reads targets given as text (the built-in standard targets), through the same reader.
    static func read(text: String, name: String, pipeline: Pipeline) throws -> TargetBook {
        let path = NSTemporaryDirectory() + "jiceng-targets-\(getpid())-\(name)"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw JicengError(.ioFailure, "cannot write the built-in targets to a temporary file: \(String(cString: strerror(errno)))",
                              at: SourceLocation(file: path))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try read(path: path, pipeline: pipeline, displayName: name)
    }

    static func read(path: String, pipeline: Pipeline, displayName: String? = nil) throws -> TargetBook {
        let name = displayName ?? path.split(separator: "/").last.map(String.init) ?? path
        let reader: CSVFileReader
        do { reader = try CSVFileReader(path: path, options: CSVReadOptions(workers: 1)) } catch {
            throw JicengError(.targetsInvalid, "cannot read the targets file: \(error)", at: SourceLocation(file: path))
        }
        guard case .header(let header) = try reader.readHeader() else {
            throw JicengError(.targetsInvalid, "the targets file is empty, malformed or not UTF-8/GB18030", at: SourceLocation(file: path))
        }
        let lookup = FoldedLookup(columns.enumerated().flatMap { i, c in [(key: c.name, value: i)] + c.aliases.map { (key: $0, value: i) } },
                                  combine: { a, _ in a })
        var fieldOf = [Int](repeating: -1, count: columns.count)
        for (i, h) in header.fields.enumerated() {
            guard let c = lookup.lookup(h) else {
                throw JicengError(.targetsInvalid, "unknown column '\(h)'", at: SourceLocation(file: path, line: header.line, column: i + 1))
            }
            fieldOf[c] = i
        }
        for c in [0, 1, 4, 5] where fieldOf[c] < 0 {
            throw JicengError(.targetsInvalid, "required column \(columns[c].name) is missing", at: SourceLocation(file: path, line: header.line))
        }
        let rows = StringRowsProcessor()
        var records: [(Int, [String])] = []
        _ = try reader.readRecords(with: rows) { out in
            if let m = out.malformed.first {
                records.append((m, []))
            }
            records.append(contentsOf: out.rows)
        }
        var levelNames: [String: UnitLevel] = [:]
        for level in UnitLevel.allCases {
            levelNames[TextFolding.fold(level.rawValue)] = level
            for s in pipeline.levelSynonyms[level] ?? [] { levelNames[TextFolding.fold(s)] = level }
        }
        let indicators = Set(pipeline.indicators.map(\.name))
        var rules: [TargetRule] = []
        for (line, fields) in records {
            guard !fields.isEmpty else {
                throw JicengError(.targetsInvalid, "malformed CSV", at: SourceLocation(file: path, line: line))
            }
            if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            func cell(_ c: Int) -> String? {
                let f = fieldOf[c]
                guard f >= 0, f < fields.count else { return nil }
                let t = fields[f].trimmingSpaces()
                return t.isEmpty ? nil : t
            }
            func fail(_ c: Int, _ message: String) -> JicengError {
                JicengError(.targetsInvalid, message, at: SourceLocation(file: path, line: line, column: fieldOf[c] + 1, key: columns[c].name))
            }
            guard let yearText = cell(0), let year = Int(yearText) else { throw fail(0, "year must be a whole number") }
            guard let indicator = cell(1), indicators.contains(indicator) else {
                throw fail(1, "'\(cell(1) ?? "")' is not an indicator of the pipeline")
            }
            var level: UnitLevel?
            if let l = cell(2) {
                guard let v = levelNames[TextFolding.fold(l)] else { throw fail(2, "'\(l)' is not a level") }
                level = v
            }
            let comparator: JicengAggregate.Comparator
            switch cell(4).map(TextFolding.fold) {
            case ">=", "≥": comparator = .atLeast
            case "<=", "≤": comparator = .atMost
            default: throw fail(4, "comparator must be >= or <=")
            }
            guard let target = cell(5).flatMap(parseNumber) else { throw fail(5, "target must be a number such as 0.9 or 90%") }
            var warning = 0.0
            if let w = cell(6) {
                guard let v = parseNumber(w), v >= 0 else { throw fail(6, "warning must be a number ≥ 0") }
                warning = v
            }
            var prorate = TargetRule.Prorate.none
            if let p = cell(7) {
                guard let v = TargetRule.Prorate(rawValue: TextFolding.fold(p)) else { throw fail(7, "prorate must be none or linear") }
                prorate = v
            }
            rules.append(TargetRule(year: year, indicator: indicator, level: level, unitId: cell(3), comparator: comparator,
                                    target: target, warning: warning, prorate: prorate, source: "\(name):\(line)"))
        }
        return TargetBook(rules: rules)
    }

    /// `0.9`, `90%`, `１２` → Double.
    static func parseNumber(_ text: String) -> Double? {
        var t = TextFolding.fold(text)
        var scale = 1.0
        if t.hasSuffix("%") {
            t.removeLast()
            scale = 0.01
        }
        t = t.trimmingSpaces()
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }), let v = Double(t), v.isFinite else { return nil }
        return v * scale
    }
}

/// Collects every record of a small file as Strings (targets files are a few dozen rows).
struct StringRowsProcessor: RecordProcessor {
    struct Output: Sendable {
        var rows: [(Int, [String])]
        var malformed: [Int]
    }

    func makeWorkerState() -> Int { 0 }

    func process(_ batch: RecordBatch, state: inout Int) -> Output {
        var rows: [(Int, [String])] = []
        for r in 0..<batch.count {
            rows.append((batch.line(r), (0..<batch.fieldCount(r)).map { String(decoding: batch.field(r, $0), as: UTF8.self) }))
        }
        return Output(rows: rows, malformed: batch.malformed.map(\.line) + batch.abandoned.map(\.line))
    }
}
