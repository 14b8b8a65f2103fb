import CXLSXWriter
import Foundation
import JicengAggregate
import JicengCore

/// `indicators.xlsx`: the indicator table for analysts who work in Excel or WPS, written with
/// libxlsxwriter.
///
/// It opens on an overview sheet (the top unit's headline figures and statuses, then scope, cards
/// and errors), then one sheet per level (named in the report language), numbers stored as
/// numbers (`0.00%` for percent indicators), status cells coloured green/yellow/red/grey, header
/// row frozen, autofilter on, columns sized to their content; with a history store a year-to-date
/// sheet (年度累计); then a sheet of findings and one of the files read. Text
/// from the data is always written with `worksheet_write_string`, so a unit called `=HYPERLINK(…)`
/// stays text and never becomes a formula. The document's creation time comes from
/// `SOURCE_DATE_EPOCH` (or the last day of the period), so the same input gives the same bytes.
public enum XLSXWorkbook {
    public static func write(
        _ evaluation: Evaluation, findings: [Finding], language: Language = .zh, history: ReportHistory? = nil,
        to path: String
    ) throws {
        try write(evaluation, findings: findings, language: language, history: history, to: path, constantMemory: true)
    }

    /// `write`, with libxlsxwriter's constant-memory mode or (for tests) without it.
    static func write(
        _ evaluation: Evaluation, findings: [Finding], language: Language, history: ReportHistory?,
        to path: String, constantMemory: Bool
    ) throws {
        try write(
            EvaluationIndex(evaluation), strings: try ReportStrings(language: language), findings: findings, history: history,
            to: path, constantMemory: constantMemory)
    }

    /// The workbook over an index and wording already made (one for all the outputs of a report).
    /// `beforeClose` runs when every sheet is written, before the file is: when it throws, no
    /// file is written and its error is thrown.
    static func write(
        _ index: EvaluationIndex, strings: ReportStrings, findings: [Finding], history: ReportHistory?, to path: String,
        constantMemory: Bool = true, beforeClose: () throws -> Void = {}
    ) throws {
        let evaluation = index.evaluation
        let properties = XLSXFile.Properties(
            title: strings.fill("workbook.title", ["period": strings.period(evaluation.period)]),
            author: "jiceng " + evaluation.toolVersion,
            created: creationTime(for: evaluation.period, environment: ProcessInfo.processInfo.environment))
        try XLSXFile.write(to: path, properties: properties, constantMemory: constantMemory, beforeClose: beforeClose) { writer in
            try writeOverviewSheet(
                index, findings: findings, history: evaluation.period.quarter != nil ? history : nil,
                strings: strings, writer: &writer)
            let levels = UnitLevel.allCases.filter { level in evaluation.units.contains { $0.level == level } }
            // Grouped once for all the level sheets.
            let resultsByUnit = Self.byUnit(evaluation.results, unit: \.unitId, indicator: \.indicator, order: evaluation.indicators)
            for level in levels {
                try writeLevelSheet(level, index: index, resultsByUnit: resultsByUnit, strings: strings, writer: &writer)
            }
            if evaluation.period.quarter != nil, let table = history?.yearToDate {
                try writeYearToDateSheet(table, index: index, strings: strings, writer: &writer)
            }
            try writeFindingsSheet(findings, strings: strings, writer: &writer)
            try writeFilesSheet(evaluation.dataQuality.files, strings: strings, writer: &writer)
        }
    }

    /// `SOURCE_DATE_EPOCH` when set to a whole number of seconds, else midnight UTC of the last day
    /// of the period: never the wall clock, so that two runs give identical files.
    static func creationTime(for period: Period, environment: [String: String]) -> time_t {
        if let text = environment["SOURCE_DATE_EPOCH"]?.trimmingSpaces(), let seconds = Int64(text), seconds >= 0 {
            return time_t(seconds)
        }
        return time_t(Int64(period.lastDay.dayNumber) * 86_400)
    }

