#if canImport(Glibc)
import Glibc
#endif

/// Tunables of the reader. The defaults suit both a 2 KB drop and a 1 GB export; tests use tiny
/// sizes to put record boundaries across blocks and chunks.
public struct CSVReadOptions: Sendable {
    /// Target size of a chunk handed to a worker (whole records).
    public var chunkBytes: Int
    /// Size of each read from the file.
    public var readBytes: Int
    /// A field longer than this is a `field-too-large` finding (contract §7; issue: default 1 MB).
    public var maxFieldBytes: Int
    /// Worker threads; 1 parses on the calling thread.
    public var workers: Int

    public init(chunkBytes: Int = 4 << 20, readBytes: Int = 1 << 20, maxFieldBytes: Int = 1 << 20, workers: Int? = nil) {
        self.chunkBytes = max(1, chunkBytes)
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
