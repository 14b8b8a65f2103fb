import JicengNormalize

/// A row sink that keeps nothing: the fuzzer checks what the normaliser finds and counts, not
/// the rows it accepts.
struct DiscardingSink: RowSink {
    func makeState() -> Int { 0 }
    func accept(_ row: NormalizedRow, weight: Int64, state: inout Int) {}
    func endChunk(state: inout Int) -> Int { 0 }
}
