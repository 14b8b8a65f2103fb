import JicengCore
import JicengPipeline

/// Writes accepted rows in canonical form — canonical headers, ISO dates, canonical enumeration
/// names, plain integers, `true`/`false`, the resolved `unit_id` — as UTF-8 CSV with LF: the
/// output of the `normalise` stage, which the `aggregate` stage reads with the same pipeline.
/// Each row keeps its original line in a `_line` column so later findings point at the drop.
public struct CanonicalCSVSink: RowSink {
    let dataset: CompiledDataset
    let mapping: HeaderMapping
    let directory: UnitDirectory
    let enabled: Bool
    /// Columns written, in order: (column index, or -1 for the resolved unit id).
    let written: [Int]
    public let header: String

    public init(dataset: CompiledDataset, mapping: HeaderMapping, directory: UnitDirectory, enabled: Bool) {
        self.dataset = dataset
        self.mapping = mapping
        self.directory = directory
        self.enabled = enabled
        var written: [Int] = []
        var names: [String] = []
        let spec = dataset.spec
        let key = spec.columns.firstIndex { c in
            if case .unitReference = c.type { return c.unique } else { return false }
        }
        for (i, c) in spec.columns.enumerated() {
            if case .unitReference = c.type {
                if i == key {
                    written.append(i)
                    names.append(c.name)
                }
                continue
            }
            written.append(i)
            names.append(c.name)
        }
        if key == nil && !dataset.referenceColumns.isEmpty {
            written.append(-1)
            names.append("unit_id")
        }
        self.written = written
        header = CSVText.record(names + [HeaderMapping.provenanceLineHeader])
    }

    public func makeState() -> [UInt8] { [] }

    public func accept(_ row: NormalizedRow, weight: Int64, state: inout [UInt8]) {
        guard enabled, weight > 0 else { return }
        var fields: [String] = []
        fields.reserveCapacity(written.count + 1)
        for c in written {
            if c < 0 {
                fields.append(row.unit >= 0 ? directory.units[row.unit].id : "")
                continue
            }
            let v = row.slots[c]
            switch dataset.columnParses[c] {
            case .text:
                fields.append(v == missingSlot ? "" : text(row, c))
            case .reference:
                fields.append(row.unit >= 0 ? directory.units[row.unit].id : "")
            case .integer:
                fields.append(v == missingSlot ? "" : String(v))
            case .boolean:
                fields.append(v == missingSlot ? "" : (v != 0 ? "true" : "false"))
            case .date:
                fields.append(v == missingSlot ? "" : CivilDate(dayNumber: Int32(v)).description)
            case .enumeration:
                if v == missingSlot {
                    fields.append("")
                } else if case .enumeration(let e) = dataset.spec.columns[c].type {
                    fields.append(e.values[Int(v)].name)
                }
            }
        }
        fields.append(String(row.line))
        state.append(contentsOf: Array((CSVText.record(fields) + "\n").utf8))
    }

    /// The cell's text; the column's default where the row has none (its slot then holds the
    /// default's value).
    private func text(_ row: NormalizedRow, _ c: Int) -> String {
        let f = mapping.columnToField[c]
        if f >= 0, f < row.fields.count {
            let bytes = ByteTrimming.trimmed(row.fields.field(f))
            if !MissingValue.isMissing(bytes) { return String(decoding: bytes, as: UTF8.self) }
        }
        return dataset.spec.columns[c].defaultValue?.canonicalText ?? ""
    }

    public func endChunk(state: inout [UInt8]) -> [UInt8] {
        defer { state.removeAll(keepingCapacity: true) }
        return state
    }
}
