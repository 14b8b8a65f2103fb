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
}
