/// Finds record boundaries in CSV bytes so that a file can be cut into chunks of whole records
/// and parsed on several threads, each chunk by its own libcsv parser.
///
/// It mirrors libcsv's grammar in strict mode (no space trimming): a quote opens a quoted field
/// only at the start of a field; a quote inside an unquoted field, or anything but a quote, comma,
/// CR or LF after a closing quote, is an error, and so is the end of the input inside a quoted
/// field. A malformed record loses only itself (contract §9): reading resumes at the physical line
/// after the record's *first* line. When the error lies on that first line, the scanner skips to
/// its end (state `skipping`); when the record had already run over line breaks (a stray quote
/// that opened a quoted field), it rewinds to the start of the second line and scans those bytes
/// again, so a valid record after a stray quote is never swallowed. The chunk parser hands libcsv
/// only the bytes between malformed spans, so the two always agree on every boundary. It also
/// counts physical lines (LF, CRLF or a lone CR) so each chunk knows the line it starts at, and it
/// never cuts between the CR and LF of a CRLF.
///
/// Rewinding keeps the scan linear: a record that spans lines and then fails has, between its
/// second line and the failure, only quotes that come in adjacent pairs (it was inside a quoted
/// field there) or that close and reopen fields on one line, so the second scan of those bytes
/// finds no quoted field spanning lines in them and never rewinds into them again.
///
/// It also enforces the record size bound: a record whose bytes before its line break (quoted
/// line breaks included) exceed `maxRecordBytes` is reported through `overflow` at the moment its
/// byte `maxRecordBytes + 1` is seen, whatever the buffer or block sizes, so that what is abandoned
/// never depends on how the file was read. The reader then drops it up to the next line break
/// (state `dropping`, to which the bound does not apply because the bytes are not kept).
///
/// It counts cells (commas, and line breaks) since the last `shift` too, and with
/// `maxCellsPerCut` stops at the first record boundary after that many, so that a chunk of tiny
/// records (a million rows of `,,,,`) holds no more cells than one of ordinary rows: a worker's
/// arena stores an offset per cell and a header per record.
struct RecordBoundaryScanner {
    enum State: UInt8 {
        case fieldStart, unquoted, quoted, quoteSeen
        /// After a strict-mode error: up to the next CR or LF, kept for libcsv.
        case skipping
        /// An abandoned record: up to the next CR or LF, thrown away by the reader.
        case dropping
    }

    /// A malformed record found by the scanner: where it starts and where reading resumes.
    /// Offsets are relative to the current buffer.
    struct MalformedSpan {
        var start: Int
        var startLine: Int
        var resume: Int
        var resumeLine: Int
        /// The offending byte when it lies on the record's first line (within the span), for the
        /// finding's excerpt; nil when the record ran over line breaks or to the end of the input.
        var errorAt: Int?
        /// The input ended (or the record bound was reached) inside a quoted field.
        var unterminated: Bool
    }

    private(set) var state: State = .fieldStart
    /// The physical line at `position`.
    private(set) var line: Int
    /// Offset of the first byte not yet scanned.
    private(set) var position = 0
    /// Offset and line of the current record's first byte (just after the last terminator).
    private(set) var recordStart = 0
    private(set) var recordStartLine: Int
    /// Offset of the current field's first byte.
    private(set) var fieldStart = 0
    /// Offset just after the last safe boundary, and the line there; 0 when none in this buffer.
    private(set) var lastCut = 0
    private(set) var lastCutLine: Int
    /// Malformed records found since the last `shift`.
    private(set) var malformed: [MalformedSpan] = []
    private var pendingError: (start: Int, line: Int, errorAt: Int)?

