import JicengAggregate
import JicengCore

/// A ranking of the units of one level on one ranking indicator (best first; lower is better
/// when the indicator's targets say `<=`). Equal values share a rank; units without a value come
/// last, unranked. Long rankings keep the top and bottom ten around an ellipsis row.
struct RankingTable {
    struct Row {
        let rank: String
        let unitName: String
        let parentName: String?
        let value: String
        let target: String
        let status: ReportModel.StatusText
        let isEllipsis: Bool
    }

    static let headAndTail = 10

    let title: String
    let indicatorTitle: String
    let levelName: String
    let showParent: Bool
    let rows: [Row]
    let note: String?
    /// When every unit has the same value: one line that says so, instead of the table.
    let tie: String?

    /// Tables for every ranking indicator and every level below the top with at least two units.
    static func build(_ index: EvaluationIndex, strings: ReportStrings) -> [RankingTable] {
        var tables: [RankingTable] = []
        let levels = index.lowerLevels.filter { $0 != .grid && index.units(at: $0).count >= 2 }
        for info in index.indicators(named: index.evaluation.rankings) {
            for level in levels {
                tables.append(RankingTable(index, indicator: info, level: level, strings: strings))
            }
        }
        return tables
    }

    init(_ index: EvaluationIndex, indicator info: IndicatorInfo, level: UnitLevel, strings: ReportStrings) {
        let language = strings.language
        let format = DisplayFormat(display: info.display)
        let lowerIsBetter = index.lowerIsBetter(info.name)
        let units = index.units(at: level)
        let ranked = RankingTable.order(units.map { ($0, index.result($0.id, info.name)?.value) }, lowerIsBetter: lowerIsBetter)

        var rows: [Row] = []
        var previous: Double?
        var rank = 0
        for (position, (unit, value)) in ranked.enumerated() {
            let r = index.result(unit.id, info.name)
            var rankText = DisplayFormat.undefined
            if let value {
                if value != previous { rank = position + 1 }
                previous = value
                rankText = String(rank)
            }
            rows.append(
                Row(
                    rank: rankText, unitName: unit.name, parentName: index.parentName(of: unit).nonEmpty,
                    value: format.text(value), target: format.targetText(r?.target, comparator: r?.comparator),
                    status: ReportModel.statusText(r?.status ?? .noData, strings), isEllipsis: false))
        }
        tie = RankingTable.tieLine(
            ranked.map(\.1), statuses: ranked.map { index.result($0.0.id, info.name)?.status ?? .noData },
            format: format, strings: strings)
        var note: String?
        let keep = RankingTable.headAndTail
        if rows.count > 2 * keep {
            let ellipsis = Row(
                rank: "…", unitName: "…", parentName: nil, value: "", target: "",
                status: ReportModel.StatusText(label: "", cssClass: "", marker: "", cellMarker: nil), isEllipsis: true)
            note = strings.fill("rankings.truncated", ["shown": String(keep), "count": DisplayFormat.count(Int64(rows.count))])
            rows = Array(rows.prefix(keep)) + [ellipsis] + Array(rows.suffix(keep))
        }
        title = strings.fill("rankings.tableTitle", ["indicator": info.title.text(language), "level": strings.level(level)])
        indicatorTitle = info.title.text(language)
        levelName = strings.level(level)
        showParent = Set(units.map { $0.parentId ?? "" }).count > 1
        self.rows = rows
        self.note = note
    }

    /// `全部 13 个单位均为 100.00%（达标），并列第 1 名。` when at least two units all have one and
    /// the same value (the status named when they share it); nil otherwise.
    static func tieLine(_ values: [Double?], statuses: [TargetStatus], format: DisplayFormat, strings: ReportStrings) -> String? {
        guard values.count >= 2, let first = values[0], values.allSatisfy({ $0 == first }) else { return nil }
        var fill = ["count": DisplayFormat.count(Int64(values.count)), "value": format.text(first)]
        if let status = statuses.first, status != .noTarget, statuses.allSatisfy({ $0 == status }) {
            fill["status"] = strings.status(status)
            return strings.fill("rankings.tieWithStatus", fill)
        }
        return strings.fill("rankings.tie", fill)
    }

    /// Best first; ties keep hierarchy order; units without a value last.
    static func order(_ items: [(UnitInfo, Double?)], lowerIsBetter: Bool) -> [(UnitInfo, Double?)] {
        let numbered = items.enumerated().map { ($0.offset, $0.element) }
        return numbered.sorted { a, b in
            switch (a.1.1, b.1.1) {
            case (let x?, let y?) where x != y: return lowerIsBetter ? x < y : x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.0 < b.0
            }
        }.map(\.1)
    }
}
