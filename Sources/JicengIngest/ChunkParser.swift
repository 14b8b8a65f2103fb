/// A chunk of whole records cut from a file by the reader, owned by whoever holds it.
struct Chunk: @unchecked Sendable {
    var index: Int
    var bytes: UnsafeMutablePointer<UInt8>
    var length: Int
    var startLine: Int
    var isLast: Bool
    var malformedSpans: [RecordBoundaryScanner.MalformedSpan]
    var abandoned: [AbandonedRecord]
    /// In the last chunk, where a record whose quoted field the input ended in starts.
    var openRecordStart: Int? = nil

    func deallocate() { bytes.deallocate() }
}

/// Parses one chunk with libcsv into a worker's arena, resuming after each malformed record at
/// the point the boundary scanner found, so that line numbers stay exact.
struct ChunkParser: ~Copyable {
    var arena: RecordArena
    var parser: LibCSVParser

    init(maxFieldBytes: Int) {
        arena = RecordArena(maxFieldBytes: maxFieldBytes)
        parser = LibCSVParser()
    }

    deinit { arena.deallocate() }

    /// Parses `chunk` and returns the malformed records found; the records are left in `arena`.
    mutating func parse(_ chunk: Chunk) -> [MalformedRecord] {
        var malformed: [MalformedRecord] = []
        arena.reset(line: chunk.startLine, expectedBytes: chunk.length)
        var offset = 0
        let base = UnsafeRawPointer(chunk.bytes)
        while offset < chunk.length {
            let consumed = withUnsafeMutablePointer(to: &arena) { parser.parse(base + offset, chunk.length - offset, into: $0) }
            guard parser.hasParseError() else { break }
            let errorAt = offset + consumed
            var line = arena.openRecordLine
            arena.discardOpenRecord()
            var resume: Int
            var resumeLine: Int
            var excerptStart = max(offset, errorAt - 24)
            if let span = chunk.malformedSpans.first(where: { $0.start <= errorAt && errorAt < $0.resume }) {
                resume = span.resume
                resumeLine = span.resumeLine
                line = span.startLine
                excerptStart = max(span.start, errorAt - 24)
            } else {
                // The scanner did not see this error (it mirrors libcsv's grammar, so this would be a
                // bug: loud in debug builds and fuzzing): resume after the next line break and count
                // only the breaks from the error on.
                assertionFailure("libcsv reported an error the boundary scanner did not see, at byte \(errorAt) of chunk \(chunk.index)")
                resume = errorAt
                resumeLine = arena.line
                while resume < chunk.length && chunk.bytes[resume] != 0x0A && chunk.bytes[resume] != 0x0D { resume += 1 }
                if resume < chunk.length {
                    if chunk.bytes[resume] == 0x0D && resume + 1 < chunk.length && chunk.bytes[resume + 1] == 0x0A { resume += 1 }
                    resume += 1
                    resumeLine += 1
                }
            }
            let excerptEnd = min(chunk.length, errorAt + 16, resume)
            malformed.append(MalformedRecord(
                line: line, excerpt: Self.excerpt(chunk.bytes, excerptStart, excerptEnd), unterminatedQuote: false))
            parser.restart()
            arena.line = resumeLine
            arena.lastWasCR = false
            offset = resume
        }
        let openLine = arena.openRecordLine
        let complete = withUnsafeMutablePointer(to: &arena) { parser.finish(into: $0) }
        if !complete {
            arena.discardOpenRecord()
            var excerpt = ""
            if let start = chunk.openRecordStart, start < chunk.length {
                excerpt = Self.excerpt(chunk.bytes, start, min(chunk.length, start + 40))
            }
            malformed.append(MalformedRecord(line: openLine, excerpt: excerpt, unterminatedQuote: true))
            parser.restart()
        }
        return malformed
    }

    /// The text of `bytes[start..<end]`, with line breaks as spaces; both ends are moved inwards
    /// to character boundaries so that a cut UTF-8 sequence does not show as U+FFFD.
    static func excerpt(_ bytes: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var start = start, end = end
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
