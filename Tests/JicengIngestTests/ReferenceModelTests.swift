import Foundation
import Testing

@testable import JicengIngest

/// A deliberately simple, byte-at-a-time model of what the reader must return (strict RFC 4180
/// as libcsv implements it, no space trimming, blank lines skipped, physical lines counted, and
/// a malformed record — a stray quote, or the input ending inside a quoted field — loses only
/// itself: reading resumes at the physical line after the record's first line, contract §9),
/// written independently of the reader's scanner and arena, and compared with the reader on
/// seeded random inputs.
enum ReferenceCSV {
    enum Item: Equatable {
        case record(line: Int, fields: [[UInt8]])
        case malformed(line: Int, unterminated: Bool)
    }

    static func items(_ b: [UInt8]) -> [Item] {
        let quote: UInt8 = 0x22
        let comma: UInt8 = 0x2C
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A
        func breakLength(_ i: Int) -> Int { b[i] == cr && i + 1 < b.count && b[i + 1] == lf ? 2 : 1 }
        enum State { case fieldStart, unquoted, quoted, quoteSeen }
        var items: [Item] = []
        var i = 0
        var line = 1
        /// Offset just after the first line break at or after `k`.
        func endOfLine(_ k: Int) -> Int {
            var j = k
            while j < b.count && b[j] != cr && b[j] != lf { j += 1 }
            return j < b.count ? j + breakLength(j) : j
        }
        while i < b.count {
            let startLine = line
            let startOffset = i
            var fields: [[UInt8]] = []
            var field: [UInt8] = []
            var state = State.fieldStart
            var failed = false
            record: while true {
                if i == b.count {
                    switch state {
                    case .quoted:
                        items.append(.malformed(line: startLine, unterminated: true))
                        if line > startLine {
                            i = endOfLine(startOffset)
                            line = startLine + 1
                        }
                    case .fieldStart:
                        if !fields.isEmpty {
                            fields.append([])
                            items.append(.record(line: startLine, fields: fields))
                        }
                    case .unquoted, .quoteSeen:
                        fields.append(field)
                        items.append(.record(line: startLine, fields: fields))
                    }
                    break record
                }
                let c = b[i]
                let isBreak = c == cr || c == lf
                switch state {
                case .fieldStart:
                    if c == quote {
                        state = .quoted
                        i += 1
                    } else if c == comma {
                        fields.append([])
                        i += 1
                    } else if isBreak {
                        if !fields.isEmpty {
                            fields.append([])
                            items.append(.record(line: startLine, fields: fields))
                        }
                        i += breakLength(i)
                        line += 1
                        break record
                    } else {
                        field = [c]
                        state = .unquoted
                        i += 1
                    }
                case .unquoted:
                    if c == comma {
                        fields.append(field)
                        field = []
                        state = .fieldStart
                        i += 1
                    } else if c == quote {
                        failed = true
                        break record
                    } else if isBreak {
                        fields.append(field)
                        items.append(.record(line: startLine, fields: fields))
                        i += breakLength(i)
                        line += 1
                        break record
                    } else {
                        field.append(c)
                        i += 1
                    }
                case .quoted:
                    if c == quote {
                        state = .quoteSeen
                        i += 1
                    } else {
                        field.append(c)
                        if c == lf || (c == cr && !(i + 1 < b.count && b[i + 1] == lf)) { line += 1 }
                        i += 1
                    }
                case .quoteSeen:
                    if c == quote {
                        field.append(quote)
                        state = .quoted
                        i += 1
                    } else if c == comma {
                        fields.append(field)
                        field = []
                        state = .fieldStart
                        i += 1
                    } else if isBreak {
                        fields.append(field)
                        items.append(.record(line: startLine, fields: fields))
                        i += breakLength(i)
                        line += 1
                        break record
                    } else {
                        failed = true
                        break record
                    }
                }
            }
            if failed {
                items.append(.malformed(line: startLine, unterminated: false))
                i = endOfLine(startOffset)
                line = startLine + 1
            }
        }
        return items
    }

