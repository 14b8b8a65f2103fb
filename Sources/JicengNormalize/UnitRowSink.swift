import JicengCore
import JicengPipeline

/// Collects accepted rows of the `units` dataset as `UnitRow`s, for `UnitHierarchyBuilder`.
public struct UnitRowSink: RowSink {
    let mapping: HeaderMapping
    let dataset: CompiledDataset
    let fileName: String
    let idColumn: Int, nameColumn: Int, levelColumn: Int, parentColumn: Int, aliasesColumn: Int?

    public init(mapping: HeaderMapping, dataset: CompiledDataset, fileName: String) throws {
        func column(_ name: String) throws -> Int {
            guard let c = dataset.spec.columns.firstIndex(where: { $0.name == name }) else {
                throw JicengError(.pipelineInvalid, "the units dataset needs a column \(name)")
            }
            return c
        }
        self.mapping = mapping
        self.dataset = dataset
        self.fileName = fileName
        idColumn = try column("unit_id")
        nameColumn = try column("name")
        levelColumn = try column("level")
        parentColumn = try column("parent_id")
        aliasesColumn = dataset.spec.columns.firstIndex { $0.name == "aliases" }
    }

    public func makeState() -> [UnitRow] { [] }

    public func accept(_ row: NormalizedRow, weight: Int64, state: inout [UnitRow]) {
        func text(_ c: Int?) -> String? {
            guard let c, row.slots[c] != missingSlot else { return nil }
            let f = mapping.columnToField[c]
            guard f >= 0, f < row.fields.count else { return nil }
            return String(decoding: ByteTrimming.trimmed(row.fields.field(f)), as: UTF8.self)
        }
        guard case .enumeration(let levels) = dataset.spec.columns[levelColumn].type,
            let level = UnitLevel(rawValue: levels.values[Int(row.slots[levelColumn])].name)
        else { return }
        let aliases = (text(aliasesColumn) ?? "")
            .split(whereSeparator: { $0 == ";" || $0 == "；" })
            .map { String($0).trimmingSpaces() }
            .filter { !$0.isEmpty }
        state.append(
            UnitRow(
                id: text(idColumn) ?? "", name: text(nameColumn) ?? "", level: level, parentId: text(parentColumn),
                aliases: aliases, file: fileName, line: row.line))
    }

    public func endChunk(state: inout [UnitRow]) -> [UnitRow] {
        defer { state.removeAll() }
        return state
    }
}
