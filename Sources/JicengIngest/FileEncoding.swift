import Foundation

/// The text encodings a drop may use (contract §2): UTF-8 with or without a byte-order mark, or
/// GB18030 (a superset of GBK, what Excel on a Chinese Windows machine writes).
public enum FileEncoding: String, Sendable, Codable, Hashable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case gb18030 = "GB18030"

    /// Bytes to skip at the start of the file.
    public var prefixLength: Int { self == .utf8BOM ? 3 : 0 }
}

/// What all of a file's bytes say about its encoding (contract §9: the encoding is decided for
/// the whole file, not from its first bytes).
enum EncodingVerdict: Equatable {
    /// Every byte is valid in this encoding.
    case valid(FileEncoding)
    /// Neither UTF-8 nor GB18030 throughout. `best` is the one that stays valid longer (UTF-8 on
    /// a tie), in which the file is read, each record holding undecodable bytes becoming an
    /// `encoding-error`; `firstInvalid` is the offset of the first byte that fails in it.
    case neither(best: FileEncoding, firstInvalid: Int64)
}

/// Decides a file's encoding from all of its bytes, in constant memory.
///
/// A byte-order mark means UTF-8. Otherwise the file is UTF-8 when all of it is valid UTF-8, and
/// GB18030 when all of it is valid GB18030 — so a GBK export whose first thousands of rows are
/// plain ASCII is GB18030, whatever its first 64 KiB say. GBK text with Chinese characters is
/// practically never valid UTF-8, so a GB18030 file fails the UTF-8 check at its first Chinese
/// character and costs one pass; a UTF-8 file costs one pass of the UTF-8 check.
enum EncodingDecision {
    /// Size of the blocks read for the decision.
    static let blockSize = 1 << 20

    /// Files at least this large are checked for UTF-8 on `workers` threads at once.
    static let parallelThreshold: Int64 = 16 << 20

    /// `read(offset, buffer)` fills `buffer` from the file at `offset` and returns the byte count
    /// (0 at the end of the file).
    static func decide(
        read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int, fileSize: Int64? = nil, workers: Int = 1
    ) throws -> EncodingVerdict {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        let n = try read(0, UnsafeMutableRawBufferPointer(rebasing: buffer[0..<3]))
        if n == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { return .valid(.utf8BOM) }

        if let size = fileSize, size >= parallelThreshold, workers > 1 {
            if try isUTF8InParallel(size: size, workers: min(workers, 8), read: read) { return .valid(.utf8) }
        }
        var utf8 = UTF8StreamValidator()
        try forEachBlock(buffer, read: read) {
            utf8.feed($0)
            return utf8.firstInvalid == nil
        }
        utf8.finish()
        guard let utf8Failure = utf8.firstInvalid else { return .valid(.utf8) }

        var gb = GB18030StreamValidator()
        try forEachBlock(buffer, read: read) {
            gb.feed($0)
            return gb.firstInvalid == nil
        }
        gb.finish()
        guard let gbFailure = gb.firstInvalid else { return .valid(.gb18030) }
        return gbFailure > utf8Failure
            ? .neither(best: .gb18030, firstInvalid: gbFailure)
            : .neither(best: .utf8, firstInvalid: utf8Failure)
    }

    /// The physical line (1-based; LF, CRLF or a lone CR end a line) of the byte at `offset`.
    static func line(ofOffset offset: Int64, read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int) throws -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var line = 1
        var lastWasCR = false
        try forEachBlock(buffer, to: offset, read: read) { bytes in
            for b in bytes {
                if b == 0x0A { if !lastWasCR { line += 1 } } else if b == 0x0D { line += 1 }
                lastWasCR = b == 0x0D
            }
            return true
        }
        return line
    }

    /// Whether all `size` bytes are UTF-8, checked in `workers` parts at once (a large export is
    /// read whole before its first record, so this pass is on the critical path).
    ///
    /// Each part but the first starts at a byte that is not a continuation byte (10xxxxxx), found
    /// by moving its nominal start forward; the part before it ends there and so holds every
    /// continuation byte of its last sequence. A sequence therefore never straddles two parts,
    /// and the file is valid exactly when every part is. Only a yes is trusted: on a no, the
    /// caller checks again from the start, which also finds where the first bad byte is.
    static func isUTF8InParallel(size: Int64, workers: Int, read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int) throws -> Bool {
        var starts: [Int64] = [0]
        let probe = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 8)
        defer { probe.deallocate() }
        for k in 1..<workers {
            var start = size * Int64(k) / Int64(workers)
            let n = try read(start, probe)
            var moved = 0
            while moved < n && probe[moved] & 0xC0 == 0x80 { moved += 1 }
            start += Int64(moved)
            if start > starts.last! && start < size { starts.append(start) }
        }
        starts.append(size)
        return withoutActuallyEscaping(read) { read in
            checkParts(starts, read: UncheckedReader(read: read))
        }
    }

    private static func checkParts(_ starts: [Int64], read reader: UncheckedReader) -> Bool {
        let parts = starts.count - 1
        let verdicts = PartVerdicts(parts)
        DispatchQueue.concurrentPerform(iterations: parts) { k in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
            defer { buffer.deallocate() }
            var validator = UTF8StreamValidator()
            var checked: Int64 = 0
            do {
                try forEachBlock(buffer, from: starts[k], to: starts[k + 1], read: reader.read) {
                    validator.feed($0)
                    checked += Int64($0.count)
                    return validator.firstInvalid == nil
                }
                validator.finish()
                verdicts.set(k, validator.firstInvalid == nil && checked == starts[k + 1] - starts[k])
            } catch {
                verdicts.set(k, false)
            }
        }
        return verdicts.all
    }

    /// The parts' answers, each written by its own thread.
    private final class PartVerdicts: @unchecked Sendable {
        private var valid: [Bool]
        private let lock = NSLock()
        init(_ count: Int) { valid = Array(repeating: false, count: count) }
        func set(_ k: Int, _ value: Bool) {
            lock.lock()
            valid[k] = value
            lock.unlock()
        }
        var all: Bool {
            lock.lock()
            defer { lock.unlock() }
            return valid.allSatisfy { $0 }
        }
    }

    /// The file's positional read, which is safe to call from several threads (it is `pread`).
    private struct UncheckedReader: @unchecked Sendable {
        let read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int
    }

    /// Feeds the file's blocks from `start` up to `end` (the end of the file when nil) to `body`
    /// until it returns false or the range or the file ends.
    private static func forEachBlock(
        _ buffer: UnsafeMutableRawBufferPointer, from start: Int64 = 0, to end: Int64? = nil,
        read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) throws {
        var offset = start
        while end.map({ offset < $0 }) ?? true {
            let want = end.map { Int(min(Int64(buffer.count), $0 - offset)) } ?? buffer.count
            let n = try read(offset, UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
            if n == 0 { return }
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            if !body(bytes) { return }
            offset += Int64(n)
        }
    }
}
