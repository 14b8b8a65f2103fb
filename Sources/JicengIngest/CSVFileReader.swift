import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reads one CSV file of a drop: detects its encoding, reads the header, then streams the records
/// through a `RecordProcessor` on parallel workers with bounded memory.
///
/// The calling thread reads the file in blocks, transcodes GB18030 to UTF-8, and cuts the stream
/// into chunks of whole records with `RecordBoundaryScanner`; each worker parses chunks with its
/// own libcsv parser. Memory is bounded by the chunk size times the chunks in flight plus one
/// record bound, whatever the file's size. Every raw byte read is shown to `rawObserver` (for the
/// manifest's SHA-256); `drainRaw` shows the rest of a file that was not read to the end.
/// Results (records, lines, malformed and abandoned records) do not depend on the chunk size,
/// read size or worker count.
public final class CSVFileReader {
    public let path: String
    public let options: CSVReadOptions
    /// Called with every block of raw bytes, in file order.
    public var rawObserver: ((UnsafeRawBufferPointer) -> Void)?
    public private(set) var encoding: FileEncoding?
    public private(set) var rawBytesRead: Int64 = 0

    private let fd: Int32
    /// The file has no more bytes (the detection sample may still hold some not yet decoded).
    private var fileEOF = false
    /// Every byte of the file has been appended to the buffer.
    private var eof = false
    private var decoder: GB18030Decoder?
    private var rawBlock: UnsafeMutableRawPointer
    /// The bytes read for encoding detection, handed to the buffer `readSize` at a time like later
    /// reads, so that the read and chunk sizes apply from the first byte on.
    private var sample: [UInt8] = []
    private var sampleOffset = 0
    // The current buffer of decoded bytes not yet handed off.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int {
        didSet { peakBufferCapacity = max(peakBufferCapacity, capacity) }
    }
    /// The largest the decoded-bytes buffer has been (tests check that memory stays bounded).
    private(set) var peakBufferCapacity = 0
    private var length = 0
    private var scanner = RecordBoundaryScanner(line: 1)
    private var headerDone = false
    private var columnCount = 1
    private var abandonedPending: [AbandonedRecord] = []
    private var discarding = false
    private var drained = false

    // The options, made safe to compute with (they are public vars, so any Int can arrive).
    private let readSize: Int
    private let chunkSize: Int
    private let maxChunkCells: Int
    private let maxFieldBytes: Int
    private let workerCount: Int

    public init(path: String, options: CSVReadOptions = CSVReadOptions()) throws {
        self.path = path
        self.options = options
        readSize = min(max(1, options.readBytes), 1 << 30)
        // At most 1 GB, so that a chunk's field count always fits the arena's Int32 indices.
        chunkSize = min(max(1, options.chunkBytes), 1 << 30)
        maxChunkCells = max(1, options.maxChunkCells)
        maxFieldBytes = min(max(1, options.maxFieldBytes), 1 << 40)
        workerCount = min(max(1, options.workers), 256)
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw JicengIngestError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        rawBlock = .allocate(byteCount: readSize, alignment: 16)
        // A chunk plus one decoded block (GB18030 → UTF-8 grows a replaced byte to 3).
        capacity = max(chunkSize + readSize * 3 + 16, 1 << 12)
        buffer = .allocate(capacity: capacity)
        peakBufferCapacity = capacity
    }

    deinit {
        close(fd)
        rawBlock.deallocate()
        buffer.deallocate()
    }

    // MARK: Reading and decoding

    /// Reads one block from the file (or the detection sample) and appends its decoded bytes to
    /// the buffer; at the end of the file flushes the decoder and sets `eof`.
    private func fill() throws {
        guard !eof else { return }
        if sampleOffset < sample.count {
            let n = min(readSize, sample.count - sampleOffset)
            let start = sampleOffset
            sampleOffset += n
            try sample.withUnsafeBufferPointer { try decodeAndAppend(UnsafeBufferPointer(rebasing: $0[start..<(start + n)])) }
            if sampleOffset == sample.count {
                sample = []
                sampleOffset = 0
            }
            return
        }
        if !fileEOF {
            let n = try readBlock()
            if n > 0 {
                try decodeAndAppend(UnsafeBufferPointer(start: rawBlock.assumingMemoryBound(to: UInt8.self), count: n))
                return
            }
        }
        eof = true
        if decoder != nil {
            var out: [UInt8] = []
            decoder!.decode(UnsafeBufferPointer(start: nil, count: 0), final: true, into: &out)
            append(out)
        }
    }

    /// How many bytes are read first (then handed to the buffer like later reads).
    private static let firstReadSize = 1 << 16

    /// Reads the file at `offset` without moving the file position or showing the bytes to
    /// `rawObserver` (for deciding the encoding); 0 at the end of the file.
    private func readAt(_ offset: Int64, _ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var n: Int
        repeat { n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset)) } while n < 0 && errno == EINTR
        if n < 0 { throw JicengIngestError.readFailed(path: path, reason: String(cString: strerror(errno))) }
        return n
    }

    /// One `read` into `rawBlock` (at most `limit` bytes), shown to `rawObserver`; 0 at the end.
    private func readBlock(limit: Int? = nil) throws -> Int {
        var n: Int
        repeat { n = read(fd, rawBlock, min(readSize, limit ?? readSize)) } while n < 0 && errno == EINTR
        if n < 0 { throw JicengIngestError.readFailed(path: path, reason: String(cString: strerror(errno))) }
        if n == 0 {
            fileEOF = true
            return 0
        }
        rawBytesRead += Int64(n)
        rawObserver?(UnsafeRawBufferPointer(start: rawBlock, count: n))
        return n
    }

    private func decodeAndAppend(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if decoder != nil {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 3 / 2 + 8)
            decoder!.decode(bytes, final: false, into: &out)
            append(out)
        } else {
            append(bytes)
        }
    }

    private func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        ensureCapacity(length + bytes.count)
        (buffer + length).update(from: base, count: bytes.count)
        length += bytes.count
    }

    private func ensureCapacity(_ needed: Int) {
        guard needed > capacity else { return }
        var cap = capacity
        while cap < needed { cap *= 2 }
        let n = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        n.update(from: buffer, count: length)
        buffer.deallocate()
        buffer = n
        capacity = cap
    }

    /// Removes the first `count` bytes from the buffer.
    private func consume(_ count: Int) {
        guard count > 0 else { return }
        if bytesAlreadyMoved {
            // `takeChunk` handed the buffer over and already put the rest at the start of a new one.
            bytesAlreadyMoved = false
            length = restAfterHandOver
        } else {
            let rest = length - count
            if rest > 0 { buffer.update(from: buffer + count, count: rest) }
            length = rest
        }
        scanner.shift(by: count)
    }

    /// Set by `takeChunk` when it gave the chunk the buffer itself; `consume` then only shifts.
    private var bytesAlreadyMoved = false
    private var restAfterHandOver = 0

    /// Hands the first `count` bytes off as an owned chunk and removes them from the buffer.
    ///
    /// The chunk takes the buffer itself when that copies less: the bytes after the chunk (at most
    /// a read block or so) move to a new buffer, instead of the chunk's megabytes to a new chunk.
    private func takeChunk(_ count: Int, index: Int, isLast: Bool) -> Chunk {
        let bytes: UnsafeMutablePointer<UInt8>
        let rest = length - count
        if count > rest {
            bytes = buffer
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            if rest > 0 { fresh.update(from: buffer + count, count: rest) }
            buffer = fresh
            restAfterHandOver = rest
            bytesAlreadyMoved = true
        } else {
            bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
            bytes.update(from: buffer, count: count)
        }
        let spans = scanner.malformed(before: count)
        let chunk = Chunk(
            index: index, bytes: bytes, length: count, startLine: chunkStartLine, isLast: isLast,
            malformedSpans: spans, abandoned: abandonedPending, mayHaveFieldLineBreaks: scanner.lastQuotedLineBreak >= 0)
        abandonedPending = []
        chunkStartLine = isLast ? scanner.line : scanner.lastCutLine
        consume(count)
        return chunk
    }

    private var chunkStartLine = 1

    /// The byte bound of one record before it is abandoned: a record within it can only exceed it
    /// by having a field over the limit or far more cells than the header.
    private var maxRecordBytes: Int {
        let (bound, overflow) = (maxFieldBytes + 1).multipliedReportingOverflow(by: columnCount + 8)
        return overflow ? Int.max / 4 : min(bound, Int.max / 4)
    }

    /// Reads whatever is left of the file only to show it to `rawObserver` (for hashing a file
    /// that was not read to the end, e.g. after an encoding error).
    /// `readRecords` cannot be called afterwards.
    public func drainRaw() throws {
        drained = true
        while !fileEOF {
            _ = try readBlock()
        }
    }

    // MARK: Header

    /// Detects the encoding and reads the header row. Call once, before `readRecords`.
    public func readHeader() throws -> HeaderOutcome {
        // The first bytes, read (and shown to `rawObserver`) like every later block.
        var sample: [UInt8] = []
        while sample.count < Self.firstReadSize && !fileEOF {
            let n = try readBlock(limit: Self.firstReadSize - sample.count)
            sample.append(contentsOf: UnsafeBufferPointer(start: rawBlock.assumingMemoryBound(to: UInt8.self), count: n))
        }
        if sample.isEmpty {
            eof = true
            return .empty
        }
        // The encoding is decided from all of the file (read apart with pread, not shown to
        // `rawObserver`): a GBK export whose first 64 KiB are ASCII is still GB18030.
        let encoding: FileEncoding
        var wholeFileDecodes = false
        var status = stat()
        let fileSize: Int64? = fstat(fd, &status) == 0 ? Int64(status.st_size) : nil
        switch try EncodingDecision.decide(read: readAt, fileSize: fileSize, workers: workerCount) {
        case .valid(let e):
            encoding = e
            wholeFileDecodes = true
        case .neither(let best, let offset):
            let line = try EncodingDecision.line(ofOffset: offset, read: readAt)
            // Undecodable bytes in the first line (the header, or a file of binary noise): the
            // file cannot be read. Later ones cost only the records that hold them.
            if line == 1 { return .undecodable(line: line) }
            encoding = best
        }
        self.encoding = encoding
        self.sample = sample
        sampleOffset = encoding.prefixLength
        if encoding == .gb18030 {
            decoder = GB18030Decoder()
            // GB18030's own byte-order mark (U+FEFF), rare but possible: not part of the first name.
            if sample.starts(with: [0x84, 0x31, 0x95, 0x33]) { sampleOffset = 4 }
        }
        if sampleOffset >= self.sample.count {
            self.sample = []
            sampleOffset = 0
        }

        scanner.setBounds(maxRecordBytes: maxRecordBytes, maxFieldBytes: maxFieldBytes)
        var parser = ChunkParser(maxFieldBytes: maxFieldBytes)
        while true {
            scanner.scan(buffer, end: length, atEOF: eof, stopAtBoundary: true)
            if let reason = scanner.overflow {
                return .tooLarge(
                    AbandonedRecord(
                        line: scanner.recordStartLine, reason: reason,
                        bytes: scanner.position - scanner.recordStart))
            }
            if scanner.lastCut > 0 || (eof && length > 0) {
                let end = scanner.lastCut > 0 ? scanner.lastCut : length
                let isLast = scanner.lastCut == 0
                let chunk = takeChunk(end, index: 0, isLast: isLast)
                defer { chunk.deallocate() }
                let malformed = parser.parse(chunk)
                if parser.arena.recordCount > 0 {
                    // The first record with fields is the header; it is alone in this chunk unless
                    // the chunk was the rest of the file.
                    var fields: [String] = []
                    let r = parser.arena.records[0]
                    for f in 0..<Int(r.fieldCount) {
                        let index = Int(r.firstField) + f
                        let start = index == 0 ? 0 : parser.arena.fieldEnds[index - 1]
                        let bytes = UnsafeBufferPointer(start: parser.arena.bytes + start, count: parser.arena.fieldEnds[index] - start)
                        fields.append(String(decoding: bytes, as: UTF8.self))
                    }
                    headerDone = true
                    columnCount = fields.count
                    return .header(CSVHeader(fields: fields, line: r.line, encoding: encoding, wholeFileDecodes: wholeFileDecodes))
                }
                if let m = malformed.first { return .malformed(m) }
                if isLast { return .empty }
                continue
            }
            if eof { return .empty }
            try fill()
        }
    }

    // MARK: Records

    /// Streams every record after the header through `processor`. `onChunk` receives each chunk's
    /// output in file order on the calling thread; the workers' final states are returned.
    public func readRecords<P: RecordProcessor>(with processor: P, onChunk: (P.ChunkOutput) -> Void) throws -> [P.WorkerState] {
        precondition(headerDone, "readHeader first")
        precondition(!drained, "drainRaw was called")
        scanner.setBounds(maxRecordBytes: maxRecordBytes, maxFieldBytes: maxFieldBytes)
        scanner.maxCellsPerCut = maxChunkCells
        // Small files: one chunk, parsed here without threads.
        while !eof && length < chunkSize { try fill() }
        if eof || workerCount == 1 {
            return try readSequentially(processor, onChunk: onChunk)
        }
        return try readInParallel(processor, onChunk: onChunk)
    }

    private func readSequentially<P: RecordProcessor>(_ processor: P, onChunk: (P.ChunkOutput) -> Void) throws -> [P.WorkerState] {
        var parser = ChunkParser(maxFieldBytes: maxFieldBytes)
        var state = processor.makeWorkerState()
        try cutChunks { chunk in
            defer { chunk.deallocate() }
            let output = Self.run(processor, chunk, &parser, &state)
            onChunk(output)
        }
        return [state]
    }

    private func readInParallel<P: RecordProcessor>(_ processor: P, onChunk: (P.ChunkOutput) -> Void) throws -> [P.WorkerState] {
        let workers = workerCount
        // One chunk waiting per worker keeps every worker busy; more would only hold memory.
        let queue = WorkQueue<Chunk>(capacity: workers)
        let results = OrderedResults<P.ChunkOutput>()
        let boxes = (0..<workers).map { _ in StateBox<P.WorkerState>() }
        let maxField = maxFieldBytes
        for w in 0..<workers {
            let box = boxes[w]
            let thread = Thread {
                let own = processor.forWorker()
                var parser = ChunkParser(maxFieldBytes: maxField)
                var state = own.makeWorkerState()
                while let chunk = queue.pop() {
                    let output = Self.run(own, chunk, &parser, &state)
                    chunk.deallocate()
                    results.put(chunk.index, output)
                }
                box.state = state
                results.workerFinished()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        var failure: Error?
        do {
            try cutChunks { chunk in
                queue.push(chunk)
                for output in results.takeReady() { onChunk(output) }
            }
        } catch {
            failure = error
        }
        queue.close()
        for output in results.takeAll(workers: workers) { onChunk(output) }
        if let failure { throw failure }
        return boxes.map { $0.state! }
    }

    private static func run<P: RecordProcessor>(_ processor: P, _ chunk: Chunk, _ parser: inout ChunkParser, _ state: inout P.WorkerState)
        -> P.ChunkOutput
    {
        let malformed = parser.parse(chunk)
        return withUnsafePointer(to: &parser.arena) { arena in
            let batch = RecordBatch(arena: arena, chunkIndex: chunk.index, malformed: malformed, abandoned: chunk.abandoned)
            return processor.process(batch, state: &state)
        }
    }

    /// Cuts the rest of the file into chunks of whole records and hands each to `emit`.
    private func cutChunks(_ emit: (Chunk) throws -> Void) throws {
        var index = 0
        chunkStartLine = scanner.lastCutLine
        while true {
            scanner.scan(buffer, end: length, atEOF: eof, stopAtBoundary: discarding)
            if discarding {
                // Dropping an abandoned record up to the next line break.
                abandonedPending[abandonedPending.count - 1].bytes = scanner.droppedBytes
                if scanner.isDropping {
                    consume(scanner.position)
                    if eof {
                        try emit(takeChunk(0, index: index, isLast: true))
                        return
                    }
                    try fill()
                    continue
                }
                consume(scanner.lastCut)
                chunkStartLine = scanner.lastCutLine
                discarding = false
                continue
            }
            if let reason = scanner.overflow {
                // A record beyond the bound: hand off what precedes it, then abandon it, so memory
                // stays bounded whatever the input. Like a malformed record it loses only itself:
                // when it has run over line breaks, reading resumes at its second line (those
                // bytes are still in the buffer); otherwise it is dropped up to the next line break.
                if scanner.recordStart > 0 {
                    try emit(takeChunk(scanner.recordStart, index: index, isLast: false))
                    index += 1
                }
                let abandonedLine = scanner.recordStartLine
                if let resume = scanner.resumeAfterOverflowAtSecondLine(buffer) {
                    abandonedPending.append(AbandonedRecord(line: abandonedLine, reason: reason, bytes: resume))
                    consume(resume)
                    chunkStartLine = scanner.lastCutLine
                    continue
                }
                abandonedPending.append(AbandonedRecord(line: scanner.recordStartLine, reason: reason, bytes: 0))
                scanner.startDropping()
                discarding = true
                consume(scanner.position)
                continue
            }
            if scanner.reachedCellBound && scanner.lastCut > 0 {
                // Enough cells for one chunk: cut at the boundary where the scanner stopped.
                try emit(takeChunk(scanner.lastCut, index: index, isLast: false))
                index += 1
                continue
            }
            if eof {
                if length > 0 || !abandonedPending.isEmpty {
                    try emit(takeChunk(length, index: index, isLast: true))
                }
                return
            }
            if length >= chunkSize && scanner.lastCut > 0 {
                try emit(takeChunk(scanner.lastCut, index: index, isLast: false))
                index += 1
                continue
            }
            try fill()
        }
    }
}

/// Failures to read a file at all (as opposed to findings about its content).
public enum JicengIngestError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .readFailed(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}
