import JicengIngest

/// Whether a record is blank: every cell empty after trimming, as spreadsheets leave rows behind.
///
/// Blank records are skipped silently (README, choices where the contract is silent); one
/// definition shared by the normaliser and `ingest` (which leaves them out of its stage files), so
/// both skip the same records.
public enum BlankRecord {
    @inline(__always)
    public static func isBlank(_ batch: RecordBatch, _ r: Int) -> Bool {
        for f in 0..<batch.fieldCount(r) where !ByteTrimming.trimmed(batch.field(r, f)).isEmpty { return false }
        return true
    }
}
