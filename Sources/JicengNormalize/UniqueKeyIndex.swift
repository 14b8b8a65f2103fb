import JicengCore

#if canImport(Glibc)
    import Glibc
#endif

/// Finds repeated keys (request ids and other unique columns) among any number of rows in bounded
/// memory.
///
/// Occurrences are buffered; beyond `bufferLimit` they are spread by the top bits of their key
/// over `partitionCount` temporary partition files (a key's occurrences all land in one
/// partition, in the order they were added). `duplicates()` then reads one partition at a time
/// and finds its repeats with a hash table: linear in the occurrences, where sorting them was
/// n log n and merging sorted runs a heap operation and a read per occurrence. Memory is the
/// buffer (`bufferLimit` × 24 bytes, 3 MB by default) while collecting, and one partition with its
/// table (about 2 × 1/128 of the occurrences × 28 bytes: 4 MB at ten million rows) while reading
/// back.
///
/// Used on the reading thread only (workers hand their occurrences over with each chunk).
///
/// A partition that cannot be written or read back (no temporary folder, a full disk, a file cut
/// short) is not a crash and never a silently short answer: the index stops collecting and
/// `duplicates()` throws an `io-failure` naming the file and the system's reason.
///
/// Keys are 128-bit hashes (`KeyHash`); occurrences are ordered by file index then line, so the
/// first occurrence of a key is the one kept and every later one is a duplicate. Occurrences
/// normally arrive in that order (files in order, chunks in order); a partition whose occurrences
/// did not is sorted instead, so the answer never depends on the order of `add` calls.
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

    /// Partitions once the buffer is full: a power of two, so the top bits of `high` choose one.
    static let partitionCount = 128
    private static let partitionShift = UInt64(64 - 7)

    private var buffer: [Entry] = []
    private let bufferLimit: Int
    private let folder: String
    /// Once spilled: each partition's file (created on its first write) and pending entries.
    private var partitions: [Partition] = []
    private let partitionFlushSize: Int
    public private(set) var count = 0
    /// The first spill or read-back failure; once set, nothing more is collected.
    private var failure: JicengError?

    private struct Partition {
        var path: String?
        var fd: Int32 = -1
        var pending: [Entry] = []
        var written = 0
    }

    public init(bufferLimit: Int = 1 << 17, temporaryFolder: String = "/tmp") {
        self.bufferLimit = max(16, bufferLimit)
        self.folder = temporaryFolder
        partitionFlushSize = max(1, self.bufferLimit / Self.partitionCount)
    }

    deinit {
        for p in partitions {
            if p.fd >= 0 { close(p.fd) }
            if let path = p.path { unlink(path) }
        }
    }

    public func add(_ o: KeyOccurrence) {
        add(contentsOf: [o])
    }

    /// Adds a chunk's occurrences. The loop works on local copies of the buffer or partitions
    /// (moved out and back, never copied), so that it pays no exclusivity check per occurrence.
    public func add(contentsOf occurrences: [KeyOccurrence]) {
        guard failure == nil, !occurrences.isEmpty else { return }
        count += occurrences.count
        var next = 0
        if partitions.isEmpty {
            // Reserved once (untouched pages cost no memory), so the buffer never doubles past the limit.
            if buffer.isEmpty { buffer.reserveCapacity(bufferLimit) }
            let room = min(occurrences.count, bufferLimit - buffer.count)
            buffer.append(contentsOf: occurrences[0..<room].lazy.map(Self.entry))
            next = room
            if buffer.count >= bufferLimit { startPartitioning() }
        }
        guard next < occurrences.count else { return }
        var parts: [Partition] = []
        swap(&parts, &partitions)
        defer { swap(&parts, &partitions) }
        for o in occurrences[next...] {
            guard add(Self.entry(o), to: &parts) else { return }
        }
    }

    @inline(__always)
    private static func entry(_ o: KeyOccurrence) -> Entry {
        Entry(high: o.key.high, low: o.key.low, position: UInt64(UInt32(bitPattern: o.file)) << 40 | UInt64(o.line))
    }

    private func startPartitioning() {
        var parts = Array(repeating: Partition(), count: Self.partitionCount)
        let held = buffer
        buffer = []
        for e in held {
            guard add(e, to: &parts) else { break }
        }
        partitions = parts
    }

    /// False once writing failed.
    @inline(__always)
    private func add(_ e: Entry, to parts: inout [Partition]) -> Bool {
        let p = Int(truncatingIfNeeded: e.high >> Self.partitionShift)
        parts[p].pending.append(e)
        if parts[p].pending.count >= partitionFlushSize { flush(&parts[p]) }
        return failure == nil
    }

    /// Appends a partition's pending entries to its file (creating it first).
    private func flush(_ partition: inout Partition) {
        guard failure == nil, !partition.pending.isEmpty else { return }
        if partition.fd < 0 {
            var template = Array((folder + "/jiceng-keys-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else {
                fail(errno, "cannot create a temporary file for unique keys in \(folder)")
                return
            }
            partition.fd = fd
            partition.path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        }
        let fd = partition.fd
        let written = partition.pending.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        if !written {
            fail(errno, "cannot write the temporary file \(partition.path ?? folder)")
            return
        }
        partition.written += partition.pending.count
        partition.pending.removeAll(keepingCapacity: true)
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
    /// - Throws: `JicengError` (`io-failure`) when a partition could not be written or read back.
    public func duplicates(limit: Int = .max) throws -> (listed: [Duplicate], count: Int) {
        if let failure { throw failure }
        var finder = RepeatFinder(limit: limit)
        if partitions.isEmpty {
            finder.scan(&buffer)
        } else {
            for p in partitions.indices { flush(&partitions[p]) }
            if let failure { throw failure }
            for p in partitions.indices where partitions[p].written > 0 {
                var entries = try readBack(p)
                finder.scan(&entries)
            }
        }
        var out = finder.listed
        out.sort { ($0.file, $0.line) < ($1.file, $1.line) }
        return (out, finder.total)
    }

    /// The entries of partition `p`'s file, in the order they were written; an `io-failure` when
    /// the file does not hold exactly the entries written to it.
    private func readBack(_ p: Int) throws -> [Entry] {
        let path = partitions[p].path ?? folder
        let expected = partitions[p].written
        let stride = MemoryLayout<Entry>.stride
        var entries = [Entry](repeating: Entry(high: 0, low: 0, position: 0), count: expected)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw JicengError(.ioFailure, "cannot read back the temporary file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let total = expected * stride
        let read = entries.withUnsafeMutableBytes { raw -> Int in
            var offset = 0
            while offset < total {
                let n = Glibc.read(fd, raw.baseAddress! + offset, total - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                offset += n
            }
            return offset
        }
        var extra: UInt8 = 0
        guard read == total, Glibc.read(fd, &extra, 1) == 0 else {
            throw JicengError(
                .ioFailure, "cannot read back the temporary file \(path): it does not hold the \(expected) keys written to it")
        }
        return entries
    }

    /// Finds the repeats within groups of entries that hold every occurrence of their keys.
    private struct RepeatFinder {
        let limit: Int
        var listed: [Duplicate] = []
        var total = 0
        /// Open-addressing table of entry indices (-1: empty), reused from group to group.
        var table: [Int32] = []

        init(limit: Int) { self.limit = limit }

        mutating func report(_ first: Entry, _ dup: Entry) {
            total += 1
            guard listed.count < limit else { return }
            func unpack(_ p: UInt64) -> (Int32, Int) { (Int32(bitPattern: UInt32(p >> 40)), Int(p & ((1 << 40) - 1))) }
            let (ff, fl) = unpack(first.position)
            let (df, dl) = unpack(dup.position)
            listed.append(Duplicate(file: df, line: dl, firstFile: ff, firstLine: fl))
        }

        mutating func scan(_ entries: inout [Entry]) {
            var ordered = true
            for i in entries.indices.dropFirst() where entries[i].position < entries[i - 1].position {
                ordered = false
                break
            }
            if ordered { scanByHash(entries) } else { scanBySorting(&entries) }
        }

        /// Entries in (file, line) order: the first time a key is seen is its first occurrence.
        private mutating func scanByHash(_ entries: [Entry]) {
            guard entries.count > 1 else { return }
            var size = 16
            while size < entries.count * 2 { size *= 2 }
            if table.count < size {
                table = [Int32](repeating: -1, count: size)
            } else {
                table.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            }
            let mask = size - 1
            // Taken out of `self` while it is probed, so that `report` can be called meanwhile.
            var slots = table
            table = []
            defer { table = slots }
            entries.withUnsafeBufferPointer { e in
                for i in e.indices {
                    var s = Int(truncatingIfNeeded: e[i].low ^ (e[i].low >> 29)) & mask
                    while true {
                        let held = Int(slots[s])
                        if held < 0 {
                            slots[s] = Int32(i)
                            break
                        }
                        if e[held].low == e[i].low && e[held].high == e[i].high {
                            report(e[held], e[i])
                            break
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }

        /// Any order: sorted by key then position, each key's first entry is its first occurrence.
        private mutating func scanBySorting(_ entries: inout [Entry]) {
            entries.sort()
            var i = 0
            while i < entries.count {
                var j = i + 1
                while j < entries.count && entries[j].high == entries[i].high && entries[j].low == entries[i].low {
                    report(entries[i], entries[j])
                    j += 1
                }
                i = j
            }
        }
    }
}