    /// Records longer than this (in bytes before the line break) overflow.
    private(set) var maxRecordBytes = Int.max / 4
    /// Used only to tell the two reasons of an overflow apart.
    private(set) var maxFieldBytes = Int.max / 4
    /// Set when the current record grew beyond `maxRecordBytes`; scanning stopped inside it, at
    /// `position`. Cleared by `startDropping`.
    private(set) var overflow: AbandonedRecord.Reason?
    /// Whether a field of the current record was already longer than `maxFieldBytes`.
    private var longFieldSeen = false
    /// Bytes of the record being dropped seen so far (its line break excluded).
    private(set) var droppedBytes = 0
    /// Cells (commas and line breaks outside quotes) seen since the last `shift`.
    private(set) var cellsSinceShift = 0
    /// Offset of the last line break seen inside a quoted field, or -1 when none was since the
    /// bytes before it were shifted out. While it is -1, no field of the bytes scanned holds a
    /// line break (a field without quotes ends at one), and the parser need not look for them.
    private(set) var lastQuotedLineBreak = -1
    /// Scanning stops at the first record boundary once `cellsSinceShift` reaches this.
    var maxCellsPerCut = Int.max
    /// Whether a chunk cut now holds enough cells: scanning stops at the next record boundary.
    var reachedCellBound: Bool { cellsSinceShift >= maxCellsPerCut }

    init(line: Int) {
        self.line = line
        self.recordStartLine = line
        self.lastCutLine = line
    }

