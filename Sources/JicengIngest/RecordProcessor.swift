/// What the reader runs on every chunk of a file, on parallel worker threads.
///
/// Each worker owns one `WorkerState` (for example per-thread counters); chunk outputs are
/// delivered to the caller in file order, and the worker states are returned at the end for
/// merging. Implementations must not share mutable state between workers.
public protocol RecordProcessor: Sendable {
    associatedtype WorkerState: Sendable
    associatedtype ChunkOutput: Sendable

    func makeWorkerState() -> WorkerState
    func process(_ batch: RecordBatch, state: inout WorkerState) -> ChunkOutput
    /// The processor one worker thread uses: one that shares no reference-counted object with
    /// the others when that matters. Reading a shared class instance or array from two threads
    /// is safe, but every retain and release of it writes its reference count, and two cores
    /// writing one count per cell pass its cache line back and forth (at ten million rows that
    /// took more time than parsing). The default is `self`.
    func forWorker() -> Self
}

extension RecordProcessor {
    public func forWorker() -> Self { self }
}