    private static func writeLevelSheet(
        _ level: UnitLevel, index: EvaluationIndex, resultsByUnit: [String: [Int]], strings: ReportStrings,
        writer: inout SheetWriter
    ) throws {
        let e = index.evaluation
        let sheet = try writer.addSheet(strings.level(level))
        let headers = [
            strings["workbook.unitId"], strings["col.unit"], strings["col.parent"], strings["workbook.indicatorKey"],
            strings["col.indicator"], strings["col.value"], strings["col.numerator"], strings["col.denominator"],
            strings["col.target"], strings["workbook.comparator"], strings["col.status"],
        ]
        try writer.header(sheet, headers)

        var row: UInt32 = 1
        for unit in e.units where unit.level == level {
            for i in resultsByUnit[unit.id] ?? [] {
                let r = e.results[i]
                let format = index.format(r.indicator)
                let numberFormat = writer.numberFormat(format)
                try writer.text(sheet, row, 0, unit.id)
                try writer.text(sheet, row, 1, unit.name)
                try writer.text(sheet, row, 2, index.parentName(of: unit))
                try writer.text(sheet, row, 3, r.indicator)
                try writer.text(sheet, row, 4, index.title(r.indicator, strings.language))
                try writer.number(sheet, row, 5, r.value, numberFormat, width: format.text(r.value))
                try writer.number(sheet, row, 6, r.numerator, nil, width: DisplayFormat.count.text(r.numerator))
                try writer.number(sheet, row, 7, r.denominator, nil, width: DisplayFormat.count.text(r.denominator))
                try writer.number(sheet, row, 8, r.target, numberFormat, width: format.text(r.target))
                try writer.text(sheet, row, 9, r.comparator?.rawValue ?? "")
                try writer.text(sheet, row, 10, strings.status(r.status), writer.statusFormat(r.status))
                row += 1
            }
        }
        try writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }

    /// The sheet the workbook opens on: the top unit's headline indicators with value, target and
    /// status (with a history store also the year to date, completion, pace, 环比 and 同比), then
    /// what the reader should know about the period: scope, cards, errors.
    private static func writeOverviewSheet(
        _ index: EvaluationIndex, findings: [Finding], history: ReportHistory?,
        strings: ReportStrings, writer: inout SheetWriter
    ) throws {
        let e = index.evaluation
        let sheet = try writer.addSheet(strings["workbook.overviewSheet"])
        var headers = [
            strings["col.indicator"], strings["workbook.indicatorKey"], strings["col.value"], strings["col.target"],
            strings["col.status"],
        ]
        if history != nil {
            headers += [
                strings["year.ytd"], strings["year.yearTarget"], strings["year.completion"], strings["year.paceTarget"],
                strings["col.status"], strings["year.qoq"], strings["year.yoy"],
            ]
        }
        try writer.header(sheet, headers)
        var row: UInt32 = 1
        if let top = index.top {
            var ytd: [String: YearToDateResult] = [:]
            for r in history?.yearToDate?.results ?? [] where r.unitId == top.id { ytd[r.indicator] = r }
            let named = index.indicators(named: e.headline)
            for info in named.isEmpty ? e.indicators : named {
                let format = DisplayFormat(display: info.display)
                let numberFormat = writer.numberFormat(format)
                let r = index.result(top.id, info.name)
                try writer.text(sheet, row, 0, info.title.text(strings.language))
                try writer.text(sheet, row, 1, info.name)
                try writer.number(sheet, row, 2, r?.value, numberFormat, width: format.text(r?.value))
                try writer.text(sheet, row, 3, format.targetText(r?.target, comparator: r?.comparator))
                try writer.text(sheet, row, 4, strings.status(r?.status ?? .noData), writer.statusFormat(r?.status ?? .noData))
                if let history {
                    let y = ytd[info.name]
                    let year = HeadlineYear(
                        indicator: info, top: top, index: index, history: history, yearToDate: ytd,
                        strings: strings, withCharts: false)
                    try writer.number(sheet, row, 5, y?.value, numberFormat, width: format.text(y?.value))
                    try writer.text(sheet, row, 6, y?.target == nil ? "" : format.targetText(y?.target, comparator: y?.comparator))
                    try writer.number(sheet, row, 7, y?.completion, writer.percentFormat, width: DisplayFormat.percent.text(y?.completion))
                    try writer.number(sheet, row, 8, y?.paceTarget, numberFormat, width: format.text(y?.paceTarget))
                    if let y { try writer.text(sheet, row, 9, strings.status(y.status), writer.statusFormat(y.status)) }
                    try writer.text(sheet, row, 10, year.qoqText)
                    try writer.text(sheet, row, 11, year.yoyText)
                }
                row += 1
            }
        }
        // The filter covers the table only, and is set before the rows below it (constant memory).
        try writer.filter(sheet, rows: row, columns: UInt16(headers.count))
        // What the period's figures rest on, below the table (outside its filter).
        let cards = CardSection(index, strings: strings)
        let rejected = e.dataQuality.files.reduce(Int64(0)) { $0 + $1.rowsRejected }
        let facts: [(String, String)] = [
            (
                strings["meta.period"],
                strings.fill(
                    "meta.periodLine",
                    [
                        "period": strings.period(e.period),
                        "range": strings.fill("period.range", ["from": e.period.firstDay.description, "to": e.period.lastDay.description]),
                    ])
            ),
            (strings["meta.topUnit"], index.top?.name ?? ""),
            (strings["meta.pipeline"], e.pipelineName),
            (strings["workbook.redCards"], cards.redCount),
            (strings["workbook.yellowCards"], cards.yellowCount),
            (strings["workbook.errors"], DisplayFormat.count(e.dataQuality.errors)),
            (strings["workbook.warnings"], DisplayFormat.count(e.dataQuality.warnings)),
            (strings["workbook.rowsRejected"], DisplayFormat.count(rejected)),
        ]
        row += 1
        try writer.text(sheet, row, 0, strings["workbook.facts"], writer.headerFormat)
        row += 1
        for (label, value) in facts {
            try writer.text(sheet, row, 0, label)
            try writer.text(sheet, row, 1, value)
            row += 1
        }
        try writer.text(sheet, row, 0, strings["workbook.sheetsNote"])
        try writer.finish(sheet, columns: UInt16(headers.count))
    }

