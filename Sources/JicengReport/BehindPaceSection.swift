import JicengAggregate
import JicengCore

/// The units behind 序时进度: every unit whose year-to-date value misses (or is within the warning
/// band of) what its yearly target asks for after the quarters elapsed, worst first and ordered
/// like the red-and-yellow cards, so leadership sees who is behind on the year as well as on the
/// quarter. Grids are counted in a note, as in the card section.
struct BehindPaceSection {
    struct Item {
        let indicator: String
        let value: String
        /// The pace target with its comparator, `≥ 9.00`.
        let pace: String
        /// The year's target, `≥ 12.00`.
        let target: String
        let completion: String
        let gap: String
        let status: ReportModel.StatusText
        let isFirst: Bool
    }

    typealias Row = UnitShortfallRow<Item>

    static let limit = 20

    /// The quarters covered, `2022Q1–2022Q3`.
    let span: String
    let rows: [Row]
    let hasRows: Bool
    let isEmpty: Bool
    let summary: String
    let moreNote: String?
    let gridNote: String?
    let sameNotes: [String]

    init(_ table: YearToDateTable, index: EvaluationIndex, strings: ReportStrings) {
        let mirrored = MirroredUnits(table)
        var unitsById: [String: UnitInfo] = [:]
        for unit in table.units where unitsById[unit.id] == nil { unitsById[unit.id] = unit }
        var ytdByKey: [String: YearToDateResult] = [:]
        // Each row held to its pace: the card list's order and gaps then measure the distance to 序时进度.
        let paced = table.results.map { r -> IndicatorResult in
            ytdByKey[r.unitId + "\u{1F}" + r.indicator] = r
            return IndicatorResult(
                unitId: r.unitId, indicator: r.indicator, value: r.value, numerator: r.numerator,
                denominator: r.denominator, target: r.paceTarget, comparator: r.comparator, status: r.status)
        }
        let all = RedYellowCards(results: paced, unitsById: unitsById).entries.filter { !mirrored.contains($0.unit.id) }
        let entries = all.filter { $0.unit.level != .grid }
        let grids = all.filter { $0.unit.level == .grid }
        let language = strings.language
        var rows: [Row] = []
        for entry in entries.prefix(BehindPaceSection.limit) {
            let red = entry.card == .missed
            let items = entry.shortfalls.enumerated().map { position, shortfall -> Item in
                let r = shortfall.result
                let ytd = ytdByKey[r.unitId + "\u{1F}" + r.indicator]
                let format = index.format(r.indicator)
                let gap =
                    RedYellowCards.gap(r).map { gap in
                        strings.fill(format == .percent ? "cards.gapPoints" : "cards.gapAmount", ["gap": format.gapNumber(gap)])
                    } ?? DisplayFormat.undefined
                let completion =
                    ytd?.completion.map { DisplayFormat.fixed($0 * 100, decimals: 2, grouping: true) + "%" } ?? DisplayFormat.undefined
                return Item(
                    indicator: index.title(r.indicator, language), value: format.text(r.value),
                    pace: format.targetText(r.target, comparator: r.comparator),
                    target: format.targetText(ytd?.target, comparator: ytd?.comparator), completion: completion, gap: gap,
                    status: ReportModel.statusText(r.status, strings), isFirst: position == 0)
            }
            rows.append(
                Row(
                    card: strings[red ? "pace.behind" : "pace.near"], cardClass: red ? "card-red" : "card-yellow",
                    marker: StatusStyle(entry.card).marker, unitName: entry.unit.name,
                    levelName: strings.level(entry.unit.level),
                    parentName: (entry.unit.parentId.flatMap { unitsById[$0]?.name } ?? "").nonEmpty,
                    sameNote: mirrored.childNames[entry.unit.id].map { CardSection.sameNote(entry.unit.name, $0, strings) },
                    items: items, span: items.count))
        }
        let first = table.quarters > 1 ? Period(year: table.period.year, quarter: 1).description + "–" : ""
        span = first + table.period.description
        self.rows = rows
        sameNotes = rows.compactMap(\.sameNote)
        hasRows = !rows.isEmpty
        isEmpty = rows.isEmpty && grids.isEmpty
        let red = entries.filter { $0.card == .missed }.count
        summary = strings.fill(
            "pace.summary",
            [
                "period": strings.period(table.period), "red": DisplayFormat.count(Int64(red)),
                "yellow": DisplayFormat.count(Int64(entries.count - red)),
            ])
        let more = entries.count - rows.count
        moreNote = more > 0 ? strings.fill("cards.more", ["count": DisplayFormat.count(Int64(more))]) : nil
        let gridRed = grids.filter { $0.card == .missed }.count
        gridNote =
            grids.isEmpty
            ? nil
            : strings.fill(
                "pace.gridNote",
                [
                    "red": DisplayFormat.count(Int64(gridRed)), "yellow": DisplayFormat.count(Int64(grids.count - gridRed)),
                ])
    }
}