    /// What the reader should return for `b` (a UTF-8 file without BOM, no size limits reached).
    static func expected(_ b: [UInt8]) -> (
        header: [String]?, headerLine: Int?, headerMalformed: MalformedKey?, records: [Row], malformed: [MalformedKey]
    ) {
        let all = items(b)
        guard let first = all.first else { return (nil, nil, nil, [], []) }
        switch first {
        case .malformed(let line, let unterminated):
            return (nil, nil, MalformedKey(line: line, unterminated: unterminated), [], [])
        case .record(let line, let fields):
            var rows: [Row] = []
            var malformed: [MalformedKey] = []
            for item in all.dropFirst() {
                switch item {
                case .record(let l, let f): rows.append(Row(l, f.map { String(decoding: $0, as: UTF8.self) }))
                case .malformed(let l, let u): malformed.append(MalformedKey(line: l, unterminated: u))
                }
            }
            return (fields.map { String(decoding: $0, as: UTF8.self) }, line, nil, rows, malformed)
        }
    }

    struct MalformedKey: Hashable {
        var line: Int
        var unterminated: Bool
    }
}

@Suite struct ReferenceModelTests {
    @Test func modelAgreesWithTheHandWorkedExamples() {
        let expected = ReferenceCSV.expected(Array(ChunkingInvarianceTests.tricky.utf8))
        #expect(expected.header == ["id", "名称", "备注"])
        #expect(expected.records == ChunkingInvarianceTests.trickyRows)
        #expect(expected.malformed.map(\.line) == [8, 9, 14])
    }

    /// Random ASCII (and whole UTF-8 characters) biased towards quotes, commas, CR, LF and NUL.
    static func randomText(_ rng: inout SeededGenerator, count: Int) -> [UInt8] {
        let pieces: [[UInt8]] = [
            [0x22], [0x22], [0x22, 0x22], [0x2C], [0x2C], [0x2C], [0x0D], [0x0A], [0x0D, 0x0A], [0x0A],
            [0x00], [0x20], [0x61], [0x62], Array("网".utf8), Array("😀".utf8), [0x09],
        ]
        var out: [UInt8] = []
        while out.count < count {
            if Int.random(in: 0..<6, using: &rng) == 0 {
                out.append(UInt8.random(in: 0...0x7F, using: &rng))
            } else {
                out += pieces.randomElement(using: &rng)!
            }
        }
        return out
    }

    @Test(arguments: 0..<10)
    func readerMatchesTheModelOnRandomInput(_ batch: Int) throws {
        var rng = SeededGenerator(seed: 0x5EED_0000 + UInt64(batch))
        let dir = IngestTempDir()
        // JICENG_INGEST_MODEL_FILES scales this up for a long one-off run.
        let files = Int(ProcessInfo.processInfo.environment["JICENG_INGEST_MODEL_FILES"] ?? "") ?? 120
        for k in 0..<files {
            let length = Int.random(in: 0...600, using: &rng)
            let bytes = Self.randomText(&rng, count: length)
            let path = dir.write("r\(k).csv", bytes)
            let want = ReferenceCSV.expected(bytes)
            let options = [
                CSVReadOptions(),
                tinyOptions(
                    chunk: Int.random(in: 1...48, using: &rng), read: Int.random(in: 1...9, using: &rng),
                    workers: Int.random(in: 1...3, using: &rng)),
            ]
            for o in options {
                let r = try ingest(path, o)
                let label = "batch \(batch) file \(k) chunk \(o.chunkBytes) read \(o.readBytes) workers \(o.workers) bytes \(bytes)"
                switch r.header {
                case .header(let h):
                    #expect(h.fields == want.header, "\(label)")
                    #expect(h.line == want.headerLine, "\(label)")
                    #expect(r.rows == want.records, "\(label)")
                    #expect(
                        r.malformed.map { ReferenceCSV.MalformedKey(line: $0.line, unterminated: $0.unterminatedQuote) } == want.malformed,
                        "\(label)")
                case .malformed(let m):
                    #expect(want.headerMalformed == ReferenceCSV.MalformedKey(line: m.line, unterminated: m.unterminatedQuote), "\(label)")
                case .empty:
                    #expect(want.header == nil && want.headerMalformed == nil, "\(label)")
                default:
                    Issue.record("unexpected \(r.header): \(label)")
                }
                #expect(r.raw == bytes)
            }
        }
    }
}
