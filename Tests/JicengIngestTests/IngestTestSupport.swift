import Foundation
import Testing

@testable import JicengIngest

#if canImport(Glibc)
    import Glibc
#endif

// MARK: Temporary files

/// A fresh folder under the system temp directory, removed when the value goes away.
final class IngestTempDir {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jiceng-ingest-tests-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `bytes` to a file named `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let path = url.appendingPathComponent(name).path
        let written = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        precondition(written, "cannot write \(path)")
        return path
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

// MARK: A collecting processor

/// One record as the tests see it: its line, its fields as bytes, and the oversized-field index.
struct CollectedRecord: Hashable, Sendable, CustomStringConvertible {
    var line: Int
    var fields: [[UInt8]]
    var oversized: Int?

    var strings: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }

    var description: String { "L\(line)\(strings)\(oversized.map { " oversized:\($0)" } ?? "")" }
}

/// The output of one chunk.
struct CollectedBatch: Sendable {
    var chunkIndex: Int
    var records: [CollectedRecord]
    var malformed: [MalformedRecord]
    var abandoned: [AbandonedRecord]
}

/// Copies every record of a batch out of the worker's arena; the worker state counts the batches
/// that worker processed.
struct CollectingProcessor: RecordProcessor {
    func makeWorkerState() -> Int { 0 }

    func process(_ batch: RecordBatch, state: inout Int) -> CollectedBatch {
        state += 1
        var records: [CollectedRecord] = []
        records.reserveCapacity(batch.count)
        for r in 0..<batch.count {
            var fields: [[UInt8]] = []
            for f in 0..<batch.fieldCount(r) { fields.append(Array(batch.field(r, f))) }
            records.append(CollectedRecord(line: batch.line(r), fields: fields, oversized: batch.oversizedField(r)))
        }
        return CollectedBatch(
            chunkIndex: batch.chunkIndex, records: records,
            malformed: batch.malformed, abandoned: batch.abandoned)
    }
}

/// Everything one read of a file produced.
struct IngestResult {
    var header: HeaderOutcome
    var encoding: FileEncoding?
    var records: [CollectedRecord] = []
    var malformed: [MalformedRecord] = []
    var abandoned: [AbandonedRecord] = []
    var raw: [UInt8] = []
    var chunkIndices: [Int] = []
    var batchesProcessedByWorkers = 0
    var workerStates = 0
    var rawBytesRead: Int64 = 0
    var peakBufferCapacity = 0

    var headerFields: [String]? {
        if case .header(let h) = header { return h.fields }
        return nil
    }

    var headerLine: Int? {
        if case .header(let h) = header { return h.line }
        return nil
    }

    /// Record lines and fields as Strings, the usual thing to compare.
    var rows: [Row] { records.map { Row($0.line, $0.strings) } }

    /// Lines of the malformed records.
    var malformedLines: [Int] { malformed.map(\.line) }

    /// What must not depend on chunk size, read size or worker count.
    var invariant: Invariant {
        Invariant(
            header: header, encoding: encoding, records: records, malformed: malformed,
            abandoned: abandoned.map { AbandonedKey(line: $0.line, reason: $0.reason, bytes: $0.bytes) })
    }

    struct AbandonedKey: Hashable {
        var line: Int
        var reason: AbandonedRecord.Reason
        var bytes: Int
    }

    struct Invariant: Equatable {
        var header: HeaderOutcome
        var encoding: FileEncoding?
        var records: [CollectedRecord]
        var malformed: [MalformedRecord]
        var abandoned: [AbandonedKey]
    }
}

/// A record line and its fields, for expectations written by hand.
struct Row: Hashable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    init(_ line: Int, _ fields: [String]) {
        self.line = line
        self.fields = fields
    }
    var description: String { "L\(line)\(fields)" }
}

/// Reads `path` completely: header, then (when there is one) every record through a
/// `CollectingProcessor`, recording the raw bytes shown to `rawObserver`.
func ingest(_ path: String, _ options: CSVReadOptions = CSVReadOptions(), observeRaw: Bool = true) throws -> IngestResult {
    let reader = try CSVFileReader(path: path, options: options)
    var raw: [UInt8] = []
    if observeRaw {
        reader.rawObserver = { raw.append(contentsOf: $0) }
    }
    let header = try reader.readHeader()
    var result = IngestResult(header: header, encoding: reader.encoding)
    if case .header = header {
        var nextIndex = 0
        var indices: [Int] = []
        var records: [CollectedRecord] = []
        var malformed: [MalformedRecord] = []
        var abandoned: [AbandonedRecord] = []
        var batches = 0
        let states = try reader.readRecords(with: CollectingProcessor()) { batch in
            indices.append(batch.chunkIndex)
            #expect(batch.chunkIndex == nextIndex, "chunk outputs must arrive in file order")
            nextIndex = batch.chunkIndex + 1
            batches += 1
            records += batch.records
            malformed += batch.malformed
            abandoned += batch.abandoned
        }
        result.records = records
        result.malformed = malformed
        result.abandoned = abandoned
        result.chunkIndices = indices
        result.batchesProcessedByWorkers = states.reduce(0, +)
        result.workerStates = states.count
        #expect(result.batchesProcessedByWorkers == batches, "every chunk is processed exactly once")
    }
    result.raw = raw
    result.rawBytesRead = reader.rawBytesRead
    result.peakBufferCapacity = reader.peakBufferCapacity
    return result
}

/// Reads a file made of `bytes` (written to a fresh temp folder).
func ingest(bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> IngestResult {
    let dir = IngestTempDir()
    let path = dir.write("input.csv", bytes)
    return try ingest(path, options)
}

func ingest(text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> IngestResult {
    try ingest(bytes: Array(text.utf8), options)
}

/// Options with tiny sizes, to put boundaries everywhere.
func tinyOptions(chunk: Int, read: Int, workers: Int, maxField: Int = 1 << 20) -> CSVReadOptions {
    CSVReadOptions(chunkBytes: chunk, readBytes: read, maxFieldBytes: maxField, workers: workers)
}

// MARK: Encodings

/// Converts UTF-8 text to GB18030 with the C library's iconv (independent of the reader's decoder,
/// which converts the other way).
func gb18030Bytes(_ text: String) -> [UInt8] {
    let cd = iconv_open("GB18030", "UTF-8")
    precondition(cd != iconv_t(bitPattern: -1), "iconv has no GB18030")
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let written: Int = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = outBuf.count
            let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            precondition(r != -1 && inLeft == 0, "text not representable in GB18030")
            return outBuf.count - outLeft
        }
    }
    return Array(output[..<written])
}

let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

// MARK: Deterministic randomness

/// SplitMix64: a small seeded generator so generated files are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: Timeouts

/// Runs `body` on a separate thread and waits at most `seconds`; false when it did not finish.
/// (A hung body keeps its thread, but the test fails instead of hanging the run.)
func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 1 << 23
    thread.start()
    return done.wait(timeout: .now() + seconds) == .success
}

// MARK: Physical lines

/// Counts physical line breaks the way the contract does: LF, CRLF (once) and a lone CR.
func lineBreaks(in bytes: some Collection<UInt8>) -> Int {
    var count = 0
    var previousCR = false
    for b in bytes {
        if b == 0x0A {
            if !previousCR { count += 1 }
            previousCR = false
        } else if b == 0x0D {
            count += 1
            previousCR = true
        } else {
            previousCR = false
        }
    }
    return count
}

/// A `read(offset, buffer)` function over bytes in memory, as `EncodingDecision` takes.
func reading(_ bytes: [UInt8]) -> (Int64, UnsafeMutableRawBufferPointer) throws -> Int {
    { offset, buffer in
        let start = Int(min(offset, Int64(bytes.count)))
        let n = min(buffer.count, bytes.count - start)
        bytes.withUnsafeBytes { src in
            buffer.baseAddress!.copyMemory(from: src.baseAddress! + start, byteCount: n)
        }
        return n
    }
}
