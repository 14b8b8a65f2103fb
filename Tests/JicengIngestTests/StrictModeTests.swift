import Testing

@testable import JicengIngest

/// Strict parsing: a stray quote makes one malformed record at the record's start line; reading
/// resumes at the physical line after that first line (contract §9), so a malformed record loses
/// only itself and never swallows the valid records after it.
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
        // L2-L4: a quoted field over three lines, then a stray character: malformed at L2, and
        // reading resumes at L3 (`line` is a record; `x"y` on L4 is malformed on its own).
        // L6-L7: the same with the multi-line field first in the record: malformed at L6; L7
        // `r"z,1` is read again and is malformed on its own.
        let text = "id,v\n1,\"multi\nline\nx\"y\n2,ok\n\"q\nr\"z,1\n3,ok\n"
        let r = try ingest(text: text)
        #expect(r.malformedLines == [2, 4, 6, 7])
        #expect(r.rows == [Row(3, ["line"]), Row(5, ["2", "ok"]), Row(8, ["3", "ok"])])
    }

    @Test func validRecordsBetweenTwoStrayQuotesAreRead() throws {
        // The case of issue 10: an unclosed quote on line 4 and another quote on line 7. Lines 5
        // and 6 are valid records and must be read; only line 4 and line 7 are lost.
        let text = "id,v,w\n1,a,b\n2,c,d\n3,\"open,e\n4,f,g\n5,h,i\n6,j\"k,l\n7,m,n\n"
        let r = try ingest(text: text)
        #expect(r.malformedLines == [4, 7])
        #expect(
            r.rows == [
                Row(2, ["1", "a", "b"]), Row(3, ["2", "c", "d"]), Row(5, ["4", "f", "g"]), Row(6, ["5", "h", "i"]),
                Row(8, ["7", "m", "n"]),
            ])
    }

    @Test func strayOpeningQuoteOnEveryLineStaysLinear() throws {
        // Each line opens a quoted field the next line closes and breaks: every record is
        // malformed at its own line, none swallows another, and the scan stays linear (20,000
        // lines would take minutes if each malformed record rescanned the rest of the file).
        var text = "id,v\n"
        for k in 0..<20_000 { text += "\(k),\"x\n" }
        let r = try ingest(text: text)
        #expect(r.malformedLines == Array(2...20_001))
        #expect(r.records.isEmpty)
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
        // The open record is malformed at its first line; reading resumes at the next line.
        #expect(r.rows == [Row(2, ["1", "ok"]), Row(4, ["ends"])])
        #expect(r.malformed.count == 1)
        #expect(r.malformed.first?.line == 3)
        #expect(r.malformed.first?.unterminatedQuote == true)
        // The excerpt is the first line of the open record.
        #expect(r.malformed.first?.excerpt == "2,\"never")
    }

    @Test func unterminatedQuoteAsFirstFieldAfterAMultiLineRecord() throws {
        // L2-L3 a good multi-line record; L4 opens a quote that never closes.
        let r = try ingest(text: "id,v\n\"a\nb\",1\n\"open\nstill open\r\nand more")
        #expect(r.rows == [Row(2, ["a\nb", "1"]), Row(5, ["still open"]), Row(6, ["and more"])])
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
        // The malformed record starts at L2 (CRLF inside the quote); reading resumes at L3, itself
        // malformed (`y"oops`); the next records follow with their lines.
        let r = try ingest(text: "a,b\r\n1,\"x\r\ny\"oops\r\n2,\"p\nq\"\r\n3,z\r\n")
        #expect(r.malformedLines == [2, 3])
        #expect(r.rows == [Row(4, ["2", "p\nq"]), Row(6, ["3", "z"])])
    }
}
