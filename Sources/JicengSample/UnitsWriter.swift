/// Writes the `units` dataset: the whole hierarchy, root first, each community followed by its grids.
///
/// In a messy drop the file has a BOM, Chinese headers and Chinese level words (市, 区, 街道,
/// 社区, 网格/小区), and aliases separated by `;` or the full-width `；`.
enum UnitsWriter {
    static func write(_ context: GenerationContext) throws {
        let messy = context.configuration.messy
        let hierarchy = context.hierarchy
        let pool = BytePool()
        pool.freeze()
        let out = try CSVFileWriter(
            folder: context.folder, name: "units.csv", dataset: "units",
            encoding: messy ? .utf8BOM : .utf8, crlf: false, pool: pool)
        try out.header(
            messy
                ? ["单位编码", "单位名称", "层级", "上级编码", "别名", "类型"]
                : ["unit_id", "name", "level", "parent_id", "aliases", "type"])
        for (index, unit) in hierarchy.units.enumerated() {
            let level: String
            if messy {
                switch unit.level {
                case .city: level = "市"
                case .district: level = "区"
                case .street: level = "街道"
                case .community: level = "社区"
                case .grid: level = unit.type == "小区" ? "小区" : "网格"
                }
            } else {
                level = unit.level.rawValue
            }
            let separator = messy ? hierarchy.aliasSeparator[index] : ";"
            let cells = [
                unit.id, unit.name, level, unit.parentId ?? "",
                unit.aliases.joined(separator: separator), unit.type,
            ]
            for (column, cell) in cells.enumerated() {
                if column > 0 { out.comma() }
                out.text(BytePool.quoted(cell))
            }
            try out.endRecord()
        }
        context.files.append(try out.finish())
    }
}
