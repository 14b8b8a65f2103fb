import Testing

@testable import JicengIngest

/// Line endings, blank lines, quoting and spaces: the record's line is where it starts (header = 1).
@Suite struct LineAndQuotingTests {
    @Test func lfFile() throws {
        let r = try ingest(text: "id,name\n1,甲\n2,乙\n")
        #expect(r.headerFields == ["id", "name"])
        #expect(r.headerLine == 1)
        #expect(r.rows == [Row(2, ["1", "甲"]), Row(3, ["2", "乙"])])
        #expect(r.malformed.isEmpty)
        #expect(r.abandoned.isEmpty)
    }

    @Test func crlfFile() throws {
        let r = try ingest(text: "id,name\r\n1,甲\r\n2,乙\r\n")
        #expect(r.headerFields == ["id", "name"])
        #expect(r.rows == [Row(2, ["1", "甲"]), Row(3, ["2", "乙"])])
    }

    @Test func loneCRLineEndings() throws {
        let r = try ingest(text: "id,name\r1,a\r2,b\r")
        #expect(r.headerFields == ["id", "name"])
        #expect(r.rows == [Row(2, ["1", "a"]), Row(3, ["2", "b"])])
    }

    @Test func blankLinesAreCountedAndLastRecordWithoutNewline() throws {
        // L1 header, L2 blank, L3 "1,a", L4-L5 blank (CRLF), L6 "2,b", L7-L8 blank, L9 "3,c" (no newline).
        let r = try ingest(text: "id,name\n\n1,a\r\n\r\n\r\n2,b\n\n\n3,c")
        #expect(r.rows == [Row(3, ["1", "a"]), Row(6, ["2", "b"]), Row(9, ["3", "c"])])
    }

    @Test func mixedEndingsIncludingLoneCRBeforeBlankLines() throws {
        // "a" L1 (CRLF); "1" L2 (CR); "2" L3 (LF); blank L4 (CRLF); "3" L5 (CR); blank L6 (CR); "4" L7.
        let r = try ingest(text: "a\r\n1\r2\n\r\n3\r\r4")
        #expect(r.rows == [Row(2, ["1"]), Row(3, ["2"]), Row(5, ["3"]), Row(7, ["4"])])
    }

    @Test func trailingBlankLinesMakeNoRecords() throws {
        let r = try ingest(text: "h\n1\n\n\n\r\n\r")
        #expect(r.rows == [Row(2, ["1"])])
        #expect(r.malformed.isEmpty)
    }

    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let text =
            "id,text,n\n"
            + "1,\"a,b\",x\n"
            + "2,\"say \"\"hi\"\"\",y\n"
            + "3,\"line1\nline2\nline3\",z\n"
            + "4,\"crlf1\r\ncrlf2\",w\r\n"
            + "5,\"\",\"\"\n"
            + "6,\"lone\rcr\",v\n"
            + "7,end\n"
        let r = try ingest(text: text)
        #expect(r.headerFields == ["id", "text", "n"])
        #expect(
            r.rows == [
                Row(2, ["1", "a,b", "x"]),
                Row(3, ["2", "say \"hi\"", "y"]),
                Row(4, ["3", "line1\nline2\nline3", "z"]),  // spans L4-L6
                Row(7, ["4", "crlf1\r\ncrlf2", "w"]),  // spans L7-L8 (CRLF inside counts once)
                Row(9, ["5", "", ""]),
                Row(10, ["6", "lone\rcr", "v"]),  // spans L10-L11
                Row(12, ["7", "end"]),
            ])
    }

    @Test func multiLineFieldFirstInRecordAndCRBeforeClosingQuote() throws {
        // L1 header; L2-L3 record 1 (first field spans); L4-L5 record 2 (field ends with CR then
        // the quote: a lone CR); L6 record 3, whose quoted field ends the file.
        let r = try ingest(text: "a,b\n\"x\ny\",1\n\"z\r\",2\n3,\"w\"")
        #expect(r.rows == [Row(2, ["x\ny", "1"]), Row(4, ["z\r", "2"]), Row(6, ["3", "w"])])
    }

    @Test func multiLineFieldAfterLoneCR() throws {
        // A lone CR ends L2; the next record's quoted LF is L3→L4; the last record is L5.
        let r = try ingest(text: "h\n1\r\"p\nq\"\n2\n")
        #expect(r.rows == [Row(2, ["1"]), Row(3, ["p\nq"]), Row(5, ["2"])])
    }

    @Test func spacesAroundUnquotedFieldsAreKept() throws {
        let r = try ingest(text: "a,b,c\n  x , y ,z  \n\t1\t,, \n")
        #expect(r.rows == [Row(2, ["  x ", " y ", "z  "]), Row(3, ["\t1\t", "", " "])])
    }

    @Test func emptyFieldsAndShortAndLongRecordsAreReportedAsWritten() throws {
        let r = try ingest(text: "a,b,c\n,,\n1\n1,2,3,4\n\"\"\n")
        // `""` alone is one empty field (unlike a blank line, which is no record).
        #expect(r.rows == [Row(2, ["", "", ""]), Row(3, ["1"]), Row(4, ["1", "2", "3", "4"]), Row(5, [""])])
    }

    @Test func headerFieldsMayBeQuotedAndSpanLines() throws {
        let r = try ingest(text: "\"id\",\"多\n行\"\n1,2\n")
        #expect(r.headerFields == ["id", "多\n行"])
        #expect(r.headerLine == 1)
        #expect(r.rows == [Row(3, ["1", "2"])])
    }

    @Test func chineseTextAndEmojiStayUTF8Bytes() throws {
        let r = try ingest(text: "社区,备注\n绣林街道,\"😀,网格\"\n")
        #expect(r.rows == [Row(2, ["绣林街道", "😀,网格"])])
        #expect(r.records[0].fields[0] == Array("绣林街道".utf8))
    }
}
