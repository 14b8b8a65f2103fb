import JicengIngest

/// One record after normalisation, as a sink sees it: the unit it is attached to and its values
/// as `Int64` slots (integers, 0/1, enumeration codes, day numbers; `missingSlot` when absent;
/// text columns hold 1 when present, or the `FoldedTextHash` of the cell when a distinct count
/// needs it). Valid only during the sink call.
public struct NormalizedRow {
    public let unit: Int
    public let slots: UnsafePointer<Int64>
    public let line: Int
    /// The record's raw fields, for sinks that write text out.
    public let fields: RecordFields
}

/// Where accepted rows go: aggregation into measures, or a writer of normalised CSV.
///
/// Each worker has its own `State`; `endChunk` returns what the chunk produced for ordered
/// merging (nothing, for aggregation).
public protocol RowSink: Sendable {
    associatedtype State: Sendable
    associatedtype ChunkOutput: Sendable

    func makeState() -> State
    /// `weight` is 1 for a counted row, -1 to take back a row found to be a duplicate later.
    func accept(_ row: NormalizedRow, weight: Int64, state: inout State)
    func endChunk(state: inout State) -> ChunkOutput
    /// The sink one worker uses (see `RecordProcessor.forWorker`); by default `self`.
    func forWorker() -> Self
}

extension RowSink {
    public func forWorker() -> Self { self }
}
