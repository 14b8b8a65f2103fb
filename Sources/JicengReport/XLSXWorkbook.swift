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
        guard let workbook = workbook_new(path) else {
            throw JicengError(.ioFailure, "cannot create workbook \(path)")
        }
        var writer = SheetWriter(workbook: workbook)

        let title = strdup(strings.fill("workbook.title", ["period": strings.period(evaluation.period)]))
        let author = strdup("jiceng " + evaluation.toolVersion)
        defer {
            free(title)
            free(author)
        }
        var properties = lxw_doc_properties()
        properties.title = title
        properties.author = author
        properties.created = creationTime(for: evaluation.period, environment: ProcessInfo.processInfo.environment)
        workbook_set_properties(workbook, &properties)

        let index = EvaluationIndex(evaluation)
        let levels = UnitLevel.allCases.filter { level in evaluation.units.contains { $0.level == level } }
        for level in levels {
            try writeLevelSheet(level, index: index, strings: strings, writer: &writer)
        }
        try writeFindingsSheet(findings, strings: strings, writer: &writer)
        try writeFilesSheet(evaluation.dataQuality.files, strings: strings, writer: &writer)

        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            throw JicengError(.ioFailure, "cannot write workbook \(path): \(String(cString: lxw_strerror(status)))")
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
        writer.header(sheet, headers)
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
                writer.text(sheet, row, 0, unit.id)
                writer.text(sheet, row, 1, unit.name)
                writer.text(sheet, row, 2, index.parentName(of: unit))
                writer.text(sheet, row, 3, r.indicator)
                writer.text(sheet, row, 4, index.title(r.indicator, strings.language))
                writer.number(sheet, row, 5, r.value, numberFormat, width: format.text(r.value))
                writer.number(sheet, row, 6, r.numerator, nil, width: DisplayFormat.count.text(r.numerator))
                writer.number(sheet, row, 7, r.denominator, nil, width: DisplayFormat.count.text(r.denominator))
                writer.number(sheet, row, 8, r.target, numberFormat, width: format.text(r.target))
                writer.text(sheet, row, 9, r.comparator?.rawValue ?? "")
                writer.text(sheet, row, 10, strings.status(r.status), writer.statusFormat(r.status))
                row += 1
            }
        }
        writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }

    private static func writeFindingsSheet(_ findings: [Finding], strings: ReportStrings, writer: inout SheetWriter) throws {
        let sheet = try writer.addSheet(strings["workbook.findingsSheet"])
        let headers = [strings["col.severity"], strings["col.code"], strings["col.meaning"], strings["col.dataset"],
                       strings["col.file"], strings["workbook.line"], strings["workbook.column"], strings["col.found"],
                       strings["col.message"]]
        writer.header(sheet, headers)
        var row: UInt32 = 1
        for f in findings.sorted(by: Finding.reportOrder) {
            writer.text(sheet, row, 0, strings["severity." + f.severity.rawValue],
                        f.severity == .error ? writer.statusFormat(.missed) : writer.statusFormat(.warning))
            writer.text(sheet, row, 1, f.code.rawValue)
            writer.text(sheet, row, 2, strings["finding." + f.code.rawValue])
            writer.text(sheet, row, 3, f.dataset ?? "")
            writer.text(sheet, row, 4, f.file ?? "")
            writer.number(sheet, row, 5, f.line.map(Double.init), nil, width: f.line.map(String.init) ?? "")
            writer.text(sheet, row, 6, f.column ?? "")
            writer.text(sheet, row, 7, f.value ?? "")
            writer.text(sheet, row, 8, f.message.text(strings.language))
            row += 1
        }
        writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }

    private static func writeFilesSheet(_ files: [FileSummary], strings: ReportStrings, writer: inout SheetWriter) throws {
        let sheet = try writer.addSheet(strings["workbook.filesSheet"])
        let headers = [strings["col.dataset"], strings["col.file"], strings["col.encoding"], strings["col.rowsRead"],
                       strings["col.rowsAccepted"], strings["col.rowsRejected"], strings["col.rowsOutOfPeriod"], "SHA-256"]
        writer.header(sheet, headers)
        var row: UInt32 = 1
        for f in files {
            writer.text(sheet, row, 0, f.dataset)
            writer.text(sheet, row, 1, f.file)
            writer.text(sheet, row, 2, f.encoding)
            let counts = [f.rowsRead, f.rowsAccepted, f.rowsRejected, f.rowsOutOfPeriod]
            for (i, count) in counts.enumerated() {
                writer.number(sheet, row, UInt16(3 + i), Double(count), writer.countFormat, width: DisplayFormat.count(count))
            }
            writer.text(sheet, row, 7, f.sha256)
            row += 1
        }
        writer.finish(sheet, rows: row, columns: UInt16(headers.count))
    }
}

