import CXLSXWriter
import Foundation
import JicengAggregate
import JicengCore

/// `indicators.xlsx`: the indicator table for analysts who work in Excel or WPS, written with
/// libxlsxwriter.
///
/// One sheet per level (named in the report language), numbers stored as numbers (`0.00%` for
/// percent indicators), status cells coloured green/yellow/red/grey, header row frozen, autofilter
/// on, columns sized to their content, then a sheet of findings and one of the files read. Text
/// from the data is always written with `worksheet_write_string`, so a unit called `=HYPERLINK(…)`
/// stays text and never becomes a formula. The document's creation time comes from
/// `SOURCE_DATE_EPOCH` (or the last day of the period), so the same input gives the same bytes.
public enum XLSXWorkbook {
    public static func write(_ evaluation: Evaluation, findings: [Finding], language: Language = .zh, to path: String) throws {
        let strings = try ReportStrings(language: language)
        let properties = XLSXFile.Properties(
            title: strings.fill("workbook.title", ["period": strings.period(evaluation.period)]),
            author: "jiceng " + evaluation.toolVersion,
            created: creationTime(for: evaluation.period, environment: ProcessInfo.processInfo.environment))
        try XLSXFile.write(to: path, properties: properties) { writer in
            let index = EvaluationIndex(evaluation)
            let levels = UnitLevel.allCases.filter { level in evaluation.units.contains { $0.level == level } }
            for level in levels {
                try writeLevelSheet(level, index: index, strings: strings, writer: &writer)
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

    private static func writeLevelSheet(_ level: UnitLevel, index: EvaluationIndex, strings: ReportStrings,
                                        writer: inout SheetWriter) throws {
        let e = index.evaluation
        let sheet = try writer.addSheet(strings.level(level))
        let headers = [strings["workbook.unitId"], strings["col.unit"], strings["col.parent"], strings["workbook.indicatorKey"],
                       strings["col.indicator"], strings["col.value"], strings["col.numerator"], strings["col.denominator"],
                       strings["col.target"], strings["workbook.comparator"], strings["col.status"]]
        try writer.header(sheet, headers)
        var order: [String: Int] = [:]
        for (i, info) in e.indicators.enumerated() where order[info.name] == nil { order[info.name] = i }
        var resultsByUnit: [String: [IndicatorResult]] = [:]
        for r in e.results { resultsByUnit[r.unitId, default: []].append(r) }

        var row: UInt32 = 1
        for unit in e.units where unit.level == level {
            let results = (resultsByUnit[unit.id] ?? []).sorted { a, b in
                let oa = order[a.indicator] ?? Int.max, ob = order[b.indicator] ?? Int.max
                if oa != ob { return oa < ob }
                return a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8)
            }
            for r in results {
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

    private static func writeFindingsSheet(_ findings: [Finding], strings: ReportStrings, writer: inout SheetWriter) throws {
        let sheet = try writer.addSheet(strings["workbook.findingsSheet"])
        let headers = [strings["col.severity"], strings["col.code"], strings["col.meaning"], strings["col.dataset"],
                       strings["col.file"], strings["workbook.line"], strings["workbook.column"], strings["col.found"],
                       strings["col.message"]]
        try writer.header(sheet, headers)
        var row: UInt32 = 1
        for f in findings.sorted(by: Finding.reportOrder) {
            try writer.text(sheet, row, 0, strings["severity." + f.severity.rawValue],
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
        let headers = [strings["col.dataset"], strings["col.file"], strings["col.encoding"], strings["col.rowsRead"],
                       strings["col.rowsAccepted"], strings["col.rowsRejected"], strings["col.rowsOutOfPeriod"], "SHA-256"]
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
}
