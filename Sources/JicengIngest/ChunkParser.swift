/// A chunk of whole records cut from a file by the reader, owned by whoever holds it.
struct Chunk: @unchecked Sendable {
    var index: Int
    var bytes: UnsafeMutablePointer<UInt8>
    var length: Int
    var startLine: Int
    var isLast: Bool
    var malformedSpans: [RecordBoundaryScanner.MalformedSpan]
    var abandoned: [AbandonedRecord]
    /// Whether a field may hold a line break (the scanner saw one inside quotes, here or in bytes
    /// it scanned beyond the chunk): only then does the parser count lines inside fields.
    var mayHaveFieldLineBreaks = true

    func deallocate() { bytes.deallocate() }
}

/// Parses one chunk with libcsv into a worker's arena, skipping each malformed record the
/// boundary scanner found and resuming where it says, so that line numbers stay exact.
struct ChunkParser: ~Copyable {
    var arena: RecordArena
    var parser: LibCSVParser

    init(maxFieldBytes: Int) {
        arena = RecordArena(maxFieldBytes: maxFieldBytes)
        parser = LibCSVParser()
    }

    deinit { arena.deallocate() }

    /// Parses `chunk` and returns the malformed records found; the records are left in `arena`.
    ///
    /// The boundary scanner already found every malformed record (`chunk.malformedSpans`), so
    /// libcsv is given only the bytes between them, each stretch ending at a record boundary.
    mutating func parse(_ chunk: Chunk) -> [MalformedRecord] {
        var malformed: [MalformedRecord] = []
        arena.reset(line: chunk.startLine, expectedBytes: chunk.length)
        arena.countsFieldLineBreaks = chunk.mayHaveFieldLineBreaks
        var offset = 0
        for span in chunk.malformedSpans {
            parseStretch(chunk, from: offset, to: span.start, malformed: &malformed)
            let excerpt: String
            if let errorAt = span.errorAt {
                excerpt = Self.excerpt(chunk.bytes, max(span.start, errorAt - 24), min(span.resume, errorAt + 16))
            } else {
                excerpt = Self.excerpt(chunk.bytes, span.start, min(span.resume, span.start + 40))
            }
            malformed.append(MalformedRecord(line: span.startLine, excerpt: excerpt, unterminatedQuote: span.unterminated))
            arena.line = span.resumeLine
            arena.lastWasCR = false
            offset = span.resume
        }
        parseStretch(chunk, from: offset, to: chunk.length, malformed: &malformed)
        return malformed
    }

    /// Parses `chunk.bytes[from..<to]`, which the scanner found free of malformed records.
    private mutating func parseStretch(_ chunk: Chunk, from: Int, to end: Int, malformed: inout [MalformedRecord]) {
        var offset = from
        let base = UnsafeRawPointer(chunk.bytes)
        while offset < end {
            let consumed = withUnsafeMutablePointer(to: &arena) { parser.parse(base + offset, end - offset, into: $0) }
            guard parser.hasParseError() else { break }
            // The scanner did not see this error (it mirrors libcsv's grammar, so this would be a
            // bug: loud in debug builds and fuzzing): resume after the next line break and count
            // only the breaks from the error on.
            let errorAt = offset + consumed
            assertionFailure("libcsv reported an error the boundary scanner did not see, at byte \(errorAt) of chunk \(chunk.index)")
            let line = arena.openRecordLine
            arena.discardOpenRecord()
            var resume = errorAt
            var resumeLine = arena.line
            while resume < end && chunk.bytes[resume] != 0x0A && chunk.bytes[resume] != 0x0D { resume += 1 }
            if resume < end {
                if chunk.bytes[resume] == 0x0D && resume + 1 < end && chunk.bytes[resume + 1] == 0x0A { resume += 1 }
                resume += 1
                resumeLine += 1
            }
            malformed.append(
                MalformedRecord(
                    line: line, excerpt: Self.excerpt(chunk.bytes, max(offset, errorAt - 24), min(end, errorAt + 16, resume)),
                    unterminatedQuote: false))
            parser.restart()
            arena.line = resumeLine
            arena.lastWasCR = false
            offset = resume
        }
        let openLine = arena.openRecordLine
        let complete = withUnsafeMutablePointer(to: &arena) { parser.finish(into: $0) }
        if !complete {
            assertionFailure("libcsv ended inside a quoted field the boundary scanner did not report, in chunk \(chunk.index)")
            arena.discardOpenRecord()
            malformed.append(MalformedRecord(line: openLine, excerpt: "", unterminatedQuote: true))
            parser.restart()
        }
    }

    /// The text of `bytes[start..<end]`, with line breaks as spaces; both ends are moved inwards
    /// to character boundaries so that a cut UTF-8 sequence does not show as U+FFFD.
    static func excerpt(_ bytes: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var start = start
        var end = end
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        while start < end && bytes[start] & 0xC0 == 0x80 { start += 1 }
        if end > start {
            // Back off over a sequence whose last bytes lie beyond `end`.
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let b = bytes[lead]
            let size = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if lead + size > end { end = lead }
        }
        guard end > start else { return "" }
        var text = String(decoding: UnsafeBufferPointer(start: bytes + start, count: end - start), as: UTF8.self)
        text = text.replacingLineBreaks()
        return text
    }
}

extension String {
    func replacingLineBreaks() -> String {
        String(unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
