import JicengCore
import JicengIngest

/// Settings of one pass over a drop: what the commands that read a drop (`validate`, `run`,
/// `normalise`) ask of `DropAnalyzer` differently.
public struct DropAnalysisOptions: Sendable {
    public var period: Period?
    public var read: CSVReadOptions
    /// Findings listed per code and file before they are summarised (contract §7).
    public var maxFindings: Int
    /// Where to write rejected records, or nil.
    public var quarantinePath: String?
    /// Where to write accepted rows in canonical form (the `normalise` stage), or nil.
    public var canonicalFolder: String?
    /// Honour `_line` provenance columns: only when reading a folder written by a Jiceng stage.
    public var trustProvenance = false
    /// Add accepted rows to the measure totals. `validate` needs findings only and turns it off.
    public var computeMeasures = true
    /// Report the drop's `missing-file` and `unknown-file` findings (`DropInventory`). Off when
    /// `normalise` reads an ingest folder: `ingest` reported them for the drop, and the folder
    /// holds only the files it could read.
    public var reportsInventory = true
    /// More rows repeating an earlier unique key than this (in one dataset) is an export merged
    /// twice or a wrong column, not a few slips: one error for the dataset, whose indicators are
    /// then left out. Bounds the memory the list of duplicates takes (about 50 bytes each).
    public var maxDuplicateKeys = 250_000

    public init(
        period: Period?, read: CSVReadOptions = CSVReadOptions(), maxFindings: Int = 1000, quarantinePath: String? = nil,
        canonicalFolder: String? = nil
    ) {
        self.period = period
        self.read = read
        self.maxFindings = maxFindings
        self.quarantinePath = quarantinePath
        self.canonicalFolder = canonicalFolder
    }
}