    /// The year-to-date table (`indicators_ytd.csv`) as a sheet: every unit in hierarchy order with
    /// its indicators in pipeline order, the year's target, the pace target, the completion share
    /// and the status against the pace.
    private static func writeYearToDateSheet(
        _ table: YearToDateTable, index: EvaluationIndex, strings: ReportStrings,
        writer: inout SheetWriter
    ) throws {
        let sheet = try writer.addSheet(strings["workbook.ytdSheet"])
        let headers = [
            strings["workbook.unitId"], strings["col.unit"], strings["workbook.level"], strings["col.parent"],
            strings["workbook.indicatorKey"], strings["col.indicator"], strings["year.ytd"], strings["col.numerator"],
            strings["col.denominator"], strings["year.yearTarget"], strings["workbook.comparator"], strings["year.paceTarget"],
            strings["year.completion"], strings["col.status"],
        ]
        try writer.header(sheet, headers)
        let resultsByUnit = Self.byUnit(table.results, unit: \.unitId, indicator: \.indicator, order: index.evaluation.indicators)
        var names: [String: String] = [:]
        for unit in table.units where names[unit.id] == nil { names[unit.id] = unit.name }

        var row: UInt32 = 1
        for unit in table.units {
            for i in resultsByUnit[unit.id] ?? [] {
                let r = table.results[i]
                let format = index.format(r.indicator)
                let numberFormat = writer.numberFormat(format)
                try writer.text(sheet, row, 0, unit.id)
                try writer.text(sheet, row, 1, unit.name)
                try writer.text(sheet, row, 2, strings.level(unit.level))
                try writer.text(sheet, row, 3, unit.parentId.flatMap { names[$0] } ?? "")
                try writer.text(sheet, row, 4, r.indicator)
                try writer.text(sheet, row, 5, index.title(r.indicator, strings.language))
                try writer.number(sheet, row, 6, r.value, numberFormat, width: format.text(r.value))
                try writer.number(sheet, row, 7, r.numerator, nil, width: DisplayFormat.count.text(r.numerator))
                try writer.number(sheet, row, 8, r.denominator, nil, width: DisplayFormat.count.text(r.denominator))
                try writer.number(sheet, row, 9, r.target, numberFormat, width: format.text(r.target))
                try writer.text(sheet, row, 10, r.comparator?.rawValue ?? "")
                try writer.number(sheet, row, 11, r.paceTarget, numberFormat, width: format.text(r.paceTarget))
                try writer.number(sheet, row, 12, r.completion, writer.percentFormat, width: DisplayFormat.percent.text(r.completion))
                try writer.text(sheet, row, 13, strings.status(r.status), writer.statusFormat(r.status))
                row += 1
            }
        }
        try writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }

