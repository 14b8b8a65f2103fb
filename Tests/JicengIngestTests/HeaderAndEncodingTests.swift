import Testing

@testable import JicengIngest

@Suite struct HeaderTests {
    @Test func emptyFile() throws {
        let r = try ingest(bytes: [])
        #expect(r.header == .empty)
        #expect(r.encoding == nil)
    }

    @Test func bomOnlyFile() throws {
        let r = try ingest(bytes: utf8BOM)
        #expect(r.header == .empty)
    }

    @Test func onlyBlankLines() throws {
        #expect(try ingest(bytes: utf8BOM + Array("\n\r\n\r".utf8)).header == .empty)
        #expect(try ingest(text: "\n\n\n").header == .empty)
    }

    @Test func blankLinesBeforeTheHeader() throws {
        // L1-L3 blank (LF, CRLF, LF), header L4, record L5.
        let r = try ingest(text: "\n\r\n\nid,name\n1,a\n")
        #expect(r.headerFields == ["id", "name"])
        #expect(r.headerLine == 4)
        #expect(r.rows == [Row(5, ["1", "a"])])
    }

    @Test func blankLinesBeforeTheHeaderWithTinyReads() throws {
        for workers in 1...3 {
            let r = try ingest(text: "\r\n\r\n\rid,name\r\n\r\n1,a\r\n", tinyOptions(chunk: 1, read: 1, workers: workers))
            #expect(r.headerLine == 4)
            #expect(r.rows == [Row(6, ["1", "a"])])
        }
    }

    @Test func headerOnly() throws {
        for text in ["id,name\n", "id,name", "id,name\r\n\r\n\n"] {
            let r = try ingest(text: text)
            #expect(r.headerFields == ["id", "name"])
            #expect(r.records.isEmpty)
            #expect(r.malformed.isEmpty)
            #expect(r.chunkIndices.count <= 1)
        }
    }

    @Test func malformedHeader() throws {
        let r = try ingest(text: "id,na\"me\n1,a\n")
        guard case .malformed(let m) = r.header else {
            Issue.record("expected .malformed, got \(r.header)")
            return
        }
        #expect(m.line == 1)
        #expect(!m.unterminatedQuote)
        #expect(r.encoding == .utf8)
    }

    @Test func malformedHeaderAfterBlankLines() throws {
        let r = try ingest(text: "\n\n\"id\"x,name\n1,a\n")
        guard case .malformed(let m) = r.header else {
            Issue.record("expected .malformed, got \(r.header)")
            return
        }
        #expect(m.line == 3)
    }

    @Test func headerWithUnterminatedQuote() throws {
        let r = try ingest(text: "\"id,name\n1,a\n")
        guard case .malformed(let m) = r.header else {
            Issue.record("expected .malformed, got \(r.header)")
            return
        }
        #expect(m.line == 1)
        #expect(m.unterminatedQuote)
    }

    @Test func headerSpacesAreKept() throws {
        let r = try ingest(text: " id , 名称\n1,2\n")
        #expect(r.headerFields == [" id ", " 名称"])
    }
}

@Suite struct EncodingTests {
    @Test func pureASCIIIsUTF8() throws {
        let r = try ingest(text: "id,name\n1,a\n")
        #expect(r.encoding == .utf8)
        guard case .header(let h) = r.header else {
            Issue.record("no header")
            return
        }
        #expect(h.encoding == .utf8)
    }

    @Test func utf8WithoutBOM() throws {
        let r = try ingest(text: "单位编码,名称\nU1,绣林街道\n")
        #expect(r.encoding == .utf8)
        #expect(r.headerFields == ["单位编码", "名称"])
        #expect(r.rows == [Row(2, ["U1", "绣林街道"])])
    }

    @Test func utf8WithBOM() throws {
        let r = try ingest(bytes: utf8BOM + Array("id,名称\n1,网格\n".utf8))
        #expect(r.encoding == .utf8BOM)
        #expect(r.headerFields == ["id", "名称"])
        #expect(r.headerFields?.first?.unicodeScalars.first == "i")
        #expect(r.rows == [Row(2, ["1", "网格"])])
        #expect(r.raw == utf8BOM + Array("id,名称\n1,网格\n".utf8))
    }

