import Testing

@testable import JicengIngest

/// `maxChunkCells`: a chunk ends at the first record boundary after that many cells, so a file of
/// empty spreadsheet rows (`,,,,`) costs a worker's arena no more than ordinary rows do, and
/// where the chunks are cut changes nothing that is read.
struct ChunkCellBoundTests {
    /// Per batch: its index, records and fields.
    struct Shape: Sendable {
        var index: Int
        var records: Int
        var fields: Int
    }

    struct ShapeProcessor: RecordProcessor {
        func makeWorkerState() -> Int { 0 }
        func process(_ batch: RecordBatch, state: inout Int) -> Shape {
            var fields = 0
            for r in 0..<batch.count { fields += batch.fieldCount(r) }
            return Shape(index: batch.chunkIndex, records: batch.count, fields: fields)
        }
    }

    private func shapes(_ path: String, _ options: CSVReadOptions) throws -> [Shape] {
        let reader = try CSVFileReader(path: path, options: options)
        guard case .header = try reader.readHeader() else {
            Issue.record("no header")
            return []
        }
        var out: [Shape] = []
        _ = try reader.readRecords(with: ShapeProcessor()) { out.append($0) }
        return out
    }

    /// 20,000 empty rows of 5 cells (4 commas and a line break each), then 3 rows with data.
    private static let text = "a,b,c,d,e\n" + String(repeating: ",,,,\n", count: 20_000) + "1,2,3,4,5\n\"x,\ny\",,,,\n6,7,8,9,10"

    @Test("chunks of empty rows stop at 1,000 cells", arguments: [1, 2])
    func emptyRowsAreCutByCells(workers: Int) throws {
        let dir = IngestTempDir()
        let path = dir.write("empty-rows.csv", Self.text)
        let options = CSVReadOptions(maxChunkCells: 1000, workers: workers)
        let batches = try shapes(path, options)
        // 1,000 cells = 200 rows of 5: the 20,003 records fill 100 chunks and 3 records follow.
        #expect(batches.count == 101)
        #expect(batches.dropLast().allSatisfy { $0.records == 200 && $0.fields == 1000 })
        #expect(batches.last?.records == 3)
        #expect(batches.map(\.index) == Array(0..<101))
    }

    @Test("the records read do not depend on where chunks are cut", arguments: [1, 3, 1000])
    func sameRecordsWhateverTheBound(cells: Int) throws {
        let dir = IngestTempDir()
        let path = dir.write("empty-rows.csv", Self.text)
        let reference = try ingest(path, CSVReadOptions(workers: 1))
        for workers in [1, 2] {
            let bounded = try ingest(path, CSVReadOptions(chunkBytes: 4096, readBytes: 512, maxChunkCells: cells, workers: workers))
            #expect(bounded.invariant == reference.invariant, "cells \(cells), workers \(workers)")
        }
        #expect(reference.records.count == 20_003)
        #expect(reference.records.last?.line == 20_005)
    }

    @Test("the generated file with malformed rows reads the same with a cell bound of 7")
    func generatedFileWithMalformedRows() throws {
        let g = GeneratedCSV.make(records: 3000, seed: 20_240_426)
        let dir = IngestTempDir()
        let path = dir.write("generated.csv", g.bytes)
        let reference = try ingest(path).invariant
        for workers in [1, 2] {
            let bounded = try ingest(path, CSVReadOptions(chunkBytes: 1024, readBytes: 100, maxChunkCells: 7, workers: workers))
            #expect(bounded.invariant == reference, "workers \(workers)")
        }
    }
}
