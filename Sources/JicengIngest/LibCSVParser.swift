import CLibCSV

/// libcsv's field callback: copy the field into the arena.
/// A plain C function (not a closure) so that each call costs no context capture or actor check.
func libcsvFieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RecordArena.self).pointee.appendField(UnsafeRawPointer(field), length)
}

/// libcsv's end-of-record callback (also called for every bare line break, with CSV_REPALL_NL).
func libcsvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context!.assumingMemoryBound(to: RecordArena.self).pointee.endRecord(terminator: terminator)
}

/// A thin owner of one `struct csv_parser` configured the way Jiceng reads every file:
/// strict (a stray quote is an error instead of swallowing the file), reporting all line breaks
/// (so lines can be counted exactly), erroring on an unterminated quote at the end, and keeping
/// spaces around unquoted fields (they are data; the normaliser trims where the contract says so).
struct LibCSVParser: ~Copyable {
    private let parser: UnsafeMutablePointer<csv_parser> = .allocate(capacity: 1)
    private let blockSize: Int

    init(blockSize: Int = 1 << 16) {
        self.blockSize = blockSize
        start()
    }

    private func start() {
        let options = UInt8(CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI)
        let status = csv_init(parser, options)
        precondition(status == 0, "csv_init failed")
        csv_set_space_func(parser, libcsvNoSpace)
        csv_set_blk_size(parser, blockSize)
    }

    /// Forgets any partial record (after an error) and starts afresh.
    mutating func restart() {
        csv_free(parser)
        start()
    }

    /// Feeds bytes; returns the number consumed (less than `length` on a parse error).
    mutating func parse(_ bytes: UnsafeRawPointer, _ length: Int, into arena: UnsafeMutablePointer<RecordArena>) -> Int {
        csv_parse(parser, bytes, length, libcsvFieldCallback, libcsvRecordCallback, arena)
    }

    /// Whether the last `parse` stopped on a parse error (read before `finish`, which resets it).
    mutating func hasParseError() -> Bool { csv_error(parser) == CSV_EPARSE }

    /// Flushes a last record without a trailing line break; false when the input ended inside a
    /// quoted field.
    mutating func finish(into arena: UnsafeMutablePointer<RecordArena>) -> Bool {
        csv_fini(parser, libcsvFieldCallback, libcsvRecordCallback, arena) == 0
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }
}

/// Space function that makes libcsv keep every byte: no character counts as trimmable space.
func libcsvNoSpace(_ c: UInt8) -> Int32 { 0 }
