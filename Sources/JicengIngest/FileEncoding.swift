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

    /// `read(offset, buffer)` fills `buffer` from the file at `offset` and returns the byte count
    /// (0 at the end of the file).
    static func decide(read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int) throws -> EncodingVerdict {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        let n = try read(0, UnsafeMutableRawBufferPointer(rebasing: buffer[0..<3]))
        if n == 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { return .valid(.utf8BOM) }

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
        var position: Int64 = 0
        var lastWasCR = false
        while position < offset {
            let want = Int(min(Int64(blockSize), offset - position))
            let n = try read(position, UnsafeMutableRawBufferPointer(rebasing: buffer[0..<want]))
            if n == 0 { break }
            for k in 0..<n {
                let b = buffer[k]
                if b == 0x0A { if !lastWasCR { line += 1 } } else if b == 0x0D { line += 1 }
                lastWasCR = b == 0x0D
            }
            position += Int64(n)
        }
        return line
    }

    /// Feeds the file's blocks to `body` from the start until it returns false or the file ends.
    private static func forEachBlock(
        _ buffer: UnsafeMutableRawBufferPointer,
        read: (Int64, UnsafeMutableRawBufferPointer) throws -> Int,
        _ body: (UnsafeBufferPointer<UInt8>) -> Bool
    ) throws {
        var offset: Int64 = 0
        while true {
            let n = try read(offset, buffer)
            if n == 0 { return }
            let bytes = UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            if !body(bytes) { return }
            offset += Int64(n)
        }
    }
}
