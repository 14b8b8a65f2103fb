import JicengNormalize

/// What the chunks of one file add up to while they are read: row counts (and the progress
/// line), findings, the occurrences of unique keys, and the rejected records written to the
/// quarantine.
struct FileTally {
    let meter: ProgressMeter
    let keyIndexes: [UniqueKeyIndex]
    let quarantine: ChunkWriter
    var counts = RowCounts()
    var findings = ChunkFindings(listLimit: Int.max)

    mutating func absorb<S>(_ out: FactChunkOutput<S>) {
        meter.addRows(out.counts.read)
        findings.merge(out.findings)
        counts.add(out.counts)
        for k in out.keys.indices { keyIndexes[k].add(contentsOf: out.keys[k]) }
        quarantine.write(out.quarantine)
    }
}
