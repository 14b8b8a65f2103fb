/// Flat storage for the records of one chunk: all field bytes in one byte buffer, field end
/// offsets in one array, and one small entry per record. Reused from chunk to chunk by a worker,
/// so parsing allocates nothing per row.
///
/// This is the context libcsv's C callbacks write into (through a pointer), hence plain
/// manually-managed buffers rather than Swift arrays.
@usableFromInline
struct RecordArena {
    @usableFromInline
    struct Record {
        @usableFromInline var firstField: Int32
        @usableFromInline var fieldCount: Int32
        /// Index within the record of the first field over the size limit, or -1.
        var oversizedField: Int32
        @usableFromInline var line: Int
    }

    @usableFromInline var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var byteCapacity: Int
    @usableFromInline var fieldEnds: UnsafeMutablePointer<Int>
    var fieldTotal = 0
    var fieldCapacity: Int
    @usableFromInline var records: UnsafeMutablePointer<Record>
    @usableFromInline var recordCount = 0
    var recordCapacity: Int

    // Parsing state, updated by the callbacks.
    var fieldsInRecord = 0
    var recordStartLine = 0
    var line = 0
    var lastWasCR = false
    var oversizedField: Int32 = -1
    var maxFieldBytes: Int
    /// Whether fields may hold line breaks that must be counted (see `Chunk.mayHaveFieldLineBreaks`).
    var countsFieldLineBreaks = true

    init(maxFieldBytes: Int) {
        self.maxFieldBytes = maxFieldBytes
        byteCapacity = 1 << 16
        bytes = .allocate(capacity: byteCapacity)
        fieldCapacity = 1 << 12
        fieldEnds = .allocate(capacity: fieldCapacity)
        recordCapacity = 1 << 10
        records = .allocate(capacity: recordCapacity)
    }

    func deallocate() {
        bytes.deallocate()
        fieldEnds.deallocate()
        records.deallocate()
    }

    /// Empties the arena for a new chunk that starts at `line`; keeps capacity.
    mutating func reset(line: Int, expectedBytes: Int) {
        byteCount = 0
        fieldTotal = 0
        recordCount = 0
        fieldsInRecord = 0
        oversizedField = -1
        lastWasCR = false
        self.line = line
        recordStartLine = line
        if expectedBytes > byteCapacity { growBytes(to: expectedBytes) }
    }

    mutating func growBytes(to minimum: Int) {
        var cap = byteCapacity
        while cap < minimum { cap *= 2 }
        let n = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        n.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = n
        byteCapacity = cap
    }

    mutating func appendField(_ source: UnsafeRawPointer?, _ length: Int) {
        if fieldsInRecord == 0 { recordStartLine = line }
        if byteCount + length > byteCapacity { growBytes(to: byteCount + length) }
        if length > 0, let source {
            let dst = bytes + byteCount
            if length <= 16 {
                // Most cells are short: a byte loop costs less than a call to memcpy.
                let src = source.assumingMemoryBound(to: UInt8.self)
                for k in 0..<length { dst[k] = src[k] }
            } else {
                UnsafeMutableRawPointer(dst).copyMemory(from: source, byteCount: length)
            }
            // A quoted field may span lines: count its breaks (rare, so test cheaply first).
            if countsFieldLineBreaks && Self.mayContainLineBreak(source, length) { countLineBreaks(UnsafePointer(dst), length) }
        }
        byteCount += length
        if fieldTotal == fieldCapacity {
            let cap = fieldCapacity * 2
            let n = UnsafeMutablePointer<Int>.allocate(capacity: cap)
            n.update(from: fieldEnds, count: fieldTotal)
            fieldEnds.deallocate()
            fieldEnds = n
            fieldCapacity = cap
        }
        fieldEnds[fieldTotal] = byteCount
        fieldTotal += 1
        if length > maxFieldBytes && oversizedField < 0 { oversizedField = Int32(fieldsInRecord) }
        fieldsInRecord += 1
        lastWasCR = false
    }

    /// Whether some byte is ≤ 0x0D (CR and LF among them), eight bytes at a time: a byte below
    /// 0x0E makes `(w - 0x0E…) & ~w & 0x80…` non-zero (it never misses one; a stray hit only costs
    /// an exact count).
    @inline(__always)
    static func mayContainLineBreak(_ p: UnsafeRawPointer, _ n: Int) -> Bool {
        var k = 0
        while k + 8 <= n {
            let w = p.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            if (w &- 0x0E0E_0E0E_0E0E_0E0E) & ~w & 0x8080_8080_8080_8080 != 0 { return true }
            k += 8
        }
        while k < n {
            if p.load(fromByteOffset: k, as: UInt8.self) <= 0x0D { return true }
            k += 1
        }
        return false
    }

    private mutating func countLineBreaks(_ p: UnsafePointer<UInt8>, _ n: Int) {
        var k = 0
        while k < n {
            let b = p[k]
            if b == 0x0A { line += 1 } else if b == 0x0D && !(k + 1 < n && p[k + 1] == 0x0A) { line += 1 }
            k += 1
        }
    }

    /// libcsv reports the end of a record, or (with CSV_REPALL_NL) a line break with no fields.
    mutating func endRecord(terminator c: Int32) {
        if fieldsInRecord > 0 {
            if recordCount == recordCapacity {
                let cap = recordCapacity * 2
                let n = UnsafeMutablePointer<Record>.allocate(capacity: cap)
                n.update(from: records, count: recordCount)
                records.deallocate()
                records = n
                recordCapacity = cap
            }
            records[recordCount] = Record(
                firstField: Int32(fieldTotal - fieldsInRecord), fieldCount: Int32(fieldsInRecord),
                oversizedField: oversizedField, line: recordStartLine)
            recordCount += 1
            fieldsInRecord = 0
            oversizedField = -1
        }
        if c == 0x0D {
            line += 1
            lastWasCR = true
        } else if c == 0x0A {
            if !lastWasCR { line += 1 }
            lastWasCR = false
        } else {
            lastWasCR = false
        }
    }

    /// Drops the fields of a record that turned out malformed.
    mutating func discardOpenRecord() {
        guard fieldsInRecord > 0 else { return }
        fieldTotal -= fieldsInRecord
        byteCount = fieldTotal > 0 ? fieldEnds[fieldTotal - 1] : 0
        fieldsInRecord = 0
        oversizedField = -1
    }

    /// The line the open record started at (or the current line when no field was seen yet).
    var openRecordLine: Int { fieldsInRecord > 0 ? recordStartLine : line }
}
