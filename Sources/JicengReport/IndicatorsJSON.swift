import Foundation
import JicengAggregate
import JicengCore

/// `indicators.json`: the `Evaluation` as `JSONEncoder` writes it (pretty printed, keys sorted,
/// slashes unescaped, non-finite numbers as `"inf"`, `"-inf"`, `"nan"`), which `jiceng report`
/// reads back — written row by row, so that a table of tens of thousands of results never exists
/// whole in memory as an encoder tree, a `Data` and a `String`.
///
/// The small parts go through `JSONEncoder` itself: it encodes the evaluation without its two
/// large arrays (results and units), whose empty places in that text are unique (top-level keys at
/// an indent of two spaces; a newline inside a string is always escaped), and the rows are written
/// there by `JSONRowWriter` in the encoder's own layout. `IndicatorsJSONTests` holds the bytes
/// equal to `JSONEncoder`'s on edge cases (escapes, exponents, negative zero, absent optionals).
public enum IndicatorsJSON {
    /// The encoder whose output this file is, also used for every other JSON output of a run.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// The whole file as text (what `write` puts in the file), for tests and small evaluations.
    public static func render(_ evaluation: Evaluation) throws -> String {
        var out: [UInt8] = []
        try forEachPart(evaluation) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the file into `file`.
    public static func write(_ evaluation: Evaluation, to file: BufferedOutputFile) throws {
        try forEachPart(evaluation) { bytes in try bytes.withUnsafeBytes { try file.write($0) } }
    }

    /// The file's bytes in order, in parts of at most one row (or the small text between the rows).
    private static func forEachPart(_ evaluation: Evaluation, _ body: ([UInt8]) throws -> Void) throws {
        var skeleton = evaluation
        skeleton.results = []
        skeleton.units = []
        let text = Array(try encoder().encode(skeleton)) + Array("\n".utf8)
        let resultsPlace = try place(of: "results", in: text)
        let unitsPlace = try place(of: "units", in: text)
        // Sorted keys: "results" comes before "units".
        guard resultsPlace.upperBound <= unitsPlace.lowerBound else { throw layoutChanged("results, units") }
        try body(Array(text[..<resultsPlace.lowerBound]))
        try rows(evaluation.results, body, JSONRowWriter.append)
        try body(Array(text[resultsPlace.upperBound..<unitsPlace.lowerBound]))
        try rows(evaluation.units, body, JSONRowWriter.append)
        try body(Array(text[unitsPlace.upperBound...]))
    }

    /// The empty array `[\n\n  ]` of the top-level key `key`: the bytes a row array replaces.
    private static func place(of key: String, in text: [UInt8]) throws -> Range<Int> {
        let prefix = Array("\n  \"\(key)\" : ".utf8)
        let empty = Array("[\n\n  ]".utf8)
        let pattern = prefix + empty
        var found: Range<Int>?
        var i = 0
        while i + pattern.count <= text.count {
            if text[i] == pattern[0] && text[i..<(i + pattern.count)].elementsEqual(pattern) {
                guard found == nil else { throw layoutChanged(key) }
                found = (i + prefix.count)..<(i + pattern.count)
                i += pattern.count
            } else {
                i += 1
            }
        }
        guard let found else { throw layoutChanged(key) }
        return found
    }

    /// A non-empty array of rows as the encoder lays it out at the top level; an empty one as it is.
    private static func rows<Row>(_ rows: [Row], _ body: ([UInt8]) throws -> Void, _ append: (Row, inout [UInt8]) -> Void) throws {
        guard !rows.isEmpty else {
            try body(Array("[\n\n  ]".utf8))
            return
        }
        var line: [UInt8] = []
        line.reserveCapacity(512)
        line.append(contentsOf: "[\n".utf8)
        for (i, row) in rows.enumerated() {
            if i > 0 { line.append(contentsOf: ",\n".utf8) }
            append(row, &line)
            try body(line)
            line.removeAll(keepingCapacity: true)
        }
        line.append(contentsOf: "\n  ]".utf8)
        try body(line)
    }

    private static func layoutChanged(_ what: String) -> JicengError {
        JicengError(.ioFailure, "indicators.json: JSONEncoder's layout is not the expected one (\(what))")
    }
}
