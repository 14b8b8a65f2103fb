import JicengAggregate
import JicengNormalize

/// Where a facts pass puts each accepted row: into the measure totals, and (for `normalise`)
/// into the chunk's canonical CSV lines.
///
/// A concrete type rather than a generic pair of sinks: the normaliser calls `accept` once per
/// row through the `RowSink` conformance, and a generic pair's `accept` had to look up its type
/// metadata on every call (2% of a run on ten million rows).
struct FactsRowSink: RowSink {
    let measures: MeasureSink
    let canonical: CanonicalCSVSink

    struct State: @unchecked Sendable {
        var totals: MeasureTotals
        var canonicalLines: [UInt8]
    }

    func makeState() -> State { State(totals: measures.makeState(), canonicalLines: canonical.makeState()) }

    func accept(_ row: NormalizedRow, weight: Int64, state: inout State) {
        measures.accept(row, weight: weight, state: &state.totals)
        canonical.accept(row, weight: weight, state: &state.canonicalLines)
    }

    /// The chunk's canonical lines (empty unless writing them).
    func endChunk(state: inout State) -> [UInt8] {
        _ = measures.endChunk(state: &state.totals)
        return canonical.endChunk(state: &state.canonicalLines)
    }
}
