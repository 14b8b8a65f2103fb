import Testing
@testable import JicengIngest

/// Strict parsing: a stray quote makes one malformed record at the record's start line; reading
/// resumes on the next line and never swallows the rest of the file.
@Suite struct StrictModeTests {
    @Test func strayQuoteInsideUnquotedField() throws {
        let r = try ingest(text: "id,v\n1,a\"b\n2,ok\n3,\"x\"\n")
        #expect(r.malformedLines == [2])
        #expect(r.malformed.allSatisfy { !$0.unterminatedQuote })
        #expect(r.rows == [Row(3, ["2", "ok"]), Row(4, ["3", "x"])])
    }

    @Test func textAfterClosingQuote() throws {
        let r = try ingest(text: "id,v\r\n1,\"ab\"c\r\n2,fine\r\n")
        #expect(r.malformedLines == [2])
        #expect(r.rows == [Row(3, ["2", "fine"])])
    }

    @Test func spaceAfterClosingQuoteIsAnErrorInStrictMode() throws {
        let r = try ingest(text: "id,v\n1,\"ab\" \n2,x\n")
        #expect(r.malformedLines == [2])
        #expect(r.rows == [Row(3, ["2", "x"])])
    }

    @Test func malformedRecordThatStartedLinesEarlier() throws {
        // L2-L4: a quoted field over three lines, then a stray character: malformed at L2.
        // L6-L7: the same with the multi-line field first in the record: malformed at L6.
        let text = "id,v\n1,\"multi\nline\nx\"y\n2,ok\n\"q\nr\"z,1\n3,ok\n"
        let r = try ingest(text: text)
        #expect(r.malformedLines == [2, 6])
        #expect(r.rows == [Row(5, ["2", "ok"]), Row(8, ["3", "ok"])])
    }

    @Test func malformedRecordsOnConsecutiveLinesWithEveryLineEnding() throws {
        // L2 (LF), L3 (CRLF), L4 (lone CR), L5 good, L6 malformed at EOF without newline.
        let r = try ingest(text: "h,v\n1,a\"\n2,\"b\"c\r\n3,d\"\r4,ok\n5,\"e\"\"\"f")
        #expect(r.malformedLines == [2, 3, 4, 6])
        #expect(r.rows == [Row(5, ["4", "ok"])])
        #expect(r.malformed.allSatisfy { !$0.unterminatedQuote })
    }

    @Test func aStrayQuoteNeverSwallowsTheRestOfTheFile() throws {
        // In lenient mode `"ab"c,"rest` would read on to the next quote, far down the file.
        var text = "id,a,b\n9,\"ab\"c,\"rest\n"
        for k in 0..<1000 { text += "\(k),x\(k),y\n" }
        text += "last,\"q\",z\n"
        let r = try ingest(text: text)
        #expect(r.malformedLines == [2])
        #expect(r.records.count == 1001)
        #expect(r.rows.first == Row(3, ["0", "x0", "y"]))
        #expect(r.rows.last == Row(1003, ["last", "q", "z"]))
        #expect(r.records.map(\.line) == Array(3...1003))
    }

    @Test func unterminatedQuoteAtEndOfFile() throws {
        let r = try ingest(text: "id,v\n1,ok\n2,\"never\nends\n")
        #expect(r.rows == [Row(2, ["1", "ok"])])
        #expect(r.malformed.count == 1)
        #expect(r.malformed.first?.line == 3)
        #expect(r.malformed.first?.unterminatedQuote == true)
        // The excerpt is the start of the open record, its line breaks shown as spaces.
        #expect(r.malformed.first?.excerpt == "2,\"never ends")
    }

    @Test func unterminatedQuoteAsFirstFieldAfterAMultiLineRecord() throws {
        // L2-L3 a good multi-line record; L4 opens a quote that never closes.
        let r = try ingest(text: "id,v\n\"a\nb\",1\n\"open\nstill open\r\nand more")
        #expect(r.rows == [Row(2, ["a\nb", "1"])])
        #expect(r.malformed == [MalformedRecord(line: 4, excerpt: r.malformed.first?.excerpt ?? "", unterminatedQuote: true)])
    }

    @Test func excerptShowsTheMalformedRecordOnly() throws {
        let r = try ingest(text: "id,v\n1,x\n2,a\"b\n3,y\n")
        #expect(r.malformed.count == 1)
        let excerpt = try #require(r.malformed.first?.excerpt)
        #expect(excerpt.hasPrefix("2,a\"b"))
        #expect(!excerpt.contains("1,x"))
        #expect(!excerpt.contains("3,y"))
        #expect(!excerpt.contains("\n"))
    }

    @Test func excerptOfAMalformedLastRecordWithoutNewline() throws {
        // The record at the end of the file has no line break after it; its excerpt must still be
        // its own text (not the records before it).
        let r = try ingest(text: "id,v\n1,x\n2,a\"b")
        #expect(r.malformedLines == [3])
        #expect(r.malformed.first?.excerpt == "2,a\"b")
        #expect(r.rows == [Row(2, ["1", "x"])])
    }

    @Test func excerptNeverCutsAUTF8Character() throws {
        // 30 three-byte characters before the stray quote: the excerpt starts 24 bytes back,
        // which is inside a character; it must not show a replacement character.
        let text = "id,v\n1," + String(repeating: "网", count: 30) + "\"" + String(repeating: "格", count: 10) + "\n"
        let r = try ingest(text: text)
        #expect(r.malformedLines == [2])
        let excerpt = try #require(r.malformed.first?.excerpt)
        #expect(!excerpt.contains("\u{FFFD}"))
        #expect(excerpt.contains("网\"格"))
    }

    @Test func malformedMultiLineRecordFollowedByRecordsCountsItsLines() throws {
        // The malformed record covers L2-L3 (CRLF inside the quote); the next records follow.
        let r = try ingest(text: "a,b\r\n1,\"x\r\ny\"oops\r\n2,\"p\nq\"\r\n3,z\r\n")
        #expect(r.malformedLines == [2])
        #expect(r.rows == [Row(4, ["2", "p\nq"]), Row(6, ["3", "z"])])
    }
}
