import Foundation
import JicengAggregate
import JicengCore
import JicengIngest
import JicengPipeline

/// Reads a targets file (contract §6) with the same CSV reader as the data, and refuses the
/// mistakes that would otherwise turn a whole report red or grey without a word: a rate target
/// written `91` instead of `91%`, a misspelt indicator, level, comparator or column.
///
/// Targets are configuration, not data: every problem is a `targets-invalid` `JicengError` (exit
/// status 2) in Chinese and English, at the file, line and column, with the likely intended value
/// when there is one. Indicators may be named by their name or their title (诉求解决率).
/// Mistakes that only the drop reveals (an unknown unit, no row for the period's year) are
/// warnings, found by `TargetLayers.warnings`.
public enum TargetsFileReader {
    /// Reads targets given as text (the built-in standard targets) through the same reader, from
    /// a temporary file; `name` is what messages call it.
    public static func read(text: String, name: String, pipeline: Pipeline) throws -> TargetsFile {
        let path = NSTemporaryDirectory() + "jiceng-targets-\(getpid())-\(UUID().uuidString).csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw JicengError(
                .ioFailure, "cannot write the built-in targets to a temporary file: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: path))
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try read(path: path, name: name, pipeline: pipeline)
    }

    /// Reads the targets file at `path`; `name` (default: the path as given) is what messages,
    /// rules and manifests call it.
    public static func read(path: String, name: String? = nil, pipeline: Pipeline) throws -> TargetsFile {
        let name = name ?? path
        func invalid(_ zh: String, _ en: String, line: Int? = nil) -> JicengError {
            JicengError(.targetsInvalid, LocalizedText(zh: zh, en: en), at: SourceLocation(file: name, line: line))
        }
        let reader: CSVFileReader
        do { reader = try CSVFileReader(path: path, options: CSVReadOptions(workers: 1)) } catch {
            throw invalid("无法读取目标文件：\(error)", "cannot read the targets file: \(error)")
        }
        let header: CSVHeader
        switch try reader.readHeader() {
        case .header(let h): header = h
        case .empty:
            throw invalid(
                "目标文件是空的：第一行应是表头 \(TargetColumn.headerLine)",
                "the targets file is empty: its first line must be the header \(TargetColumn.headerLine)")
        case .undecodable(let line):
            throw invalid("目标文件既不是 UTF-8 也不是 GB18030 编码", "the targets file is neither UTF-8 nor GB18030", line: line)
        case .malformed(let m):
            throw invalid("表头不是有效的 CSV（引号不配对）", "the header is malformed CSV (unbalanced quotes)", line: m.line)
        case .tooLarge(let a):
            throw invalid("表头过长，不是目标文件", "the header is too large for a targets file", line: a.line)
        }
        let layout = try TargetFileLayout(header: header, file: name)
        // Records and malformed records in file order: the first mistake in the file is reported.
        var records: [(line: Int, fields: [String]?)] = []
        _ = try reader.readRecords(with: StringRowsProcessor()) { out in
            records.append(contentsOf: out.malformed.map { (line: $0, fields: nil) })
            records.append(contentsOf: out.rows.map { (line: $0.line, fields: Optional($0.fields)) })
        }
        let parser = TargetRowParser(pipeline: pipeline, layout: layout, file: name)
        var rules: [TargetRule] = []
        for record in records.sorted(by: { $0.line < $1.line }) {
            guard let fields = record.fields else {
                throw invalid(
                    "这一行不是有效的 CSV（引号不配对，或字段过长）", "malformed CSV (unbalanced quotes, or a field too large)",
                    line: record.line)
            }
            if let rule = try parser.rule(line: record.line, fields: fields) { rules.append(rule) }
        }
        return TargetsFile(name: name, rules: rules)
    }

    /// `0.9`, `90%`, `１２`, `-1` → the number and whether it was written as a percentage; nil
    /// when the text is not a plain decimal number (no exponent, no thousands separator).
    public static func parseNumber(_ text: String) -> (value: Double, percent: Bool)? {
        var t = TextFolding.fold(text)
        var percent = false
        if t.hasSuffix("%") {
            t.removeLast()
            percent = true
        }
        t = t.trimmingSpaces()
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let v = Double(t), v.isFinite
        else { return nil }
        // ÷ 100, not × 0.01: 95% is then the double nearest 0.95 (95 × 0.01 is 0.9500000000000001).
        return (percent ? v / 100 : v, percent)
    }
}
