import Testing

@testable import JicengIngest

/// The boundary scanner takes a record without quotes whole, eight bytes at a time, and hands
/// anything else (a quote, a control byte, a record cut by the end of the buffer) to its
/// byte-wise states; fields are searched for line breaks only in chunks where a quoted one was
/// seen. The readings must not change, whatever the chunk and read sizes.
@Suite struct PlainRecordScanTests {
    /// Every kind of record next to plain ones; expected by hand.
    private static let text =
        "h1,h2\n"  // L1 header
        + "a,b\n"  // L2
        + "\tx,y \n"  // L3: a tab and a space are kept (a control byte leaves the fast path)
        + "c,d\r"  // L4: lone CR
        + "e,\"f\ng\"\n"  // L5–L6: a quoted line break
        + "h,i\r\n"  // L7
        + "0123456789abcdef,0123456789abcdef0123\n"  // L8: words of eight bytes and a tail
        + "j,k\"l\n"  // L9: a stray quote, malformed; reading resumes at L10
        + "m,n"  // L10, no line break at the end

    private static let rows = [
        Row(2, ["a", "b"]), Row(3, ["\tx", "y "]), Row(4, ["c", "d"]), Row(5, ["e", "f\ng"]), Row(7, ["h", "i"]),
        Row(8, ["0123456789abcdef", "0123456789abcdef0123"]), Row(10, ["m", "n"]),
    ]

    @Test func byHand() throws {
        let r = try ingest(text: Self.text)
        #expect(r.headerFields == ["h1", "h2"])
        #expect(r.rows == Self.rows)
        #expect(r.malformed.map(\.line) == [9])
    }

    @Test func everyChunkAndReadSize() throws {
        for chunk in [1, 2, 3, 5, 8, 13, 21, 64] {
            for read in [1, 2, 3, 7, 16] {
                for workers in [1, 2] {
                    let r = try ingest(text: Self.text, tinyOptions(chunk: chunk, read: read, workers: workers))
                    #expect(r.rows == Self.rows, "chunk \(chunk) read \(read) workers \(workers)")
                    #expect(r.malformed.map(\.line) == [9], "chunk \(chunk) read \(read) workers \(workers)")
                }
            }
        }
    }

    /// A record longer than the bound is abandoned by the byte-wise states, not taken whole.
    @Test func recordOverTheBoundIsNotTakenWhole() throws {
        // Two columns and a field limit of 4 bytes: the bound is (4 + 1) × (2 + 8) = 50 bytes.
        let long = String(repeating: "z", count: 60)
        let r = try ingest(text: "a,b\n1,2\n\(long),3\n4,5\n", tinyOptions(chunk: 16, read: 8, workers: 1, maxField: 4))
        #expect(r.rows == [Row(2, ["1", "2"]), Row(4, ["4", "5"])])
        #expect(r.abandoned.map(\.line) == [3])
    }
}
