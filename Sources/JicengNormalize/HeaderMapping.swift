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
    /// Whether the file can be read: every required column without a default (and a unit
    /// reference) is present.
    public let isUsable: Bool
    public let findings: [Finding]
    /// Per column, how findings name it in their messages: the header the file used with the
    /// canonical name, `单位编码 (unit_id)`, or the canonical name alone when the file wrote
    /// exactly that (in any case or width) or has no such column. A finding's `column` field stays
    /// the canonical name (contract §7).
    public let columnLabels: [String]

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
        // First the columns, so that suggestions for unknown headers can leave out columns the
        // header already has; then the findings, in header order.
        var duplicates: [Int: Int] = [:]  // field → column
        for (i, name) in header.fields.enumerated() where i != provenance && i != cellCount {
            guard let c = dataset.column(forHeader: name) else { continue }
            if columnToField[c] >= 0 {
                duplicates[i] = c
                continue
            }
            columnToField[c] = i
            fieldToColumn[i] = c
        }
        let labels = spec.columns.indices.map { c in
            columnToField[c] >= 0
                ? FindingMessages.columnLabel(header: header.fields[columnToField[c]], column: spec.columns[c].name)
                : spec.columns[c].name
        }
        // The headers that name no column, as written (masked: a header may hold personal data).
        var unknown: [Int: String] = [:]
        for (i, name) in header.fields.enumerated() where i != provenance && i != cellCount && fieldToColumn[i] < 0 && duplicates[i] == nil
        {
            unknown[i] = SensitiveDataMasker.mask(name.trimmingSpaces())
        }
        let absentColumns = spec.columns.indices.filter { columnToField[$0] < 0 }
        for (i, _) in header.fields.enumerated() {
            if let c = duplicates[i] {
                findings.append(
                    Finding(
                        severity: .error, code: .duplicateColumn, dataset: spec.name, file: file,
                        line: header.line, column: spec.columns[c].name, value: header.fields[i].trimmingSpaces(),
                        message: FindingMessages.duplicateColumn(labels[c])))
            } else if let written = unknown[i] {
                let suggestion = HeaderSuggestions.nearest(to: [written], columns: absentColumns, of: spec)
                findings.append(
                    Finding(
                        severity: .warning, code: .unknownColumn, dataset: spec.name, file: file,
                        line: header.line, value: written,
                        message: FindingMessages.unknownColumn(written, suggestion: suggestion?.label)))
            }
        }
        var usable = true
        let unknownHeaders = unknown.sorted { $0.key < $1.key }.map(\.value)
        let referenceNames = Set(spec.unitReference)
        for (c, column) in spec.columns.enumerated()
        where column.required && columnToField[c] < 0 && !referenceNames.contains(column.name) && dataset.defaults[c] == nil {
            usable = false
            let suggestion = HeaderSuggestions.nearest(to: unknownHeaders, columns: [c], of: spec)
            findings.append(
                Finding(
                    severity: .error, code: .missingColumn, dataset: spec.name, file: file,
                    line: header.line, column: column.name,
                    message: FindingMessages.missingColumn(
                        column.name, accepted: [column.name] + column.aliases,
                        suggestion: suggestion.map { ($0.header, $0.spelling) })))
        }
        if !dataset.referenceColumns.isEmpty && !dataset.referenceColumns.contains(where: { columnToField[$0] >= 0 }) {
            usable = false
            let names = dataset.referenceColumns.map { spec.columns[$0].name }
            let suggestion = HeaderSuggestions.nearest(to: unknownHeaders, columns: dataset.referenceColumns, of: spec)
            findings.append(
                Finding(
                    severity: .error, code: .missingColumn, dataset: spec.name, file: file,
                    line: header.line, column: names.contains("unit_id") ? "unit_id" : names.first,
                    message: FindingMessages.missingReferenceColumn(names, suggestion: suggestion.map { ($0.header, $0.label) })))
        }
        self.columnLabels = labels
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
