import JicengCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered CSV file being written: bytes go into one large buffer that is handed to POSIX
/// `write` when full, optionally through GB18030 conversion, with CRLF or LF line endings.
///
/// It exists so that the row writers stay fast (no `String` per field, no per-row system call) and
/// so that records, physical lines and bytes are counted in one place.
final class CSVFileWriter {
    let name: String
    let dataset: String
    let encoding: SampleEncoding
    let crlf: Bool
    /// Physical line on which the next record starts (the header is line 1).
    private(set) var line = 1
    private(set) var records = 0
    private(set) var bytesWritten = 0

    private var descriptor: Int32
    /// A write error met while flushing in the middle of a record; reported at the record's end.
    private var failure: (any Error)?
    private let path: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 22
    private var count = 0
    private var pendingNewlines = 0
    private let pool: UnsafeMutablePointer<UInt8>
    /// Keeps the pool (and so `pool`) alive as long as this writer.
    private let poolOwner: BytePool
    private let encoder: GB18030Encoder?

    init(folder: String, name: String, dataset: String, encoding: SampleEncoding, crlf: Bool, pool: BytePool) throws {
        self.name = name
        self.dataset = dataset
        self.encoding = encoding
        self.crlf = crlf
        self.path = folder + "/" + name
        guard let base = pool.base else { preconditionFailure("pool must be frozen before writing") }
        self.pool = base
        poolOwner = pool
        encoder = encoding == .gb18030 ? try GB18030Encoder() : nil
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            throw JicengError.ioFailure(LocalizedText(zh: "无法创建", en: "cannot create"), path, code: code)
        }
        descriptor = fd
        buffer = .allocate(capacity: capacity)
        if encoding == .utf8BOM {
            bytes(0xEF, 0xBB, 0xBF)
        }
    }

    deinit {
        buffer.deallocate()
        if descriptor >= 0 { _ = close(descriptor) }
    }

    /// Writes the header row (fields quoted when needed).
    func header(_ names: [String]) throws {
        for (index, name) in names.enumerated() {
            if index > 0 { comma() }
            text(BytePool.quoted(name))
        }
        try endRecord(countsAsRecord: false)
    }

    @inline(__always) private func reserve(_ n: Int) {
        if count + n > capacity {
            do { try flush() } catch {
                if failure == nil { failure = error }
                count = 0
            }
        }
    }

    @inline(__always) func byte(_ b: UInt8) {
        reserve(1)
        buffer[count] = b
        count += 1
    }

    @inline(__always) func bytes(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        reserve(3)
        buffer[count] = a
        buffer[count + 1] = b
        buffer[count + 2] = c
        count += 3
    }

    @inline(__always) func comma() { byte(0x2C) }

    /// Copies a pooled text.
    @inline(__always) func slice(_ s: ByteSlice) {
        let n = Int(s.count)
        guard n > 0 else { return }
        reserve(n)
        (buffer + count).update(from: pool + Int(s.offset), count: n)
        count += n
        pendingNewlines += Int(s.newlines)
    }

    /// Writes a text that is not pooled (headers, rare cells).
    /// The whole text is reserved at once, so that a flush (and GB18030 conversion) never splits a character.
    func text(_ s: String) {
        let utf8 = s.utf8
        precondition(utf8.count <= capacity / 2, "cell too large for the write buffer")
        reserve(utf8.count)
        for b in utf8 {
            buffer[count] = b
            count += 1
            if b == 0x0A { pendingNewlines += 1 }
        }
    }

    /// A non-negative integer in ASCII digits.
    @inline(__always) func int(_ value: Int) {
        precondition(value >= 0)
        reserve(20)
        if value < 10 {
            buffer[count] = 0x30 + UInt8(value)
            count += 1
            return
        }
        var digits = 0
        var v = value
        while v > 0 {
            digits += 1
            v /= 10
        }
        v = value
        var position = count + digits - 1
        while v > 0 {
            buffer[position] = 0x30 + UInt8(v % 10)
            v /= 10
            position -= 1
        }
        count += digits
    }

    /// A zero-padded integer of exactly `width` digits (value must fit).
    @inline(__always) func int(_ value: Int, width: Int) {
        reserve(width)
        var v = value
        var position = count + width - 1
        while position >= count {
            buffer[position] = 0x30 + UInt8(v % 10)
            v /= 10
            position -= 1
        }
        count += width
    }

    /// A non-negative integer in full-width digits (`１２３`).
    func fullWidthInt(_ value: Int) {
        for b in String(value).utf8 {
            bytes(0xEF, 0xBC, 0x90 + (b - 0x30))
        }
    }

    /// A non-negative integer with thousands separators, quoted (`"1,234"`).
    func groupedInt(_ value: Int) {
        let digits = Array(String(value).utf8)
        byte(0x22)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { byte(0x2C) }
            byte(digit)
        }
        byte(0x22)
    }

    /// Ends a record with the file's line ending and flushes when the buffer is nearly full.
    @inline(__always) func endRecord() throws {
        try endRecord(countsAsRecord: true)
    }

    private func endRecord(countsAsRecord: Bool) throws {
        if crlf { byte(0x0D) }
        byte(0x0A)
        if countsAsRecord { records += 1 }
        line += 1 + pendingNewlines
        pendingNewlines = 0
        if let failure { throw failure }
        if count > capacity - (1 << 16) { try flush() }
    }

    private func flush() throws {
        guard count > 0 else { return }
        if let encoder {
            let converted = try encoder.convert(buffer, count: count)
            try writeAll(converted.baseAddress!, converted.count)
        } else {
            try writeAll(buffer, count)
        }
        count = 0
    }

    private func writeAll(_ start: UnsafePointer<UInt8>, _ total: Int) throws {
        var done = 0
        while done < total {
            let n = write(descriptor, start + done, total - done)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw JicengError.ioFailure(LocalizedText(zh: "无法写入", en: "cannot write"), path, code: code)
            }
            done += n
        }
        bytesWritten += total
    }

    /// Flushes, closes and describes the file.
    func finish() throws -> SampleFile {
        if let failure { throw failure }
        try flush()
        let fd = descriptor
        descriptor = -1
        guard close(fd) == 0 else {
            let code = errno
            throw JicengError.ioFailure(LocalizedText(zh: "无法关闭", en: "cannot close"), path, code: code)
        }
        return SampleFile(
            name: name, dataset: dataset, records: records, lines: line - 1, bytes: bytesWritten,
            encoding: encoding, crlf: crlf)
    }
}