    @Test func utf8WithBOMAndQuotedFirstHeaderField() throws {
        let r = try ingest(bytes: utf8BOM + Array("\"id\",\"名称\"\r\n1,a\r\n".utf8))
        #expect(r.encoding == .utf8BOM)
        #expect(r.headerFields == ["id", "名称"])
        #expect(r.rows == [Row(2, ["1", "a"])])
    }

    @Test func utf8WithBOMAndTinyReads() throws {
        // The BOM arrives one byte at a time.
        for workers in 1...2 {
            let r = try ingest(bytes: utf8BOM + Array("\"id\",v\n1,2\n".utf8), tinyOptions(chunk: 1, read: 1, workers: workers))
            #expect(r.encoding == .utf8BOM)
            #expect(r.headerFields == ["id", "v"])
            #expect(r.rows == [Row(2, ["1", "2"])])
        }
    }

    @Test func gbkBytesWrittenByHand() throws {
        // 网格 = CD F8 B8 F1 in GBK/GB18030.
        let wangge: [UInt8] = [0xCD, 0xF8, 0xB8, 0xF1]
        let bytes = Array("id,".utf8) + wangge + Array("\r\n1,".utf8) + wangge + Array("\r\n".utf8)
        let r = try ingest(bytes: bytes)
        #expect(r.encoding == .gb18030)
        guard case .header(let h) = r.header else {
            Issue.record("no header: \(r.header)")
            return
        }
        #expect(h.encoding == .gb18030)
        #expect(h.fields == ["id", "网格"])
        #expect(r.rows == [Row(2, ["1", "网格"])])
        #expect(r.records[0].fields[1] == Array("网格".utf8))
        #expect(r.raw == bytes)
    }

    @Test func gb18030FourByteCharactersAndQuotedBreaks() throws {
        // Emoji and CJK extension B need GB18030's four-byte sequences.
        let text = "名称,备注\n\"😀,网格\",\"第一行\n第二行\"\n𠀀,社区\n"
        let bytes = gb18030Bytes(text)
        #expect(bytes != Array(text.utf8))
        let r = try ingest(bytes: bytes)
        #expect(r.encoding == .gb18030)
        #expect(r.headerFields == ["名称", "备注"])
        #expect(r.rows == [Row(2, ["😀,网格", "第一行\n第二行"]), Row(4, ["𠀀", "社区"])])
        #expect(r.raw == bytes)
    }

    @Test func gb18030WithTinyReadsSplittingCharacters() throws {
        let text = "名称,备注\r\n\"😀,网格\",\"第一行\r\n第二行\"\r\n𠀀,社区\r\n绣林,\"a\"\"b\"\r\n"
        let bytes = gb18030Bytes(text)
        let expected = [Row(2, ["😀,网格", "第一行\r\n第二行"]), Row(4, ["𠀀", "社区"]), Row(5, ["绣林", "a\"b"])]
        for read in 1...7 {
            for workers in 1...3 {
                let r = try ingest(bytes: bytes, tinyOptions(chunk: read * 3, read: read, workers: workers))
                #expect(r.encoding == .gb18030)
                #expect(r.headerFields == ["名称", "备注"])
                #expect(r.rows == expected, "read \(read) workers \(workers)")
                #expect(r.raw == bytes)
            }
        }
    }

