import Testing

@testable import JicengIngest

/// The same file read with any chunk size, read size and worker count gives exactly the same
/// header, records, lines, malformed and abandoned records, in file order.
@Suite struct ChunkingInvarianceTests {
    /// A small file with every hard case near every offset: CRLF, lone CR, quoted CRLF, doubled
    /// quotes, multi-byte characters, a malformed multi-line record, blank lines, no final newline.
    static let tricky =
        "id,名称,备注\r\n1,\"a,b\",网格\r\n\r\n2,\"x\r\ny\",\"say \"\"hi\"\"\"\r3,😀,\"\n\"\n"
        + "4,\"bad\r\nrecord\"x,z\r\n5,  spaced  ,𠀀\n\r\n6,\"lone\rcr\",end\r\n7,a\"b\n8,last,\"q\""

    static let trickyRows = [
        Row(2, ["1", "a,b", "网格"]),
        Row(4, ["2", "x\r\ny", "say \"hi\""]),
        Row(6, ["3", "😀", "\n"]),
        Row(10, ["5", "  spaced  ", "𠀀"]),
        Row(12, ["6", "lone\rcr", "end"]),
        Row(15, ["8", "last", "q"]),
    ]

    @Test func trickyFileByHand() throws {
        let r = try ingest(text: Self.tricky)
        #expect(r.headerFields == ["id", "名称", "备注"])
        #expect(r.rows == Self.trickyRows)
        // L8 fails on L9 (after its quoted CRLF): only L8 is lost, and L9 is malformed itself.
        #expect(r.malformedLines == [8, 9, 14])
    }

