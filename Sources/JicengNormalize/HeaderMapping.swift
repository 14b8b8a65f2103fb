import JicengCore
import JicengIngest
import JicengPipeline

/// How one file's header maps onto its dataset's columns (contract §2: trimmed, BOM removed,
/// full-width folded, case ignored, aliases), with the header findings: unknown, duplicate and
/// missing columns.
public struct HeaderMapping: Sendable {
    /// For each header field, the column index, or -1 (unknown or duplicate).
    public let fieldToColumn: [Int]
    /// For each column, the header field index, or -1.
    public let columnToField: [Int]
    public let headerCount: Int
    /// The field holding the record's line in the original drop (`_line`, the last column of the
    /// files the `ingest` and `normalise` stages write, so that later stages report original
    /// positions), or -1.
    public let provenanceLineField: Int
    /// The field holding the record's number of cells in the original drop (`_cells`, just before
    /// `_line` in the files `ingest` writes; empty when the record had the header's width), or -1.
    public let cellCountField: Int
    /// The header's width in the original drop: `headerCount` without the provenance columns.
    public let dataHeaderCount: Int

    /// The header name of the provenance column.
    public static let provenanceLineHeader = "_line"
    /// The header name of the original cell count (stage files of `ingest`).
    public static let cellCountHeader = "_cells"
    /// Whether the file can be read: every required column (and a unit reference) is present.
    public let isUsable: Bool
    public let findings: [Finding]

    /// `trustProvenance`: honour a last `_line` column and a `_cells` column before it (only for
    /// folders written by Jiceng's own stages; in a drop they are data, reported as unknown columns).
    public init(header: CSVHeader, dataset: CompiledDataset, file: String, trustProvenance: Bool = false) {
        let spec = dataset.spec
        var fieldToColumn = [Int](repeating: -1, count: header.fields.count)
        var columnToField = [Int](repeating: -1, count: spec.columns.count)
        var findings: [Finding] = []
        var provenance = -1
        var cellCount = -1
        let n = header.fields.count
        if trustProvenance && n > 0 && header.fields[n - 1] == Self.provenanceLineHeader {
            provenance = n - 1
            if n > 1 && header.fields[n - 2] == Self.cellCountHeader { cellCount = n - 2 }
        }
        for (i, name) in header.fields.enumerated() {
            if i == provenance || i == cellCount { continue }
            guard let c = dataset.column(forHeader: name) else {
                findings.append(Finding(severity: .warning, code: .unknownColumn, dataset: spec.name, file: file,
                                        line: header.line, value: SensitiveDataMasker.mask(name.trimmingSpaces()),
                                        message: FindingMessages.unknownColumn(SensitiveDataMasker.mask(name.trimmingSpaces()))))
                continue
            }
            if columnToField[c] >= 0 {
                findings.append(Finding(severity: .error, code: .duplicateColumn, dataset: spec.name, file: file,
                                        line: header.line, column: spec.columns[c].name, value: name.trimmingSpaces(),
                                        message: FindingMessages.duplicateColumn(spec.columns[c].name)))
                continue
            }
            columnToField[c] = i
            fieldToColumn[i] = c
        }
        var usable = true
        let referenceNames = Set(spec.unitReference)
        for (c, column) in spec.columns.enumerated() where column.required && columnToField[c] < 0 && !referenceNames.contains(column.name) {
            usable = false
            findings.append(Finding(severity: .error, code: .missingColumn, dataset: spec.name, file: file,
                                    line: header.line, column: column.name,
                                    message: FindingMessages.missingColumn(column.name, dataset: spec.name)))
        }
        if !dataset.referenceColumns.isEmpty && !dataset.referenceColumns.contains(where: { columnToField[$0] >= 0 }) {
            usable = false
            let names = dataset.referenceColumns.map { spec.columns[$0].name }
            findings.append(Finding(severity: .error, code: .missingColumn, dataset: spec.name, file: file,
                                    line: header.line, column: names.contains("unit_id") ? "unit_id" : names.first,
                                    message: FindingMessages.missingReferenceColumn(names)))
        }
        self.fieldToColumn = fieldToColumn
        self.columnToField = columnToField
        self.headerCount = header.fields.count
        self.provenanceLineField = provenance
        self.cellCountField = cellCount
        self.dataHeaderCount = n - (provenance >= 0 ? 1 : 0) - (cellCount >= 0 ? 1 : 0)
        self.isUsable = usable
        self.findings = findings
    }
}
