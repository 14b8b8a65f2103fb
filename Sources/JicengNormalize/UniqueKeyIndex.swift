import JicengCore

#if canImport(Glibc)
    import Glibc
#endif

/// Finds repeated keys (request ids and other unique columns) among any number of rows in bounded
/// memory: occurrences are buffered, and beyond `bufferLimit` each sorted buffer is spilled to a
/// temporary run file; `duplicates()` merges the runs through a heap. Memory is about
/// `bufferLimit` × 48 bytes (the buffer and its sort scratch; 12 MB by default) plus one read buffer
/// per run, whatever the row count.
///
/// Used on the reading thread only (workers hand their occurrences over with each chunk).
///
/// A run that cannot be written or read back (no temporary folder, a full disk) is not a crash and
/// never a silently short answer: the index stops collecting and `duplicates()` throws an
/// `io-failure` naming the file and the system's reason.
///
/// Keys are 128-bit hashes (`KeyHash`); occurrences are ordered by file index then line, so the
/// first occurrence of a key is the one kept and every later one is a duplicate.
public final class UniqueKeyIndex {
    /// One occurrence, packed: the key, and (file index << 40 | line).
    struct Entry: Comparable {
        var high: UInt64
        var low: UInt64
        var position: UInt64

        static func < (a: Entry, b: Entry) -> Bool {
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            return a.position < b.position
        }
    }

    /// A later occurrence of a key, with where its first occurrence is.
    public struct Duplicate: Sendable, Hashable {
        public var file: Int32
        public var line: Int
        public var firstFile: Int32
        public var firstLine: Int
    }

    private var buffer: [Entry] = []
    private let bufferLimit: Int
    private var runs: [String] = []
    private let folder: String
    public private(set) var count = 0
    /// The first spill or read-back failure; once set, nothing more is collected.
    private var failure: JicengError?

    public init(bufferLimit: Int = 1 << 18, temporaryFolder: String = "/tmp") {
        self.bufferLimit = max(16, bufferLimit)
        self.folder = temporaryFolder
    }

    deinit {
        for r in runs { unlink(r) }
    }

    public func add(_ o: KeyOccurrence) {
        guard failure == nil else { return }
        buffer.append(Entry(high: o.key.high, low: o.key.low, position: UInt64(UInt32(bitPattern: o.file)) << 40 | UInt64(o.line)))
        count += 1
        if buffer.count >= bufferLimit { spill() }
    }

    public func add(contentsOf occurrences: [KeyOccurrence]) {
        for o in occurrences { add(o) }
    }

    private func spill() {
        buffer.sort()
        var template = Array((folder + "/jiceng-keys-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            fail(errno, "cannot create a temporary file for unique keys in \(folder)")
            return
        }
        let path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        let written = buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        if !written { fail(errno, "cannot write the temporary file \(path)") }
        close(fd)
        runs.append(path)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Records the first failure; `code` is the `errno` of the failed call, taken before anything
    /// else (building the message) can change it.
    private func fail(_ code: Int32, _ what: String) {
        let reason = String(cString: strerror(code))
        if failure == nil { failure = JicengError(.ioFailure, "\(what): \(reason)") }
        buffer.removeAll()
    }

    /// Every later occurrence of a key seen before, in (file, line) order, and how many there
    /// are in all.
    ///
    /// At most `limit` are listed (memory stays bounded when a drop repeats millions of ids); the
    /// count goes on.
    ///
    /// - Throws: `JicengError` (`io-failure`) when a run could not be written or read back.
    public func duplicates(limit: Int = .max) throws -> (listed: [Duplicate], count: Int) {
        if let failure { throw failure }
        var out: [Duplicate] = []
        var total = 0
        func unpack(_ p: UInt64) -> (Int32, Int) { (Int32(bitPattern: UInt32(p >> 40)), Int(p & ((1 << 40) - 1))) }
        func report(_ first: Entry, _ dup: Entry) {
            total += 1
            guard out.count < limit else { return }
            let (ff, fl) = unpack(first.position)
            let (df, dl) = unpack(dup.position)
            out.append(Duplicate(file: df, line: dl, firstFile: ff, firstLine: fl))
        }
        if runs.isEmpty {
            buffer.sort()
            var i = 0
            while i < buffer.count {
                var j = i + 1
                while j < buffer.count && buffer[j].high == buffer[i].high && buffer[j].low == buffer[i].low {
                    report(buffer[i], buffer[j])
                    j += 1
                }
                i = j
            }
        } else {
            if !buffer.isEmpty { spill() }
            if let failure { throw failure }
            var readers = runs.map { RunReader(path: $0) }
            // A binary min-heap of run indices ordered by their heads: log(runs) per entry.
            var heap = readers.indices.filter { readers[$0].head != nil }
            func less(_ a: Int, _ b: Int) -> Bool { readers[heap[a]].head! < readers[heap[b]].head! }
            func siftDown(_ start: Int) {
                var i = start
                while true {
                    let l = 2 * i + 1
                    let r = l + 1
                    var m = i
                    if l < heap.count && less(l, m) { m = l }
                    if r < heap.count && less(r, m) { m = r }
                    if m == i { return }
                    heap.swapAt(i, m)
                    i = m
                }
            }
            for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
            var first: Entry?
            while let top = heap.first {
                let e = readers[top].head!
                readers[top].advance()
                if readers[top].head == nil {
                    heap.swapAt(0, heap.count - 1)
                    heap.removeLast()
                }
                siftDown(0)
                if let f = first, f.high == e.high && f.low == e.low { report(f, e) } else { first = e }
            }
            if let broken = readers.firstIndex(where: \.failed) {
                throw JicengError(.ioFailure, "cannot read back the temporary file \(runs[broken])")
            }
        }
        out.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        return (out, total)
    }

    /// Streams one sorted run file.
    /// Streams one sorted run file; `failed` when it could not be opened or read to its end.
    private struct RunReader {
        private var file: UnsafeMutablePointer<FILE>?
        private(set) var head: Entry?
        private(set) var failed: Bool

        init(path: String) {
            file = fopen(path, "rb")
            failed = file == nil
            advance()
        }

        mutating func advance() {
            guard let file else {
                head = nil
                return
            }
            var e = Entry(high: 0, low: 0, position: 0)
            let n = withUnsafeMutableBytes(of: &e) { fread($0.baseAddress, MemoryLayout<Entry>.stride, 1, file) }
            if n == 1 {
                head = e
            } else {
                head = nil
                // The end of a run is a clean end of file; anything else (a read error, a file cut
                // short in the middle of an entry) would drop keys.
                if ferror(file) != 0 || ftell(file) % MemoryLayout<Entry>.stride != 0 { failed = true }
                fclose(file)
                self.file = nil
            }
        }
    }
}
