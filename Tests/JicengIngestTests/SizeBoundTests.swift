import Testing

@testable import JicengIngest

/// Field and record size bounds. With maxFieldBytes 16 and a 3-column header, the record bound is
/// (16 + 1) × (3 + 8) = 187 bytes.
@Suite struct SizeBoundTests {
    static let small = CSVReadOptions(maxFieldBytes: 16)

    @Test func oversizedFieldIsFlagged() throws {
        let forty = String(repeating: "x", count: 40)
        let text =
            "id,name,note\n1,\(forty),n\n2,b,c\n3,\"\(forty)\"\n4,\(String(repeating: "y", count: 16)),\(String(repeating: "z", count: 17))\n"
        let r = try ingest(text: text, Self.small)
        #expect(r.rows.map(\.line) == [2, 3, 4, 5])
        #expect(r.records.map(\.oversized) == [1, nil, 1, 2])
        #expect(r.records[0].fields[1].count == 40)
        #expect(r.abandoned.isEmpty)
    }

    @Test func unterminatedQuotedFieldOf10KBIsAbandoned() throws {
        // L3 opens a quote and runs 10 KB without a line break; reading resumes on L4.
        let text = "id,name,note\n1,a,b\n2,\"" + String(repeating: "x", count: 10_240) + "\n3,c,d\n4,e,f\n"
        for options in [Self.small, tinyOptions(chunk: 64, read: 7, workers: 2, maxField: 16)] {
            let r = try ingest(text: text, options)
            #expect(r.rows == [Row(2, ["1", "a", "b"]), Row(4, ["3", "c", "d"]), Row(5, ["4", "e", "f"])])
            #expect(r.abandoned.map(\.line) == [3])
            #expect(r.abandoned.map(\.reason) == [.fieldTooLarge])
            #expect(r.malformed.isEmpty)
            // The abandoned record's size: everything up to (not including) its line break.
            #expect(r.abandoned.first?.bytes == 10_243)
        }
    }

    @Test func lineOf5000CommasIsAbandonedForTooManyCells() throws {
        let text = "id,name,note\r\n1,a,b\r\n" + String(repeating: ",", count: 5000) + "\r\n2,c,d\r\n"
        for options in [Self.small, tinyOptions(chunk: 5, read: 3, workers: 3, maxField: 16)] {
            let r = try ingest(text: text, options)
            #expect(r.rows == [Row(2, ["1", "a", "b"]), Row(4, ["2", "c", "d"])])
            #expect(r.abandoned.map(\.line) == [3])
            #expect(r.abandoned.map(\.reason) == [.tooManyCells])
            #expect(r.abandoned.first?.bytes == 5000)
        }
    }

    @Test func recordAtTheBoundIsKeptAndOneByteMoreIsAbandoned() throws {
        // Exactly 187 bytes (before the line break) is within the bound; 188 is not.
        let within = "1," + String(repeating: "a", count: 185)
        let beyond = "2," + String(repeating: "b", count: 186)
        let text = "id,name,note\n\(within)\n\(beyond)\n3,c\n"
        for options in [
            Self.small, tinyOptions(chunk: 1, read: 1, workers: 1, maxField: 16),
            tinyOptions(chunk: 200, read: 5, workers: 2, maxField: 16),
        ] {
            let r = try ingest(text: text, options)
            #expect(r.rows.map(\.line) == [2, 4])
            #expect(r.records.first?.fields[1].count == 185)
            #expect(r.records.first?.oversized == 1)
            #expect(r.abandoned.map(\.line) == [3])
            #expect(r.abandoned.first?.bytes == 188)
        }
    }

    @Test func abandonedRecordInsideAQuotedMultiLineFieldLosesOnlyItsFirstLine() throws {
        // L3 starts `2,"a` and its quoted field spans L3-L5 before growing past the bound on L5:
        // the record is abandoned at L3 and, like a malformed record, loses only itself — reading
        // resumes at L4 (`b`, a one-cell record), L5 is a 1,001-byte field on its own line
        // (abandoned too), and "3,c,d" keeps its line, L6.
        let text = "id,name,note\n1,a,b\n2,\"a\nb\nc" + String(repeating: "x", count: 1000) + "\n3,c,d\n"
        for options in [Self.small, tinyOptions(chunk: 3, read: 2, workers: 2, maxField: 16)] {
            let r = try ingest(text: text, options)
            #expect(r.rows == [Row(2, ["1", "a", "b"]), Row(4, ["b"]), Row(6, ["3", "c", "d"])])
            #expect(r.abandoned.map(\.line) == [3, 5])
            #expect(r.abandoned.map(\.reason) == [.fieldTooLarge, .fieldTooLarge])
        }
    }

