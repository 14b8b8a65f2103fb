import Foundation
import Testing

@testable import JicengIngest

@Suite struct RawObserverTests {
    static let cases: [(name: String, bytes: [UInt8])] = [
        ("plain", Array("id,v\n1,2\n3,\"4\n5\"\n".utf8)),
        ("bom", utf8BOM + Array("\"id\",v\r\n1,2\r\n".utf8)),
        ("gb18030", gb18030Bytes("名称,备注\n网格,\"社区\n😀\"\n")),
        ("malformed", Array("id,v\n1,a\"b\n2,\"open\n".utf8)),
        ("no newline", Array("id,v\n1,2".utf8)),
        ("abandoned", Array("id,v\n1,\"".utf8) + [UInt8](repeating: 0x41, count: 3000) + Array("\n2,3\n".utf8)),
    ]

    @Test func everyRawByteExactlyOnceInOrder() throws {
        for (name, bytes) in Self.cases {
            for options in [
                CSVReadOptions(maxFieldBytes: 64), tinyOptions(chunk: 1, read: 1, workers: 2, maxField: 64),
                tinyOptions(chunk: 5, read: 3, workers: 3, maxField: 64), tinyOptions(chunk: 2, read: 7, workers: 1, maxField: 64),
            ] {
                let r = try ingest(bytes: bytes, options)
                #expect(r.raw == bytes, "\(name) chunk \(options.chunkBytes) read \(options.readBytes)")
                #expect(r.rawBytesRead == Int64(bytes.count))
            }
        }
    }

    @Test func largerThanTheDetectionSample() throws {
        // More than the 64 KB encoding sample, with a read size that does not divide it.
        var text = "名称,备注\n"
        for k in 0..<6000 { text += "\(k),网格\(k),\"a\nb\"\n" }
        for (label, bytes) in [("utf8", Array(text.utf8)), ("gb18030", gb18030Bytes(text))] {
            for options in [CSVReadOptions(), CSVReadOptions(chunkBytes: 1000, readBytes: 999, workers: 2)] {
                let r = try ingest(bytes: bytes, options)
                #expect(r.raw == bytes, "\(label)")
                #expect(r.records.count == 6000)
                #expect(r.records.last?.line == 1 + 2 * 6000 - 1)
            }
        }
    }

    @Test func rawBytesOfAFileWhoseHeaderFailsCanBeDrained() throws {
        // After .undecodable / .malformed the caller can still have every byte shown to the
        // observer (for the manifest's SHA-256).
        let bytes: [UInt8] = [0xFF, 0xFE, 0x80, 0x80] + [UInt8](repeating: 0x81, count: 100_000)
        let dir = IngestTempDir()
        let path = dir.write("x.csv", bytes)
        let reader = try CSVFileReader(path: path, options: CSVReadOptions(readBytes: 4096))
        var raw: [UInt8] = []
        reader.rawObserver = { raw.append(contentsOf: $0) }
        #expect(try reader.readHeader() == .undecodable(line: 1))
        try reader.drainRaw()
        #expect(raw == bytes)
        try reader.drainRaw()
        #expect(raw == bytes)

        // The same after a malformed header and after a header too large.
        for (text, options) in [
            ("id,a\"b\n" + String(repeating: "1,2\n", count: 30_000), CSVReadOptions(readBytes: 1000)),
            (String(repeating: "h", count: 100_000) + "\n1\n", CSVReadOptions(readBytes: 777, maxFieldBytes: 100)),
        ] {
            let path = dir.write("y.csv", text)
            let reader = try CSVFileReader(path: path, options: options)
            var raw: [UInt8] = []
            reader.rawObserver = { raw.append(contentsOf: $0) }
            let outcome = try reader.readHeader()
            if case .header = outcome { Issue.record("expected a failed header") }
            try reader.drainRaw()
            #expect(raw == Array(text.utf8))
            #expect(reader.rawBytesRead == Int64(text.utf8.count))
        }
    }
}