    @Test func neitherUTF8NorGB18030IsUndecodable() throws {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x80, 0x80]
        bytes += Array(repeating: 0x80, count: 20)
        bytes += [0xFF, 0x2C, 0x0A]
        let r = try ingest(bytes: bytes)
        #expect(r.header == .undecodable(line: 1))
        #expect(r.encoding == nil)
    }

    @Test func utf16WithBOMIsUndecodable() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "id,名称\r\n1,网格\r\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try ingest(bytes: bytes).header == .undecodable(line: 1))
    }

    @Test func gb18030FileWithAByteOrderMarkHasNoBOMInTheFirstName() throws {
        // GB18030's own BOM (84 31 95 33) decodes to U+FEFF, which must not end up in "id".
        let bytes: [UInt8] = [0x84, 0x31, 0x95, 0x33] + Array("\"id\",".utf8) + [0xCD, 0xF8, 0xB8, 0xF1] + Array("\n1,2\n".utf8)
        let r = try ingest(bytes: bytes)
        #expect(r.encoding == .gb18030)
        #expect(r.headerFields == ["id", "网格"])
        #expect(r.rows == [Row(2, ["1", "2"])])
    }

    @Test func decisionEdgeCases() throws {
        func decide(_ bytes: [UInt8]) throws -> EncodingVerdict { try EncodingDecision.decide(read: reading(bytes)) }
        #expect(try decide(Array("abc".utf8)) == .valid(.utf8))
        #expect(try decide(utf8BOM + [0xFF]) == .valid(.utf8BOM))
        // A UTF-8 sequence cut by the end of the file is invalid; the rest is GB18030 (E7 BD 91
        // cut to E7 BD: a two-byte GB18030 character).
        #expect(try decide(Array("ab网".utf8).dropLast().map { $0 }) == .valid(.gb18030))
        // Overlong, surrogate, beyond U+10FFFF: not UTF-8 (they may still be GB18030).
        #expect(try decide([0xED, 0xA0, 0x80]) != .valid(.utf8))
        #expect(try decide([0xF4, 0x90, 0x80, 0x80]) != .valid(.utf8))
        #expect(try decide([0xC0, 0xAF]) != .valid(.utf8))
        #expect(try decide([0x61, 0xFF, 0xFF]) == .neither(best: .utf8, firstInvalid: 1))
        #expect(try decide([0xCD, 0xF8, 0xB8, 0xF1]) == .valid(.gb18030))
        // Four-byte GB18030: 81308130 is the first BMP code, 8431A439 the last; 8431A530 is
        // unassigned, 90308130 the first supplementary code, E3329A35 the last, E3329A36 beyond.
        #expect(try decide([0x81, 0x30, 0x81, 0x30]) == .valid(.gb18030))
        #expect(try decide([0x84, 0x31, 0xA4, 0x39]) == .valid(.gb18030))
        #expect(try decide([0xCD, 0xF8, 0x84, 0x31, 0xA5, 0x30]) == .neither(best: .gb18030, firstInvalid: 2))
        #expect(try decide([0x90, 0x30, 0x81, 0x30]) == .valid(.gb18030))
        #expect(try decide([0xE3, 0x32, 0x9A, 0x35]) == .valid(.gb18030))
        #expect(try decide([0xE3, 0x32, 0x9A, 0x36]) != .valid(.gb18030))
        // GB18030 stays valid longer than UTF-8 here: it is the better reading.
        #expect(try decide([0x61, 0xCD, 0xF8, 0x62, 0xFF]) == .neither(best: .gb18030, firstInvalid: 4))
    }

    @Test func validatorsDoNotDependOnBlockBoundaries() throws {
        // Every split of a mixed text gives the whole text's answer, for both validators.
        let samples: [[UInt8]] = [
            Array("id,网格😀𠀀,社区\n".utf8), gb18030Bytes("id,网格😀𠀀,社区\n"),
            Array("ab网".utf8) + [0xFF] + Array("c".utf8), [0x81, 0x30, 0x81, 0x30, 0x84, 0x31, 0xA5, 0x30],
        ]
        for bytes in samples {
            var whole8 = UTF8StreamValidator()
            var wholeGB = GB18030StreamValidator()
            bytes.withUnsafeBufferPointer {
                whole8.feed($0)
                wholeGB.feed($0)
            }
            whole8.finish()
            wholeGB.finish()
            for step in 1...9 {
                var v8 = UTF8StreamValidator()
                var vGB = GB18030StreamValidator()
                var i = 0
                while i < bytes.count {
                    let piece = Array(bytes[i..<min(bytes.count, i + step)])
                    piece.withUnsafeBufferPointer {
                        v8.feed($0)
                        vGB.feed($0)
                    }
                    i += step
                }
                v8.finish()
                vGB.finish()
                #expect(v8.firstInvalid == whole8.firstInvalid, "step \(step)")
                #expect(vGB.firstInvalid == wholeGB.firstInvalid, "step \(step)")
            }
        }
    }

    @Test func lineOfAnOffsetCountsEveryLineEnding() throws {
        let bytes = Array("a\nb\r\nc\rd\n\ne".utf8)
        // Offsets of a, b, c, d, e: lines 1, 2, 3, 4, 6.
        for (offset, line) in [(0, 1), (2, 2), (5, 3), (7, 4), (10, 6)] {
            #expect(try EncodingDecision.line(ofOffset: Int64(offset), read: reading(bytes)) == line)
        }
    }

    @Test func gbkFileWhoseFirst64KiBAreASCIIIsGB18030() throws {
        // The case of issue 10: 3,000 plain ASCII rows (over 64 KiB), then GBK rows. The whole
        // file is valid GB18030 and not valid UTF-8, so it is GB18030 and every row is read right.
        var text = "id,name,note\n"
        var expected: [Row] = []
        for k in 0..<3000 {
            text += "\(k),ascii-\(k),plain text that is only ASCII\n"
            expected.append(Row(k + 2, ["\(k)", "ascii-\(k)", "plain text that is only ASCII"]))
        }
        for k in 0..<5 {
            text += "g\(k),网格\(k),绣林街道\n"
            expected.append(Row(3002 + k, ["g\(k)", "网格\(k)", "绣林街道"]))
        }
        let bytes = gb18030Bytes(text)
        #expect(bytes.prefix(65_536).allSatisfy { $0 < 0x80 })
        for options in [CSVReadOptions(), tinyOptions(chunk: 4096, read: 1000, workers: 2)] {
            let r = try ingest(bytes: bytes, options)
            #expect(r.encoding == .gb18030)
            #expect(r.rows == expected)
        }
    }

    @Test func utf8FileWithABadByteFarInIsReadAsUTF8() throws {
        // Valid UTF-8 with Chinese text, then one byte (FF) that is neither UTF-8 nor GB18030 on
        // line 4002: the file is neither; UTF-8 stays valid longer, so it is read as UTF-8 and
        // every record is kept (the normaliser rejects the one with the bad byte).
        var bytes = Array("id,名称\n".utf8)
        for k in 0..<4000 { bytes += Array("\(k),网格\(k)\n".utf8) }
        bytes += Array("bad,x".utf8) + [0xFF] + Array("\nlast,社区\n".utf8)
        let r = try ingest(bytes: bytes)
        #expect(r.encoding == .utf8)
        #expect(r.records.count == 4002)
        #expect(r.rows.last == Row(4003, ["last", "社区"]))
        #expect(r.records[4000].line == 4002)
    }

    @Test func gb18030DecoderIsIndependentOfBlockBoundaries() {
        let bytes = gb18030Bytes("网格😀𠀀,\"a\"\n社区")
        var whole = GB18030Decoder()
        var expected: [UInt8] = []
        _ = bytes.withUnsafeBufferPointer { whole.decode($0, final: true, into: &expected) }
        #expect(expected == Array("网格😀𠀀,\"a\"\n社区".utf8))
        for step in 1...5 {
            var decoder = GB18030Decoder()
            var out: [UInt8] = []
            var i = 0
            while i < bytes.count {
                let piece = Array(bytes[i..<min(bytes.count, i + step)])
                _ = piece.withUnsafeBufferPointer { decoder.decode($0, final: false, into: &out) }
                i += step
            }
            decoder.decode(UnsafeBufferPointer(start: nil, count: 0), final: true, into: &out)
            #expect(out == expected, "step \(step)")
            #expect(decoder.replacements == 0)
        }
    }

    @Test func gb18030DecoderReplacesATruncatedLastCharacter() {
        var decoder = GB18030Decoder()
        var out: [UInt8] = []
        let bytes: [UInt8] = [0x61, 0xCD]
        _ = bytes.withUnsafeBufferPointer { decoder.decode($0, final: false, into: &out) }
        #expect(out == [0x61])
        decoder.decode(UnsafeBufferPointer(start: nil, count: 0), final: true, into: &out)
        #expect(out == [0x61, 0xEF, 0xBF, 0xBD])
        #expect(decoder.replacements == 1)
    }
}
