/// The fixed texts of one generator run (ids, names, synonyms, dates), stored once as UTF-8 in one
/// contiguous block and referred to by `ByteSlice`.
///
/// It exists for speed: writing ten million rows must not build a `String` per field, so every
/// text a row can contain is prepared here once and copied with `memcpy` while writing.
final class BytePool {
    private var storage: [UInt8] = []
    private(set) var base: UnsafeMutablePointer<UInt8>?

    init() {}

    deinit { base?.deallocate() }

    /// Adds raw text (no CSV quoting).
    func raw(_ text: String) -> ByteSlice {
        precondition(base == nil, "pool is frozen")
        let offset = storage.count
        storage.append(contentsOf: text.utf8)
        let newlines = text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return ByteSlice(offset: Int32(offset), count: Int32(storage.count - offset), newlines: Int32(newlines))
    }

    /// Adds text as one CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break.
    func field(_ text: String) -> ByteSlice {
        raw(BytePool.quoted(text))
    }

    static func quoted(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return text }
        var out = "\""
        for character in text {
            out += character == "\"" ? "\"\"" : String(character)
        }
        return out + "\""
    }

    /// Copies the texts into their final place; no text may be added afterwards.
    func freeze() {
        guard base == nil else { return }
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: max(storage.count, 1))
        storage.withUnsafeBufferPointer { block.update(from: $0.baseAddress!, count: $0.count) }
        base = block
        storage = []
    }

    /// The text of a slice (for the summary; not for the hot path).
    func string(_ slice: ByteSlice) -> String {
        let start = base! + Int(slice.offset)
        return String(decoding: UnsafeBufferPointer(start: start, count: Int(slice.count)), as: UTF8.self)
    }
}

/// A text in a `BytePool`: offset, length in bytes, and how many line breaks it holds (so that
/// writers can keep physical line numbers right when a quoted field spans lines).
struct ByteSlice: Hashable {
    var offset: Int32
    var count: Int32
    var newlines: Int32

    static let empty = ByteSlice(offset: 0, count: 0, newlines: 0)
}