    @Test func quoteOpenToTheEndOfFileOneByteBeyondTheBoundIsAbandonedInEveryReading() throws {
        // Found by the fuzzer: L3 opens a quote that never closes, and from its first byte to the
        // end of the file it is exactly one byte beyond the 187-byte bound. Whether the reader has
        // the end of the file in its buffer or not, the record is abandoned at L3 (not reported as
        // an unterminated quote), and reading resumes at L4.
        let head = "id,name,note\n1,a,b\n"
        var record = "2,\"" + String(repeating: "q", count: 40) + "\n"
        record += String(repeating: "w", count: 188 - record.utf8.count)
        #expect(record.utf8.count == 188)
        let text = head + record
        for options in [
            Self.small, tinyOptions(chunk: 64, read: 7, workers: 1, maxField: 16),
            tinyOptions(chunk: 1 << 20, read: 7, workers: 1, maxField: 16),
        ] {
            let r = try ingest(text: text, options)
            #expect(r.abandoned.map(\.line) == [3])
            #expect(r.malformed.isEmpty)
            #expect(r.records.map(\.line) == [2, 4])
        }
    }

    @Test func abandonedRecordAtEndOfFileWithoutNewline() throws {
        let text = "id,name,note\n1,a,b\n2,\"" + String(repeating: "q", count: 1000)
        for options in [Self.small, tinyOptions(chunk: 8, read: 3, workers: 2, maxField: 16)] {
            let r = try ingest(text: text, options)
            #expect(r.rows == [Row(2, ["1", "a", "b"])])
            #expect(r.abandoned.map(\.line) == [3])
            #expect(r.abandoned.first?.bytes == 1003)
            #expect(r.malformed.isEmpty)
        }
    }

    @Test func malformedLineThatGrowsBeyondTheBoundIsAbandoned() throws {
        // A stray quote early, then 2 KB more on the same line: the line is dropped (bounded), not
        // kept whole for libcsv.
        let text = "id,name,note\n1,a\"b" + String(repeating: "z", count: 2000) + "\n2,c,d\n"
        for options in [Self.small, tinyOptions(chunk: 16, read: 4, workers: 2, maxField: 16)] {
            let r = try ingest(text: text, options)
            #expect(r.rows == [Row(3, ["2", "c", "d"])])
            #expect(r.abandoned.map(\.line) == [2])
            #expect(r.malformed.isEmpty)
        }
    }

    @Test func headerBeyondTheBoundIsTooLarge() throws {
        // Before the header is known, the bound is (16 + 1) × (1 + 8) = 153 bytes.
        let text = "\n" + String(repeating: "h", count: 5000) + ",x\n1,2\n"
        let r = try ingest(text: text, Self.small)
        guard case .tooLarge(let a) = r.header else {
            Issue.record("expected .tooLarge, got \(r.header)")
            return
        }
        #expect(a.line == 2)
        #expect(a.reason == .fieldTooLarge)
    }

    @Test func memoryStaysBoundedWhateverTheFieldSize() throws {
        // An 8 MB unterminated field and an 8 MB line of commas: the reader's buffer never grows
        // towards the file size.
        let options = CSVReadOptions(chunkBytes: 64 << 10, readBytes: 16 << 10, maxFieldBytes: 1024, workers: 2)
        let field = [UInt8]("id,name,note\n1,a,b\n2,\"".utf8) + [UInt8](repeating: 0x78, count: 8 << 20) + [UInt8]("\n3,c,d\n".utf8)
        let r1 = try ingest(bytes: field, options)
        #expect(r1.rows == [Row(2, ["1", "a", "b"]), Row(4, ["3", "c", "d"])])
        #expect(r1.abandoned.map(\.line) == [3])
        #expect(r1.abandoned.first?.bytes == (8 << 20) + 3)
        #expect(r1.peakBufferCapacity < 256 << 10, "peak buffer \(r1.peakBufferCapacity)")

        let commas = [UInt8]("id,name,note\n".utf8) + [UInt8](repeating: 0x2C, count: 8 << 20) + [UInt8]("\n3,c,d\n".utf8)
        let r2 = try ingest(bytes: commas, options)
        #expect(r2.rows == [Row(3, ["3", "c", "d"])])
        #expect(r2.abandoned.map(\.reason) == [.tooManyCells])
        #expect(r2.peakBufferCapacity < 256 << 10, "peak buffer \(r2.peakBufferCapacity)")

        // The same with the default sizes: bounded by the record bound, not the 8 MB file.
        let defaults = CSVReadOptions(maxFieldBytes: 64 << 10)
        let r3 = try ingest(bytes: field, defaults)
        #expect(r3.abandoned.map(\.line) == [3])
        #expect(r3.rows.map(\.line) == [2, 4])
    }

    @Test func manyOrdinaryRecordsKeepTheBufferNearTheChunkSize() throws {
        var text = "id,name,note\n"
        for k in 0..<20_000 { text += "\(k),name \(k),\"note, \(k)\"\n" }
        let options = CSVReadOptions(chunkBytes: 8 << 10, readBytes: 4 << 10, workers: 2)
        let r = try ingest(text: text, options)
        #expect(r.records.count == 20_000)
        #expect(r.peakBufferCapacity <= 64 << 10, "peak buffer \(r.peakBufferCapacity)")
        #expect(r.chunkIndices.count > 20)
    }
}