    mutating func setBounds(maxRecordBytes: Int, maxFieldBytes: Int) {
        self.maxRecordBytes = min(max(1, maxRecordBytes), Int.max / 4)
        self.maxFieldBytes = min(max(1, maxFieldBytes), Int.max / 4)
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Scans `base[position..<end]`. Unless `atEOF`, a CR as the last byte is left unscanned so
    /// that whether an LF follows it is always known.
    /// With `stopAtBoundary`, scanning stops just after the first record boundary.
    /// Stops early, with `overflow` set, when the current record exceeds the bound.
    mutating func scan(_ base: UnsafePointer<UInt8>, end: Int, atEOF: Bool, stopAtBoundary: Bool = false) {
        guard overflow == nil else { return }
        var limit = end
        if !atEOF && limit > position && base[limit - 1] == Self.cr { limit -= 1 }
        var i = position
        while true {
            i = scanRun(base, from: i, limit: limit, stopAtBoundary: stopAtBoundary)
            if i < 0 { return }
            // The bound first, as when more bytes follow: a record one byte beyond it at the end
            // of the input is abandoned, not reported as unterminated (readings must not depend
            // on where the input's blocks end).
            if state != .dropping && i - recordStart > maxRecordBytes {
                setOverflow(at: i)
                return
            }
            guard atEOF && i == end && state == .quoted else { break }
            // The input ends inside a quoted field: the record is malformed. Resume after its
            // first line, which may hold the start of valid records again.
            i = abandonRecordInQuotes(base, end: end)
            if stopAtBoundary || reachedCellBound {
                position = i
                return
            }
        }
        position = i
        if atEOF && i == end, let pending = pendingError {
            // A malformed last record without a line break: it ends with the input.
            malformed.append(
                MalformedSpan(
                    start: pending.start, startLine: pending.line, resume: end, resumeLine: line,
                    errorAt: pending.errorAt, unterminated: false))
            pendingError = nil
        }
    }

    /// Scans `base[i..<limit]`; returns where it stopped, or -1 when it already set `position`
    /// (a boundary with `stopAtBoundary`, or an overflow).
    private mutating func scanRun(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int, stopAtBoundary: Bool) -> Int {
        var i = start
        while i < limit {
            if state == .dropping {
                let from = i
                while i < limit {
                    let b = base[i]
                    if b == Self.cr || b == Self.lf { break }
                    i += 1
                }
                droppedBytes += i - from
                if i == limit { break }
                i = terminate(base, at: i, limit: limit)
                if stopAtBoundary || reachedCellBound {
                    position = i
                    return -1
                }
                continue
            }
            if state == .fieldStart && i == recordStart && pendingError == nil {
                // A record from its first byte: when it holds no quote and ends within the bound,
                // take it whole, eight bytes at a time (what the byte-wise states below would do).
                if let next = scanPlainRecord(base, from: i, limit: limit) {
                    i = next
                    if stopAtBoundary || reachedCellBound {
                        position = i
                        return -1
                    }
                    continue
                }
            }
            if i - recordStart > maxRecordBytes {
                setOverflow(at: i)
                return -1
            }
            // Inner loops stop at the byte that would take the record beyond the bound.
            let stop = min(limit, recordStart + maxRecordBytes + 1)
            switch state {
            case .unquoted:
                // Fast path: ordinary bytes, eight at a time.
                i = Self.firstDelimiter(base, from: i, to: stop)
                if i == stop { continue }
                let b = base[i]
                if b == Self.comma {
                    endField(at: i)
                    state = .fieldStart
                    i += 1
                    fieldStart = i
                    cellsSinceShift += 1
                } else if b == Self.quote {
                    let (next, rewound) = fail(base, at: i)
                    i = next
                    if rewound && (stopAtBoundary || reachedCellBound) {
                        position = i
                        return -1
                    }
                } else {
                    i = terminate(base, at: i, limit: limit)
                    if stopAtBoundary || reachedCellBound {
                        position = i
                        return -1
                    }
                }
            case .quoted:
                while i < stop {
                    let b = base[i]
                    if b == Self.quote || b == Self.cr || b == Self.lf { break }
                    i += 1
                }
                if i == stop { continue }
                let b = base[i]
                if b == Self.quote {
                    state = .quoteSeen
                    i += 1
                } else {
                    countLineBreak(base, at: i, limit: limit)
                    lastQuotedLineBreak = i
                    i += 1
                }
            case .fieldStart:
                let b = base[i]
                if b == Self.quote {
                    state = .quoted
                    i += 1
                } else if b == Self.comma {
                    i += 1
                    fieldStart = i
                    cellsSinceShift += 1
                } else if b == Self.cr || b == Self.lf {
                    i = terminate(base, at: i, limit: limit)
                    if stopAtBoundary || reachedCellBound {
                        position = i
                        return -1
                    }
                } else {
                    state = .unquoted
                    i += 1
                }
            case .quoteSeen:
                let b = base[i]
                if b == Self.quote {
                    state = .quoted
                    i += 1
                } else if b == Self.comma {
                    endField(at: i)
                    state = .fieldStart
                    i += 1
                    fieldStart = i
                    cellsSinceShift += 1
                } else if b == Self.cr || b == Self.lf {
                    i = terminate(base, at: i, limit: limit)
                    if stopAtBoundary || reachedCellBound {
                        position = i
                        return -1
                    }
                } else {
                    let (next, rewound) = fail(base, at: i)
                    i = next
                    if rewound && (stopAtBoundary || reachedCellBound) {
                        position = i
                        return -1
                    }
                }
            case .skipping:
                while i < stop {
                    let b = base[i]
                    if b == Self.cr || b == Self.lf { break }
                    i += 1
                }
                if i == stop { continue }
                i = terminate(base, at: i, limit: limit)
                if stopAtBoundary || reachedCellBound {
                    position = i
                    return -1
                }
            case .dropping:
                break
            }
        }
        return i
    }

    /// Scans a record starting at `start` when it is plain: no quote before its line break, the
    /// break within `limit`, and at most `maxRecordBytes` bytes before it. Then counts its cells,
    /// ends it (as `terminate`) and returns where the next record starts; otherwise returns nil
    /// having changed nothing, and the byte-wise states scan it.
    ///
    /// Eight bytes at a time (`bytesEqual`).
    @inline(__always)
    private mutating func scanPlainRecord(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int? {
        let raw = UnsafeRawPointer(base)
        // The line break may lie at most `maxRecordBytes` bytes after the start.
        let end = maxRecordBytes < limit - start ? start + maxRecordBytes + 1 : limit
        var i = start
        var commas = 0
        while i + 8 <= end {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let c = Self.bytesEqual(w, 0x2C)
            // A quote, or any byte below 0x0E (CR and LF among them): `(w - 0x0E…) & ~w & 0x80…`
            // marks exactly the first such byte (later marks may be spurious, earlier ones never).
            let stops = Self.bytesEqual(w, 0x22) | ((w &- 0x0E * Self.ones) & ~w & Self.highs)
            if stops != 0 {
                let below = (stops & (0 &- stops)) &- 1
                commas += (c & below).nonzeroBitCount
                i += stops.trailingZeroBitCount >> 3
                return endPlainRecord(base, at: i, limit: limit, commas: commas)
            }
            commas += c.nonzeroBitCount
            i += 8
        }
        while i < end {
            let b = base[i]
            if b == Self.comma {
                commas += 1
            } else if b == Self.quote || b < 0x0E {
                return endPlainRecord(base, at: i, limit: limit, commas: commas)
            }
            i += 1
        }
        return nil
    }

    @inline(__always)
    private mutating func endPlainRecord(_ base: UnsafePointer<UInt8>, at i: Int, limit: Int, commas: Int) -> Int? {
        // A quote, or a control byte other than a line break (a tab, say): the byte-wise states
        // take the record.
        guard base[i] == Self.lf || base[i] == Self.cr else { return nil }
        cellsSinceShift += commas
        return terminate(base, at: i, limit: limit)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit set in exactly the bytes of `w` equal to `d`: for `x = w ^ d…`, a byte of
    /// `((x & 0x7F…) + 0x7F…) | x` has its high bit clear only where `x` is zero.
    @inline(__always)
    static func bytesEqual(_ w: UInt64, _ d: UInt64) -> UInt64 {
        let x = w ^ (d &* ones)
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }

    /// The first `,`, `"`, CR or LF in `base[from..<end]`, or `end`. Eight bytes at a time: the
    /// lowest bit set in the four masks of `bytesEqual` is the first delimiter's.
    @inline(__always)
    static func firstDelimiter(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(base)
        while i + 8 <= end {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let m = bytesEqual(w, 0x2C) | bytesEqual(w, 0x22) | bytesEqual(w, 0x0D) | bytesEqual(w, 0x0A)
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end {
            let b = base[i]
            if b == comma || b == quote || b == cr || b == lf { return i }
            i += 1
        }
        return end
    }

    /// Handles a CR or LF outside quotes: the record (or the skipped malformed record) ends.
    private mutating func terminate(_ base: UnsafePointer<UInt8>, at i: Int, limit: Int) -> Int {
        let crBeforeLF = base[i] == Self.cr && i + 1 < limit && base[i + 1] == Self.lf
        let next = crBeforeLF ? i + 2 : i + 1
        line += 1
        cellsSinceShift += 1
        if let pending = pendingError {
            malformed.append(
                MalformedSpan(
                    start: pending.start, startLine: pending.line, resume: next, resumeLine: line,
                    errorAt: pending.errorAt, unterminated: false))
            pendingError = nil
        }
        state = .fieldStart
        recordStart = next
        recordStartLine = line
        fieldStart = next
        lastCut = next
        lastCutLine = line
        longFieldSeen = false
        return next
    }

    private mutating func countLineBreak(_ base: UnsafePointer<UInt8>, at i: Int, limit: Int) {
        if base[i] == Self.cr && i + 1 < limit && base[i + 1] == Self.lf { return }
        line += 1
    }

    /// A field ends at `i` (a comma): remember whether it was over the field limit. Raw bytes
    /// include the two quotes of a quoted field.
    private mutating func endField(at i: Int) {
        if i - fieldStart > maxFieldBytes + 2 { longFieldSeen = true }
    }

    /// The byte at `i` makes the current record malformed. On the record's first line: skip to
    /// the end of that line. Past it: rewind to the record's second line. Returns where scanning
    /// goes on, and whether that is a rewind (a record boundary).
    private mutating func fail(_ base: UnsafePointer<UInt8>, at i: Int) -> (next: Int, rewound: Bool) {
        guard recordStartLine < line else {
            pendingError = (recordStart, recordStartLine, i)
            state = .skipping
            return (i + 1, false)
        }
        return (rewindToSecondLine(base, bound: i + 1, unterminated: false), true)
    }

    /// The input ended inside a quoted field at `end`: a malformed record. Returns where
    /// scanning goes on (the record's second line, or `end` when it had only one).
    private mutating func abandonRecordInQuotes(_ base: UnsafePointer<UInt8>, end: Int) -> Int {
        guard recordStartLine < line else {
            malformed.append(
                MalformedSpan(
                    start: recordStart, startLine: recordStartLine, resume: end, resumeLine: line,
                    errorAt: nil, unterminated: true))
            startRecord(at: end, line: line)
            return end
        }
        return rewindToSecondLine(base, bound: end, unterminated: true)
    }

    /// Offset just after the first line break at or after `from` (CRLF counts as one). Only
    /// called for a record that is known to have run over a line break, so one is there.
    /// `bound` is the end of the scanned bytes.
    private func endOfFirstLine(_ base: UnsafePointer<UInt8>, from: Int, bound: Int) -> Int {
        var k = from
        while base[k] != Self.cr && base[k] != Self.lf { k += 1 }
        return base[k] == Self.cr && k + 1 < bound && base[k + 1] == Self.lf ? k + 2 : k + 1
    }

    /// Records the current record (which has run over a line break) as malformed and restarts
    /// scanning at its second line.
    private mutating func rewindToSecondLine(_ base: UnsafePointer<UInt8>, bound: Int, unterminated: Bool) -> Int {
        let resume = endOfFirstLine(base, from: recordStart, bound: bound)
        malformed.append(
            MalformedSpan(
                start: recordStart, startLine: recordStartLine, resume: resume,
                resumeLine: recordStartLine + 1, errorAt: nil, unterminated: unterminated))
        startRecord(at: resume, line: recordStartLine + 1)
        return resume
    }

    /// A new record starts at `offset` (a boundary), on physical line `line`.
    private mutating func startRecord(at offset: Int, line: Int) {
        self.line = line
        state = .fieldStart
        recordStart = offset
        recordStartLine = line
        fieldStart = offset
        lastCut = offset
        lastCutLine = line
        longFieldSeen = false
        pendingError = nil
        cellsSinceShift += 1
    }

    /// For an overflowing record that has run over a line break: it is abandoned, and reading
    /// resumes at its second line (the bytes up to there are in the buffer). Returns that offset,
    /// or nil when the record is still on its first line (the reader then drops it up to the next
    /// line break, as before).
    mutating func resumeAfterOverflowAtSecondLine(_ base: UnsafePointer<UInt8>) -> Int? {
        precondition(overflow != nil)
        guard recordStartLine < line else { return nil }
        let resume = endOfFirstLine(base, from: recordStart, bound: position)
        overflow = nil
        startRecord(at: resume, line: recordStartLine + 1)
        position = resume
        return resume
    }

    private mutating func setOverflow(at i: Int) {
        position = i
        let long = longFieldSeen || i - fieldStart > maxFieldBytes + 2
        overflow = long ? .fieldTooLarge : .tooManyCells
    }

    /// Starts dropping the overflowing record: everything up to the next line break is thrown away
    /// by the reader; `droppedBytes` counts it (the part already scanned included).
    mutating func startDropping() {
        precondition(overflow != nil)
        droppedBytes = position - recordStart
        overflow = nil
        pendingError = nil
        state = .dropping
    }

    /// The buffer's first `count` bytes were handed off: make offsets relative to what remains.
    mutating func shift(by count: Int) {
        cellsSinceShift = 0
        lastQuotedLineBreak = lastQuotedLineBreak < count ? -1 : lastQuotedLineBreak - count
        position -= count
        recordStart = max(0, recordStart - count)
        fieldStart = max(0, fieldStart - count)
        lastCut = max(0, lastCut - count)
        if var p = pendingError {
            p.start = max(0, p.start - count)
            p.errorAt = max(0, p.errorAt - count)
            pendingError = p
        }
        malformed = malformed.compactMap { span in
            guard span.resume > count else { return nil }
            var s = span
            s.start = max(0, s.start - count)
            s.errorAt = s.errorAt.map { max(0, $0 - count) }
            s.resume -= count
            return s
        }
    }

    /// Spans that lie within the first `count` bytes (those handed off with a chunk).
    func malformed(before count: Int) -> [MalformedSpan] {
        malformed.filter { $0.resume <= count }
    }

    var isDropping: Bool { state == .dropping }
}