/// The libxlsxwriter calls of `XLSXWorkbook`: the shared formats, cell writing that never turns
/// text into a formula, and the finishing touches of every sheet (widths, frozen header, filter,
/// A4 landscape printing).
struct SheetWriter {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    let headerFormat: UnsafeMutablePointer<lxw_format>?
    let countFormat: UnsafeMutablePointer<lxw_format>?
    let percentFormat: UnsafeMutablePointer<lxw_format>?
    let decimalFormat: UnsafeMutablePointer<lxw_format>?
    private var statusFormats: [TargetStatus: UnsafeMutablePointer<lxw_format>] = [:]
    /// Estimated display width (Excel character units) per column of the current sheet.
    private var widths: [UInt16: Double] = [:]

    init(workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        headerFormat = workbook_add_format(workbook)
        format_set_bold(headerFormat)
        format_set_pattern(headerFormat, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(headerFormat, 0xDDE3EA)
        format_set_bottom(headerFormat, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(headerFormat, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        format_set_text_wrap(headerFormat)
        countFormat = workbook_add_format(workbook)
        format_set_num_format(countFormat, "#,##0")
        percentFormat = workbook_add_format(workbook)
        format_set_num_format(percentFormat, "0.00%")
        decimalFormat = workbook_add_format(workbook)
        format_set_num_format(decimalFormat, "#,##0.00")
        for status in TargetStatus.allCases {
            let style = StatusStyle(status)
            guard let format = workbook_add_format(workbook) else { continue }
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, style.cellFill)
            format_set_font_color(format, style.cellFont)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            statusFormats[status] = format
        }
    }

    func numberFormat(_ display: DisplayFormat) -> UnsafeMutablePointer<lxw_format>? {
        switch display {
        case .count: return countFormat
        case .percent: return percentFormat
        case .decimal: return decimalFormat
        }
    }

    func statusFormat(_ status: TargetStatus) -> UnsafeMutablePointer<lxw_format>? { statusFormats[status] }

    mutating func addSheet(_ name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw JicengError(.ioFailure, "cannot add worksheet \(name)")
        }
        widths = [:]
        return sheet
    }

    mutating func header(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ titles: [String]) {
        for (i, title) in titles.enumerated() {
            text(sheet, 0, UInt16(i), title, headerFormat)
        }
    }

    /// Writes text as a string cell (never a formula, whatever it starts with).
    mutating func text(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32, _ col: UInt16, _ value: String,
                       _ format: UnsafeMutablePointer<lxw_format>? = nil) {
        var clean = value.replacingOccurrences(of: "\u{0}", with: "")
        if clean.count > 32_767 { clean = String(clean.prefix(32_767)) }
        note(col, SheetWriter.displayWidth(clean))
        if clean.isEmpty {
            if format != nil { worksheet_write_blank(sheet, row, col, format) }
            return
        }
        worksheet_write_string(sheet, row, col, clean, format)
    }

    /// Writes a number cell; an undefined or non-finite value leaves the cell empty.
    mutating func number(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32, _ col: UInt16, _ value: Double?,
                         _ format: UnsafeMutablePointer<lxw_format>?, width shown: String) {
        guard let value, value.isFinite else { return }
        note(col, SheetWriter.displayWidth(shown))
        worksheet_write_number(sheet, row, col, value, format)
    }

    private mutating func note(_ col: UInt16, _ width: Double) {
        widths[col] = max(widths[col] ?? 0, width)
    }

    /// Column widths from the content, frozen header row, autofilter over the table, and A4
    /// landscape printing one page wide with the header repeated.
    mutating func finish(_ sheet: UnsafeMutablePointer<lxw_worksheet>, rows: UInt32, columns: UInt16) {
        for col in 0..<columns {
            let width = min(max((widths[col] ?? 8) + 2, 8), 48)
            worksheet_set_column(sheet, col, col, width, nil)
        }
        worksheet_freeze_panes(sheet, 1, 0)
        worksheet_autofilter(sheet, 0, 0, max(rows, 1) - 1, columns - 1)
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)   // A4
        worksheet_fit_to_pages(sheet, 1, 0)
        worksheet_repeat_rows(sheet, 0, 0)
    }

    /// Width in Excel character units: wide (CJK) characters count 2, others 1.
    static func displayWidth(_ text: String) -> Double {
        var width = 0.0
        for scalar in text.unicodeScalars {
            width += SVGChart.isWide(scalar) ? 2 : 1
        }
        return width
    }
}
