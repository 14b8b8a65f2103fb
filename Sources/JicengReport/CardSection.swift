import JicengAggregate
import JicengCore

/// The red-and-yellow-card section of the report, formatted: one row per carded unit with its
/// shortfalls, capped so that the summary stays a summary (the rest is in the workbook). Grids are
/// counted in a note rather than listed: there are hundreds, and their small numbers swing widely.
struct CardSection {
    struct Item {
        let indicator: String
        let value: String
        let target: String
        let gap: String
        let status: ReportModel.StatusText
        /// The first shortfall of its unit (the HTML table spans the unit cells over the others).
        let isFirst: Bool
    }

    typealias Row = UnitShortfallRow<Item>

    static let limit = 20

    let rows: [Row]
    let isEmpty: Bool
    let hasRows: Bool
    let redCount: String
    let yellowCount: String
    let summary: String
    let moreNote: String?
    let gridNote: String?
    /// For each listed unit whose only sub-unit is left out as identical, a note saying so.
    let sameNotes: [String]

    init(_ index: EvaluationIndex, strings: ReportStrings) {
        let mirrored = index.mirrored
        let all = RedYellowCards(index).entries.filter { !mirrored.contains($0.unit.id) }
        let entries = all.filter { $0.unit.level != .grid }
        let grids = all.filter { $0.unit.level == .grid }
        let language = strings.language
        var rows: [Row] = []
        for entry in entries.prefix(CardSection.limit) {
            let red = entry.card == .missed
            let items = entry.shortfalls.enumerated().map { position, shortfall -> Item in
                let r = shortfall.result
                let format = index.format(r.indicator)
                let gap =
                    RedYellowCards.gap(r).map { gap in
                        strings.fill(format == .percent ? "cards.gapPoints" : "cards.gapAmount", ["gap": format.gapNumber(gap)])
                    } ?? DisplayFormat.undefined
                return Item(
                    indicator: index.title(r.indicator, language), value: format.text(r.value),
                    target: format.targetText(r.target, comparator: r.comparator), gap: gap,
                    status: ReportModel.statusText(r.status, strings), isFirst: position == 0)
            }
            rows.append(
                Row(
                    card: strings[red ? "cards.red" : "cards.yellow"], cardClass: red ? "card-red" : "card-yellow",
                    marker: StatusStyle(entry.card).marker, unitName: entry.unit.name,
                    levelName: strings.level(entry.unit.level), parentName: index.parentName(of: entry.unit).nonEmpty,
                    sameNote: mirrored.childNames[entry.unit.id].map { CardSection.sameNote(entry.unit.name, $0, strings) },
                    items: items, span: items.count))
        }
        self.rows = rows
        sameNotes = rows.compactMap(\.sameNote)
        isEmpty = rows.isEmpty && grids.isEmpty
        hasRows = !rows.isEmpty
        let red = entries.filter { $0.card == .missed }.count
        let yellow = entries.count - red
        redCount = DisplayFormat.count(Int64(red))
        yellowCount = DisplayFormat.count(Int64(yellow))
        summary = strings.fill("cards.summary", ["red": redCount, "yellow": yellowCount])
        let more = entries.count - rows.count
        moreNote = more > 0 ? strings.fill("cards.more", ["count": DisplayFormat.count(Int64(more))]) : nil
        let gridRed = grids.filter { $0.card == .missed }.count
        gridNote =
            grids.isEmpty
            ? nil
            : strings.fill(
                "cards.gridNote",
                [
                    "red": DisplayFormat.count(Int64(gridRed)), "yellow": DisplayFormat.count(Int64(grids.count - gridRed)),
                ])
    }

    /// `石首市的唯一下级单位石首市城区各项指标与之相同，不再单列。`
    static func sameNote(_ unit: String, _ children: [String], _ strings: ReportStrings) -> String {
        strings.fill("cards.same", ["unit": unit, "units": children.joined(separator: strings["list.separator"])])
    }
}
