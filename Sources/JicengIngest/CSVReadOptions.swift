#if canImport(Glibc)
    import Glibc
#endif

/// Tunables of the reader. The defaults suit both a 2 KB drop and a 1 GB export; tests use tiny
/// sizes to put record boundaries across blocks and chunks.
///
/// A chunk of 1 MB is about 10,000 ordinary rows: large enough that handing it to a worker costs
/// nothing noticeable, small enough that the chunks in flight (the queue's, one per worker, the
/// one being cut) stay within a few megabytes; larger chunks were no faster and only raised the
/// peak memory.
public struct CSVReadOptions: Sendable {
    /// Target size of a chunk handed to a worker (whole records).
    public var chunkBytes: Int
    /// Size of each read from the file.
    public var readBytes: Int
    /// A field longer than this is a `field-too-large` finding (contract §7; issue: default 1 MB).
    /// A record longer than (maxFieldBytes + 1) × (header columns + 8) is not kept at all but
    /// reported as an `AbandonedRecord`, which bounds memory whatever the input.
    public var maxFieldBytes: Int
    /// Cells (fields) a chunk may hold: a chunk ends at the first record boundary after this many,
    /// even before `chunkBytes`, so that a file of tiny records (empty spreadsheet rows `,,,,`)
    /// costs a worker no more memory than ordinary rows do. Ordinary rows reach `chunkBytes` first.
    public var maxChunkCells: Int
    /// Worker threads; 1 parses on the calling thread.
    /// (The reader clamps values set directly: sizes to at least 1, chunks to at most 1 GB,
    /// workers to at most 256.)
    public var workers: Int

    public init(
        chunkBytes: Int = 1 << 20, readBytes: Int = 1 << 17, maxFieldBytes: Int = 1 << 20, maxChunkCells: Int = 1 << 19,
        workers: Int? = nil
    ) {
        self.chunkBytes = max(1, chunkBytes)
        self.maxChunkCells = max(1, maxChunkCells)
        self.readBytes = max(1, readBytes)
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.workers = max(1, workers ?? CSVReadOptions.processorCount)
    }

    public static var processorCount: Int {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 2
        #endif
    }
}