    @Test func trickyFileEveryChunkReadAndWorkerCombination() throws {
        let dir = IngestTempDir()
        let path = dir.write("tricky.csv", Self.tricky)
        let reference = try ingest(path).invariant
        #expect(reference.records.map { Row($0.line, $0.strings) } == Self.trickyRows)
        for chunk in 1...64 {
            for read in 1...7 {
                for workers in 1...3 {
                    let r = try ingest(path, tinyOptions(chunk: chunk, read: read, workers: workers))
                    #expect(r.invariant == reference, "chunk \(chunk) read \(read) workers \(workers)")
                    #expect(r.raw == Array(Self.tricky.utf8))
                    if chunk <= 32 {
                        // The sizes really apply to a small file: it is cut into many chunks and,
                        // with several workers, parsed on the worker threads.
                        #expect(r.workerStates == workers)
                        if chunk <= 8 { #expect(r.chunkIndices.count >= 8, "chunk \(chunk) read \(read)") }
                    }
                }
            }
        }
    }

    @Test func trickyFileInGB18030EveryReadSize() throws {
        let dir = IngestTempDir()
        let bytes = gb18030Bytes(Self.tricky)
        let path = dir.write("tricky-gbk.csv", bytes)
        let utf8 = try ingest(text: Self.tricky).invariant
        for chunk in [1, 2, 3, 5, 8, 13, 21, 34, 64, 4096] {
            for read in 1...7 {
                for workers in 1...3 {
                    let r = try ingest(path, tinyOptions(chunk: chunk, read: read, workers: workers))
                    #expect(r.encoding == .gb18030)
                    var expected = utf8
                    expected.encoding = .gb18030
                    if case .header(var h) = expected.header {
                        h.encoding = .gb18030
                        expected.header = .header(h)
                    }
                    #expect(r.invariant == expected, "chunk \(chunk) read \(read) workers \(workers)")
                    #expect(r.raw == bytes)
                }
            }
        }
    }

    /// Sizes covering chunkBytes 1…64, readBytes 1…7 and workers 1…3 together, plus larger ones.
    static let sweep: [(chunk: Int, read: Int, workers: Int)] =
        (1...64).map { (chunk: $0, read: ($0 % 7) + 1, workers: ($0 % 3) + 1) }
        + [(100, 1, 2), (1000, 3, 3), (4096, 4096, 2), (65536, 512, 2), (1 << 20, 64, 3), (7, 4, 1), (3, 2, 2)]

    @Test func generatedFileMatchesItsModel() throws {
        let g = GeneratedCSV.make(records: 3000, seed: 20_240_426)
        #expect(g.malformedLines.count > 40)
        let dir = IngestTempDir()
        let path = dir.write("generated.csv", g.bytes)
        let r = try ingest(path)
        #expect(r.headerFields == g.header)
        #expect(r.malformedLines == g.malformedLines)
        #expect(r.rows.count == g.rows.count)
        // Compare one by one so that a failure names the first differing record.
        for (got, want) in zip(r.rows, g.rows) where got != want {
            Issue.record("first difference: got \(got), want \(want)")
            break
        }
        #expect(r.abandoned.isEmpty)
        #expect(r.raw == g.bytes)
    }

    @Test(arguments: sweep.indices)
    func generatedFileWithTinySizes(_ index: Int) throws {
        let (chunk, read, workers) = Self.sweep[index]
        let g = Self.generated
        let dir = IngestTempDir()
        let path = dir.write("generated.csv", g.bytes)
        let r = try ingest(path, tinyOptions(chunk: chunk, read: read, workers: workers))
        #expect(r.rows == g.rows, "chunk \(chunk) read \(read) workers \(workers)")
        #expect(r.malformedLines == g.malformedLines)
        #expect(r.invariant == Self.generatedReference)
        #expect(r.raw == g.bytes)
        if chunk < 64 && read < chunk * 4 {
            #expect(r.chunkIndices.count > 10, "small chunks must actually cut the file")
        }
    }

    @Test(arguments: [1, 2, 3, 5, 7])
    func generatedFileInGB18030(_ read: Int) throws {
        let g = Self.generated
        let bytes = gb18030Bytes(String(decoding: g.bytes, as: UTF8.self))
        let dir = IngestTempDir()
        let path = dir.write("generated-gbk.csv", bytes)
        for (chunk, workers) in [(1, 1), (9, 2), (64, 3), (1 << 20, 2)] {
            let r = try ingest(path, tinyOptions(chunk: chunk, read: read, workers: workers))
            #expect(r.encoding == .gb18030)
            #expect(r.headerFields == g.header)
            #expect(r.rows == g.rows, "chunk \(chunk) read \(read) workers \(workers)")
            #expect(r.malformedLines == g.malformedLines)
            #expect(r.raw == bytes)
        }
    }

    @Test func generatedFileWithoutTrailingNewline() throws {
        for seed in UInt64(1)...6 {
            let g = GeneratedCSV.make(records: 200, seed: seed, malformedEvery: 5, trailingNewline: false)
            let dir = IngestTempDir()
            let path = dir.write("g.csv", g.bytes)
            for (chunk, read, workers) in [(1 << 22, 1 << 20, 2), (1, 1, 1), (5, 3, 2), (17, 2, 3)] {
                let r = try ingest(path, tinyOptions(chunk: chunk, read: read, workers: workers))
                #expect(r.rows == g.rows, "seed \(seed) chunk \(chunk) read \(read) workers \(workers)")
                #expect(r.malformedLines == g.malformedLines, "seed \(seed) chunk \(chunk) read \(read) workers \(workers)")
            }
        }
    }

    @Test func sizeBoundsDoNotDependOnChunking() throws {
        // Records near and beyond the bound, oversized fields, abandoned multi-line quotes: with
        // maxFieldBytes 8 and 4 columns the bound is 9 × 12 = 108 bytes.
        let g = GeneratedCSV.make(records: 400, seed: 77, malformedEvery: 10)
        var text = String(decoding: g.bytes, as: UTF8.self)
        text += "\n9001,\"" + String(repeating: "长", count: 50) + "\n还在引号里\"" + String(repeating: "x", count: 200) + ",a\n"
        text += "9002," + String(repeating: ",", count: 300) + "\r\n"
        text += "9003,\"" + String(repeating: "y", count: 99) + "\",z\n"
        text += "9004,\"" + String(repeating: "短\n", count: 60) + "\"\n"
        text += "9005,end\n"
        let dir = IngestTempDir()
        let path = dir.write("bounds.csv", text)
        let reference = try ingest(path, CSVReadOptions(maxFieldBytes: 8))
        #expect(!reference.abandoned.isEmpty)
        #expect(reference.records.contains { $0.oversized != nil })
        for (chunk, read, workers) in Self.sweep {
            let r = try ingest(path, tinyOptions(chunk: chunk, read: read, workers: workers, maxField: 8))
            #expect(r.invariant == reference.invariant, "chunk \(chunk) read \(read) workers \(workers)")
        }
    }

    static let generated = GeneratedCSV.make(records: 3000, seed: 20_240_426)
    static let generatedReference: IngestResult.Invariant = {
        let dir = IngestTempDir()
        let path = dir.write("generated.csv", generated.bytes)
        return try! ingest(path).invariant
    }()
}