    private static func writeFindingsSheet(_ findings: [Finding], strings: ReportStrings, writer: inout SheetWriter) throws {
        let sheet = try writer.addSheet(strings["workbook.findingsSheet"])
        let headers = [
            strings["col.severity"], strings["col.code"], strings["col.meaning"], strings["col.dataset"],
            strings["col.file"], strings["workbook.line"], strings["workbook.column"], strings["col.found"],
            strings["col.message"],
        ]
        try writer.header(sheet, headers)
        var row: UInt32 = 1
        for f in findings.sorted(by: Finding.reportOrder) {
            try writer.text(
                sheet, row, 0, strings["severity." + f.severity.rawValue],
                f.severity == .error ? writer.statusFormat(.missed) : writer.statusFormat(.warning))
            try writer.text(sheet, row, 1, f.code.rawValue)
            try writer.text(sheet, row, 2, strings["finding." + f.code.rawValue])
            try writer.text(sheet, row, 3, f.dataset ?? "")
            try writer.text(sheet, row, 4, f.file ?? "")
            try writer.number(sheet, row, 5, f.line.map(Double.init), nil, width: f.line.map(String.init) ?? "")
            try writer.text(sheet, row, 6, f.column ?? "")
            try writer.text(sheet, row, 7, f.value ?? "")
            try writer.text(sheet, row, 8, f.message.text(strings.language))
            row += 1
        }
        try writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }

    private static func writeFilesSheet(_ files: [FileSummary], strings: ReportStrings, writer: inout SheetWriter) throws {
        let sheet = try writer.addSheet(strings["workbook.filesSheet"])
        let headers = [
            strings["col.dataset"], strings["col.file"], strings["col.encoding"], strings["col.rowsRead"],
            strings["col.rowsAccepted"], strings["col.rowsRejected"], strings["col.rowsOutOfPeriod"], "SHA-256",
        ]
        try writer.header(sheet, headers)
        var row: UInt32 = 1
        for f in files {
            try writer.text(sheet, row, 0, f.dataset)
            try writer.text(sheet, row, 1, f.file)
            try writer.text(sheet, row, 2, f.encoding)
            let counts = [f.rowsRead, f.rowsAccepted, f.rowsRejected, f.rowsOutOfPeriod]
            for (i, count) in counts.enumerated() {
                try writer.number(sheet, row, UInt16(3 + i), Double(count), writer.countFormat, width: DisplayFormat.count(count))
            }
            try writer.text(sheet, row, 7, f.sha256)
            row += 1
        }
        try writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }

    /// Result rows grouped by unit, each unit's in the pipeline's indicator order (indicators it
    /// does not list last, by name): the row order of every per-unit sheet.
    /// The positions in `results` of each unit's rows, in the pipeline's order of indicators.
    /// Positions rather than copies: a result is a large value, and there are tens of thousands.
    private static func byUnit<Row>(
        _ results: [Row], unit: KeyPath<Row, String>, indicator: KeyPath<Row, String>,
        order indicators: [IndicatorInfo]
    ) -> [String: [Int]] {
        var order: [String: Int] = [:]
        for (i, info) in indicators.enumerated() where order[info.name] == nil { order[info.name] = i }
        // Each row's place in the pipeline's order is looked up once, not at every comparison.
        var grouped: [String: [(rank: Int, position: Int)]] = [:]
        for (position, r) in results.enumerated() {
            grouped[r[keyPath: unit], default: []].append((order[r[keyPath: indicator]] ?? Int.max, position))
        }
        return grouped.mapValues { rows in
            rows.sorted { a, b in
                if a.rank != b.rank { return a.rank < b.rank }
                return results[a.position][keyPath: indicator].utf8.lexicographicallyPrecedes(results[b.position][keyPath: indicator].utf8)
            }.map(\.position)
        }
    }
}
