import JicengAggregate
import JicengCore

/// The indicator table of one level below the top: units as rows, indicators as columns, each
/// cell coloured by its target status, units grouped under their parent. Columns come in even
/// groups of at most six so that every table fits the width of an A4 page; a level with many
/// units shows only the key indicators (headline, ranking and chart indicators), the full table
/// being in the workbook.
struct LevelMatrix {
    struct Header {
        let title: String
        let target: String
    }

    struct Cell {
        let text: String
        let status: ReportModel.StatusText
    }

    struct Row {
        let unitName: String
        let parentName: String?
        /// The parent's name on the first row of each parent's units, when units have different
        /// parents: the HTML table prints it as a group row.
        let groupHeader: String?
        let cells: [Cell]
    }

    struct Chunk {
        let headers: [Header]
        let rows: [Row]
        let columnCount: Int
    }

    static let columnsPerTable = 6
    static let fullTableMaxUnits = 12

    let title: String
    let showParent: Bool
    let note: String?
    let chunks: [Chunk]

    static func build(_ index: EvaluationIndex, strings: ReportStrings) -> [LevelMatrix] {
        let mirrored = index.mirrored
        return index.lowerLevels.filter { $0 != .grid }.compactMap { level in
            let units = index.units(at: level)
            guard !units.isEmpty else { return nil }
            // A level of units that only repeat their parents (a city's single district): said, not tabled.
            if units.allSatisfy({ mirrored.contains($0.id) }) {
                return LevelMatrix(mirroring: units, index: index, level: level, strings: strings)
            }
            return LevelMatrix(index, level: level, units: units, strings: strings)
        }
    }

    /// A level whose every unit has the same figures as its parent: a note instead of a table.
    init(mirroring units: [UnitInfo], index: EvaluationIndex, level: UnitLevel, strings: ReportStrings) {
        let separator = strings["list.separator"]
        var parents: [String] = []
        for unit in units where !parents.contains(index.parentName(of: unit)) { parents.append(index.parentName(of: unit)) }
        title = strings.fill("tables.levelTitle", ["level": strings.level(level), "count": DisplayFormat.count(Int64(units.count))])
        showParent = false
        note = strings.fill(
            "tables.mirrored",
            [
                "units": units.map(\.name).joined(separator: separator),
                "parents": parents.joined(separator: separator),
            ])
        chunks = []
    }

    init(_ index: EvaluationIndex, level: UnitLevel, units: [UnitInfo], strings: ReportStrings) {
        let e = index.evaluation
        var indicators = e.indicators
        var note: String?
        if units.count > LevelMatrix.fullTableMaxUnits {
            let key = Set(e.headline + e.rankings + e.barCharts)
            let keyIndicators = e.indicators.filter { key.contains($0.name) }
            if !keyIndicators.isEmpty && keyIndicators.count < indicators.count {
                indicators = keyIndicators
                note = strings.fill("tables.keyOnly", ["count": DisplayFormat.count(Int64(units.count))])
            }
        }
        let showParent = Set(units.map { $0.parentId ?? "" }).count > 1
        var chunks: [Chunk] = []
        let tableCount = (indicators.count + LevelMatrix.columnsPerTable - 1) / LevelMatrix.columnsPerTable
        let perTable = tableCount > 0 ? (indicators.count + tableCount - 1) / tableCount : 0
        var start = 0
        while start < indicators.count {
            let group = Array(indicators[start..<min(start + perTable, indicators.count)])
            let headers = group.map { info -> Header in
                let format = DisplayFormat(display: info.display)
                let shared = index.sharedTarget(info.name, units: units)
                return Header(
                    title: info.title.text(strings.language),
                    target: shared.map { format.targetText($0.target, comparator: $0.comparator) } ?? "")
            }
            var previousParent: String??
            let rows = units.map { unit -> Row in
                let parent = index.parentName(of: unit).nonEmpty
                let header = showParent && previousParent != .some(parent) ? parent : nil
                previousParent = .some(parent)
                return Row(
                    unitName: unit.name, parentName: parent, groupHeader: header,
                    cells: group.map { info in
                        let r = index.result(unit.id, info.name)
                        return Cell(
                            text: DisplayFormat(display: info.display).text(r?.value),
                            status: ReportModel.statusText(r?.status ?? .noData, strings))
                    })
            }
            chunks.append(Chunk(headers: headers, rows: rows, columnCount: group.count + 1))
            start += perTable
        }
        title = strings.fill("tables.levelTitle", ["level": strings.level(level), "count": DisplayFormat.count(Int64(units.count))])
        self.showParent = showParent
        self.note = note
        self.chunks = chunks
    }
}
