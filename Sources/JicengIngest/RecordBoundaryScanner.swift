/// Finds record boundaries in CSV bytes so that a file can be cut into chunks of whole records
/// and parsed on several threads, each chunk by its own libcsv parser.
///
/// It mirrors libcsv's grammar in strict mode (no space trimming): a quote opens a quoted field
/// only at the start of a field; a quote inside an unquoted field, or anything but a quote, comma,
/// CR or LF after a closing quote, is an error. After an error both libcsv's reader and this
/// scanner resume after the next CR or LF, so they agree on every boundary. It also counts physical
/// lines (LF, CRLF or a lone CR) so each chunk knows the line it starts at, and it never cuts between
/// the CR and LF of a CRLF.
struct RecordBoundaryScanner {
    enum State: UInt8 {
        case fieldStart, unquoted, quoted, quoteSeen, skipping
    }

    /// A malformed record found by the scanner: where it starts and where reading resumes.
    /// Offsets are relative to the current buffer.
    struct MalformedSpan {
        var start: Int
        var startLine: Int
        var resume: Int
        var resumeLine: Int
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
    private var pendingError: (start: Int, line: Int)?

    init(line: Int) {
        self.line = line
        self.recordStartLine = line
        self.lastCutLine = line
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// Scans `base[position..<end]`. Unless `atEOF`, a CR as the last byte is left unscanned so
    /// that whether an LF follows it is always known.
    /// With `stopAtBoundary`, scanning stops just after the first record boundary.
    mutating func scan(_ base: UnsafePointer<UInt8>, end: Int, atEOF: Bool, stopAtBoundary: Bool = false) {
        var limit = end
        if !atEOF && limit > position && base[limit - 1] == Self.cr { limit -= 1 }
        var i = position
        while i < limit {
            switch state {
            case .unquoted:
                // Fast path: ordinary bytes.
                while i < limit {
                    let b = base[i]
                    if b == Self.comma || b == Self.quote || b == Self.cr || b == Self.lf { break }
                    i += 1
                }
                if i == limit { break }
                let b = base[i]
                if b == Self.comma { state = .fieldStart; i += 1; fieldStart = i }
                else if b == Self.quote { fail(at: i) ; i += 1 }
                else { i = terminate(base, at: i, limit: limit, atEOF: atEOF); if stopAtBoundary { position = i; return } }
            case .quoted:
                while i < limit {
                    let b = base[i]
                    if b == Self.quote || b == Self.cr || b == Self.lf { break }
                    i += 1
                }
                if i == limit { break }
                let b = base[i]
                if b == Self.quote { state = .quoteSeen; i += 1 }
                else { countLineBreak(base, at: i, limit: limit, atEOF: atEOF); i += 1 }
            case .fieldStart:
                let b = base[i]
                if b == Self.quote { state = .quoted; i += 1 }
                else if b == Self.comma { i += 1; fieldStart = i }
                else if b == Self.cr || b == Self.lf {
                    i = terminate(base, at: i, limit: limit, atEOF: atEOF)
                    if stopAtBoundary { position = i; return }
                } else { state = .unquoted; i += 1 }
            case .quoteSeen:
                let b = base[i]
                if b == Self.quote { state = .quoted; i += 1 }
                else if b == Self.comma { state = .fieldStart; i += 1; fieldStart = i }
                else if b == Self.cr || b == Self.lf {
                    i = terminate(base, at: i, limit: limit, atEOF: atEOF)
                    if stopAtBoundary { position = i; return }
                } else { fail(at: i); i += 1 }
            case .skipping:
                while i < limit {
                    let b = base[i]
                    if b == Self.cr || b == Self.lf { break }
                    i += 1
                }
                if i == limit { break }
                i = terminate(base, at: i, limit: limit, atEOF: atEOF)
                if stopAtBoundary { position = i; return }
            }
        }
        position = i
    }

    /// Handles a CR or LF outside quotes: the record (or the skipped malformed record) ends.
    private mutating func terminate(_ base: UnsafePointer<UInt8>, at i: Int, limit: Int, atEOF: Bool) -> Int {
        let crBeforeLF = base[i] == Self.cr && i + 1 < limit && base[i + 1] == Self.lf
        let next = crBeforeLF ? i + 2 : i + 1
        line += 1
        if let pending = pendingError {
            malformed.append(MalformedSpan(start: pending.start, startLine: pending.line, resume: next, resumeLine: line))
            pendingError = nil
        }
        state = .fieldStart
        recordStart = next
        recordStartLine = line
        fieldStart = next
        lastCut = next
        lastCutLine = line
        return next
    }

    private mutating func countLineBreak(_ base: UnsafePointer<UInt8>, at i: Int, limit: Int, atEOF: Bool) {
        if base[i] == Self.cr && i + 1 < limit && base[i + 1] == Self.lf { return }
        line += 1
    }

    private mutating func fail(at i: Int) {
        pendingError = (recordStart, recordStartLine)
        state = .skipping
    }

    /// Starts discarding the current record (it grew beyond the bound): everything up to the next
    /// line break is dropped by the reader.
    mutating func abandonRecord() {
        pendingError = nil
        state = .skipping
    }

    /// The buffer's first `count` bytes were handed off: make offsets relative to what remains.
    mutating func shift(by count: Int) {
        position -= count
        recordStart = max(0, recordStart - count)
        fieldStart = max(0, fieldStart - count)
        lastCut = max(0, lastCut - count)
        if var p = pendingError { p.start = max(0, p.start - count); pendingError = p }
        malformed = malformed.compactMap { span in
            guard span.resume > count else { return nil }
            var s = span
            s.start = max(0, s.start - count)
            s.resume -= count
            return s
        }
    }

    /// Spans that lie within the first `count` bytes (those handed off with a chunk).
    func malformed(before count: Int) -> [MalformedSpan] {
        malformed.filter { $0.resume <= count }
    }

    /// The bytes before `position` were dropped entirely (while skipping an abandoned record).
    mutating func dropScanned() {
        shift(by: position)
        lastCut = 0
    }

    var isSkipping: Bool { state == .skipping }
    /// Whether the scanner is between records (nothing of a record seen since the last boundary).
    var isAtRecordStart: Bool { state == .fieldStart && position == recordStart }
}
