// The recovery rule of contract §9, checked on every fuzz input: a malformed record loses only
// itself, so a valid record written after anything at all is always read.

import JicengIngest

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the last record a chunk holds (its line and fields), for `RecoveryCheck`.
struct LastRecordProcessor: RecordProcessor {
    struct Record: Equatable, Sendable {
        var line: Int
        var fields: [[UInt8]]
    }

    func makeWorkerState() -> Int { 0 }

    func process(_ batch: RecordBatch, state: inout Int) -> Record? {
        guard batch.count > 0 else { return nil }
        let r = batch.count - 1
        return Record(line: batch.line(r), fields: (0..<batch.fieldCount(r)).map { Array(batch.field(r, $0)) })
    }
}

/// Appends a line break and a sentinel record to the input and reads the result in tiny pieces
/// and in one piece. Whatever the input holds — stray quotes, a quote never closed, oversized
/// fields, any bytes — the sentinel line can only be part of a record that is malformed (no quote
/// after it can close a field opened before it) or abandoned, and reading resumes line by line,
/// so the sentinel must be the last record read, alone on its line, in both readings.
enum RecoveryCheck {
    static let sentinel = Array("FUZZ-SENTINEL-RECORD".utf8)

    static let path: String = FuzzSetup.path + ".recovery"

    static func check(_ data: UnsafePointer<UInt8>, _ size: Int) {
        var bytes = Array(UnsafeBufferPointer(start: data, count: size))
        bytes.append(0x0A)
        // The sentinel's physical line: one more than the line breaks before it (LF, CRLF and a
        // lone CR each end a line).
        var line = 1
        for (k, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && !(k + 1 < bytes.count && bytes[k + 1] == 0x0A)) {
            line += 1
        }
        bytes += sentinel + [0x0A]
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fatalError("cannot create \(path)") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            guard n > 0 else { fatalError("cannot write \(path)") }
            written += n
        }
        close(fd)

        let tiny = lastRecord(FuzzSetup.tiny)
        let whole = lastRecord(FuzzSetup.whole)
        invariant(
            tiny == whole, "the last record differs: \(String(describing: tiny)) in tiny reads, \(String(describing: whole)) in one piece")
        guard case .read(let headerLine, let last) = whole else { return }
        // The sentinel line may itself be the header (an input of blank lines): nothing to check.
        guard headerLine < line else { return }
        invariant(
            last == LastRecordProcessor.Record(line: line, fields: [sentinel]),
            "the sentinel record at line \(line) was not read alone: last record \(String(describing: last))")
    }

    enum Outcome: Equatable {
        /// The header's line and the last record read after it.
        case read(headerLine: Int, last: LastRecordProcessor.Record?)
        /// No header could be read (empty, undecodable first line, malformed or oversized header).
        case noHeader
    }

    static func lastRecord(_ options: CSVReadOptions) -> Outcome {
        do {
            let reader = try CSVFileReader(path: path, options: options)
            guard case .header(let header) = try reader.readHeader() else { return .noHeader }
            var last: LastRecordProcessor.Record?
            _ = try reader.readRecords(with: LastRecordProcessor()) { out in
                if let out { last = out }
            }
            return .read(headerLine: header.line, last: last)
        } catch {
            fatalError("reading the recovery file threw: \(error)")
        }
    }
}