@Suite struct RobustnessTests {
    @Test func nulBytesAreOrdinaryData() throws {
        let bytes: [UInt8] = Array("id,v\n1,".utf8) + [0, 0] + [0x0A, 0] + Array(",2\n\"".utf8) + [0] + Array("\",3\n".utf8)
        let r = try ingest(bytes: bytes)
        #expect(r.encoding == .utf8)
        #expect(r.records.map(\.fields) == [[[0x31], [0, 0]], [[0], [0x32]], [[0], [0x33]]])
        #expect(r.records.map(\.line) == [2, 3, 4])
    }

    @Test func aFileOfNULs() throws {
        let bytes = [UInt8](repeating: 0, count: 20_000)
        #expect(
            finishes(within: 20) {
                let r = try! ingest(bytes: bytes, CSVReadOptions(maxFieldBytes: 1000))
                if case .tooLarge = r.header {} else { Issue.record("expected .tooLarge, got \(r.header)") }
            })
    }

    /// Random bytes biased towards what matters to CSV: quotes, commas, CR, LF, NUL, high bytes.
    static func randomBytes(_ rng: inout SeededGenerator, count: Int) -> [UInt8] {
        let alphabet: [UInt8] = [
            0x22, 0x22, 0x2C, 0x2C, 0x2C, 0x0D, 0x0A, 0x0A, 0x00, 0x20, 0x61, 0x62, 0xE7, 0xBD, 0x91, 0xCD, 0xF8, 0xFF, 0x80,
        ]
        return (0..<count).map { _ in
            Int.random(in: 0..<4, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng)!
        }
    }

    @Test(arguments: 0..<8)
    func randomBytesNeverCrashOrHangAndDoNotDependOnChunking(_ batch: Int) throws {
        var rng = SeededGenerator(seed: 0xC5_0000 + UInt64(batch))
        for _ in 0..<40 {
            let length = [0, 1, 2, 3, 17, 200, 1000, 5000][Int.random(in: 0..<8, using: &rng)]
            var bytes = Self.randomBytes(&rng, count: length)
            // Half of them get a valid-looking header so that records are read too.
            if Bool.random(using: &rng) { bytes = Array("a,b,c\n".utf8) + bytes.map { $0 >= 0x80 ? 0x7A : $0 } }
            let maxField = [4, 16, 1 << 20][Int.random(in: 0..<3, using: &rng)]
            let chunk = Int.random(in: 1...40, using: &rng)
            let read = Int.random(in: 1...9, using: &rng)
            let workers = Int.random(in: 1...3, using: &rng)
            let input = bytes
            nonisolated(unsafe) var results: [IngestResult.Invariant] = []
            nonisolated(unsafe) var raws: [[UInt8]] = []
            let ok = finishes(within: 30) {
                for options in [
                    CSVReadOptions(maxFieldBytes: maxField), tinyOptions(chunk: chunk, read: read, workers: workers, maxField: maxField),
                ] {
                    let r = try! ingest(bytes: input, options)
                    results.append(r.invariant)
                    raws.append(r.raw)
                }
            }
            #expect(ok, "reading \(length) random bytes did not finish in time")
            guard ok else { return }
            #expect(results[0] == results[1], "chunk \(chunk) read \(read) workers \(workers) maxField \(maxField): \(bytes)")
            #expect(raws[0] == bytes && raws[1] == bytes)
            // Lines only ever go forward.
            let lines = results[0].records.map(\.line)
            #expect(lines == lines.sorted())
        }
    }

    @Test func readingFailsCleanlyForAMissingFile() {
        #expect(throws: JicengIngestError.self) {
            _ = try CSVFileReader(path: "/nonexistent/jiceng/none.csv")
        }
    }

    @Test func aReadErrorIsThrownNotTakenForTheEndOfTheFile() throws {
        // A directory opens, but read() fails with EISDIR.
        let dir = IngestTempDir()
        let reader = try CSVFileReader(path: dir.url.path)
        #expect(throws: JicengIngestError.self) { _ = try reader.readHeader() }
    }

    @Test func optionsSetThroughThePublicVarsAreMadeSafe() throws {
        // The initializer clamps, but the fields are public vars: 0 must not read as end of file.
        var options = CSVReadOptions()
        options.readBytes = 0
        options.chunkBytes = -5
        options.workers = 0
        options.maxFieldBytes = 0
        let r = try ingest(text: "a,b\n1,2\n3,4\n", options)
        #expect(r.rows == [Row(2, ["1", "2"]), Row(3, ["3", "4"])])
    }

    @Test func invalidGB18030AfterTheDetectionSampleIsCounted() throws {
        // 70 KB of valid GBK text, then a byte that is not GB18030 (0xFF) in a record.
        var text = "名称,备注\n"
        while text.utf8.count < 100_000 { text += "网格,社区\n" }
        let bytes = gb18030Bytes(text) + [0x31, 0x2C, 0xFF, 0x0A]
        let dir = IngestTempDir()
        let path = dir.write("bad.csv", bytes)
        let reader = try CSVFileReader(path: path, options: CSVReadOptions(chunkBytes: 4096, readBytes: 1000, workers: 2))
        guard case .header = try reader.readHeader() else {
            Issue.record("no header")
            return
        }
        var last: CollectedRecord?
        _ = try reader.readRecords(with: CollectingProcessor()) { if let r = $0.records.last { last = r } }
        #expect(reader.encoding == .gb18030)
        #expect(last?.strings == ["1", "\u{FFFD}"])
    }

    @Test func extremeOptionsDoNotOverflow() throws {
        let r = try ingest(text: "a,b\n1,2\n", CSVReadOptions(chunkBytes: Int.max, readBytes: 1 << 16, maxFieldBytes: Int.max, workers: 1))
        #expect(r.rows == [Row(2, ["1", "2"])])
    }

    @Test func manyWorkersOnASmallFile() throws {
        let g = GeneratedCSV.make(records: 300, seed: 5)
        let r = try ingest(bytes: g.bytes, tinyOptions(chunk: 16, read: 64, workers: 16))
        #expect(r.rows == g.rows)
        #expect(r.workerStates == 16)
    }

    @Test func processorSeesFieldsOnlyDuringProcess() throws {
        // Worker states are returned for merging: here each worker counts records and bytes.
        struct Counting: RecordProcessor {
            func makeWorkerState() -> [Int] { [0, 0] }
            func process(_ batch: RecordBatch, state: inout [Int]) -> Int {
                for r in 0..<batch.count {
                    state[0] += 1
                    for f in 0..<batch.fieldCount(r) { state[1] += batch.field(r, f).count }
                }
                return batch.count
            }
        }
        var text = "id,v\n"
        for k in 0..<5000 { text += "\(k),\(String(repeating: "v", count: k % 7))\n" }
        let expectedBytes = (0..<5000).reduce(0) { $0 + String($1).utf8.count + $1 % 7 }
        let dir = IngestTempDir()
        let path = dir.write("c.csv", text)
        let reader = try CSVFileReader(path: path, options: CSVReadOptions(chunkBytes: 512, readBytes: 300, workers: 3))
        guard case .header = try reader.readHeader() else {
            Issue.record("no header")
            return
        }
        var delivered = 0
        let states = try reader.readRecords(with: Counting()) { delivered += $0 }
        #expect(states.count == 3)
        #expect(delivered == 5000)
        #expect(states.reduce(0) { $0 + $1[0] } == 5000)
        #expect(states.reduce(0) { $0 + $1[1] } == expectedBytes)
    }
}

@Suite struct ArenaTests {
    @Test func lineBreakTestNeverMissesALowByte() {
        // Every position and every byte value ≤ 0x0D inside otherwise high bytes, over lengths
        // that exercise both the eight-byte and the tail loop.
        for n in 1...20 {
            for position in 0..<n {
                for low in UInt8(0)...0x0D {
                    var bytes = [UInt8](repeating: 0xE5, count: n)
                    bytes[position] = low
                    #expect(bytes.withUnsafeBytes { RecordArena.mayContainLineBreak($0.baseAddress!, n) })
                }
            }
            let none = [UInt8](repeating: 0x0E, count: n) + [0x2C, 0xFF, 0x80, 0x7F]
            #expect(!none.withUnsafeBytes { RecordArena.mayContainLineBreak($0.baseAddress!, none.count) })
        }
    }
}
