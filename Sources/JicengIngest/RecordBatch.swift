/// The records of one chunk of a file, handed to a `RecordProcessor` on a worker thread.
///
/// Fields are UTF-8 bytes (transcoded if the file is GB18030) in the worker's arena: they are
/// only valid during the `process` call and are never turned into Strings here, which keeps
/// the hot path allocation-free.
public struct RecordBatch {
    @usableFromInline let arena: UnsafePointer<RecordArena>
    /// Position of the chunk in the file; outputs are merged in this order.
    public let chunkIndex: Int
    /// Malformed records of this chunk (stray quote, unterminated quote), each skipped alone.
    public let malformed: [MalformedRecord]
    /// Records the reader dropped before this chunk because they grew beyond the size bound.
    public let abandoned: [AbandonedRecord]

    @inlinable public var count: Int { arena.pointee.recordCount }

    /// Physical line where record `r` starts (the header is line 1).
    @inlinable public func line(_ r: Int) -> Int { arena.pointee.records[r].line }

    @inlinable public func fieldCount(_ r: Int) -> Int { Int(arena.pointee.records[r].fieldCount) }

    /// The bytes of field `f` of record `r`.
    /// Inlined into the normaliser's row loop; it reads the arena through its pointer without
    /// copying the arena's fields.
    @inlinable @inline(__always)
    public func field(_ r: Int, _ f: Int) -> UnsafeBufferPointer<UInt8> { fields(of: r).field(f) }

    /// The fields of record `r`, as a value that holds no reference (copying it costs nothing).
    @inlinable
    public func fields(of r: Int) -> RecordFields { RecordFields(arena: arena, record: r) }

    /// Index of the first field of record `r` longer than the field-size limit, if any.
    public func oversizedField(_ r: Int) -> Int? {
        let i = arena.pointee.records[r].oversizedField
        return i < 0 ? nil : Int(i)
    }
}

/// The fields of one record of a `RecordBatch`, for a row's consumers (sinks): a pointer and an
/// index, so that handing a row on per record retains nothing. Valid only while the batch is.
public struct RecordFields {
    @usableFromInline let arena: UnsafePointer<RecordArena>
    @usableFromInline let record: Int

    @inlinable init(arena: UnsafePointer<RecordArena>, record: Int) {
        self.arena = arena
        self.record = record
    }

    @inlinable public var count: Int { Int(arena.pointee.records[record].fieldCount) }

    /// The bytes of field `f`.
    @inlinable
    public func field(_ f: Int) -> UnsafeBufferPointer<UInt8> {
        let index = Int(arena.pointee.records[record].firstField) + f
        let ends = arena.pointee.fieldEnds
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: arena.pointee.bytes + start, count: ends[index] - start)
    }
}

/// A record that is not valid CSV in strict mode (a stray quote, a closing quote followed by other
/// characters, the input ending inside a quoted field). Reading resumed at the physical line after
/// the record's first line, so it loses only itself.
public struct MalformedRecord: Sendable, Hashable {
    public var line: Int
    /// A short excerpt around the error, for the finding's value.
    public var excerpt: String
    /// True when the input ended inside a quoted field (a quote that never closes).
    public var unterminatedQuote: Bool
}

/// A record dropped without parsing because it grew beyond the memory bound (a field over the
/// limit, or far more cells than the header): reading resumed at the physical line after its
/// first line.
///
/// The bound is (maxFieldBytes + 1) × (header columns + 8) bytes before the record's line break
/// (quoted line breaks included); which records are abandoned never depends on chunk, read or
/// worker sizes. A record that has run over line breaks by then (a runaway quoted field) resumes
/// at its second line, whose bytes are still held; one still on its first line has the rest of
/// that line skipped without looking at quotes.
public struct AbandonedRecord: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case fieldTooLarge
        case tooManyCells
    }

    public var line: Int
    public var reason: Reason
    /// The bytes dropped: UTF-8 bytes (after transcoding) up to, not including, the line break
    /// where reading resumed (with it, for a record resumed at its second line). For
    /// `HeaderOutcome.tooLarge`, the bytes seen before giving up.
    public var bytes: Int
}
