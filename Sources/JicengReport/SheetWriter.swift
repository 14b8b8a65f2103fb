import CXLSXWriter
import JicengAggregate
import JicengCore

/// The libxlsxwriter calls of `XLSXWorkbook`: the shared formats, cell writing that never turns
/// text into a formula, and the finishing touches of every sheet (widths, frozen header, filter,
/// A4 landscape printing).
///
/// Every call that returns an `lxw_error` is checked: a refusal (a row beyond Excel's limit, a
/// string too long, no memory) is an `io-failure` naming the file, the sheet and the cell, with
/// libxlsxwriter's own reason (`lxw_strerror`). `XLSXFile` owns the workbook and frees it.
struct SheetWriter {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    /// The file being written, for messages.
    let path: String
    let headerFormat: UnsafeMutablePointer<lxw_format>
    let countFormat: UnsafeMutablePointer<lxw_format>
    let percentFormat: UnsafeMutablePointer<lxw_format>
    let decimalFormat: UnsafeMutablePointer<lxw_format>
    private var statusFormats: [TargetStatus: UnsafeMutablePointer<lxw_format>] = [:]
    /// Estimated display width (Excel character units) per column of the current sheet.
    private var widths: [UInt16: Double] = [:]
    private var sheetName = ""

    /// Excel's (and libxlsxwriter's) longest cell text, in Unicode scalars.
    static let maxTextScalars = 32_767

    init(workbook: UnsafeMutablePointer<lxw_workbook>, path: String) throws {
        self.workbook = workbook
        self.path = path
        func newFormat() throws -> UnsafeMutablePointer<lxw_format> {
            guard let format = workbook_add_format(workbook) else {
                throw JicengError(.ioFailure, "cannot write \(path): \(String(cString: lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)))")
            }
            return format
        }
        headerFormat = try newFormat()
        format_set_bold(headerFormat)
        format_set_pattern(headerFormat, UInt8(LXW_PATTERN_SOLID.rawValue))
        format_set_bg_color(headerFormat, 0xDDE3EA)
        format_set_bottom(headerFormat, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_align(headerFormat, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        format_set_text_wrap(headerFormat)
        countFormat = try newFormat()
        format_set_num_format(countFormat, "#,##0")
        percentFormat = try newFormat()
        format_set_num_format(percentFormat, "0.00%")
        decimalFormat = try newFormat()
        format_set_num_format(decimalFormat, "#,##0.00")
        for status in TargetStatus.allCases {
            let style = StatusStyle(status)
            let format = try newFormat()
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, style.cellFill)
            format_set_font_color(format, style.cellFont)
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            statusFormats[status] = format
        }
    }

    func numberFormat(_ display: DisplayFormat) -> UnsafeMutablePointer<lxw_format> {
        switch display {
        case .count: return countFormat
        case .percent: return percentFormat
        case .decimal: return decimalFormat
        }
    }

    func statusFormat(_ status: TargetStatus) -> UnsafeMutablePointer<lxw_format>? { statusFormats[status] }

    mutating func addSheet(_ name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        let valid = workbook_validate_sheet_name(workbook, name)
        guard valid == LXW_NO_ERROR, let sheet = workbook_add_worksheet(workbook, name) else {
            let reason = valid == LXW_NO_ERROR ? LXW_ERROR_MEMORY_MALLOC_FAILED : valid
            throw JicengError(.ioFailure, "cannot write \(path) (sheet \(name)): \(String(cString: lxw_strerror(reason)))")
        }
        widths = [:]
        sheetName = name
        return sheet
    }

    mutating func header(_ sheet: UnsafeMutablePointer<lxw_worksheet>, _ titles: [String]) throws {
        for (i, title) in titles.enumerated() {
            try text(sheet, 0, UInt16(i), title, headerFormat)
        }
    }

    /// Writes text as a string cell (never a formula, whatever it starts with), cut to Excel's
    /// 32,767 characters (Unicode scalars, as libxlsxwriter counts them).
    mutating func text(
        _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32, _ col: UInt16, _ value: String,
        _ format: UnsafeMutablePointer<lxw_format>? = nil
    ) throws {
        var clean = value
        if value.utf8.withContiguousStorageIfAvailable({ $0.contains(0) }) ?? value.utf8.contains(0) {
            clean = value.replacingOccurrences(of: "\u{0}", with: "")
        }
        // A scalar is at least one UTF-8 byte: only a long text can have too many.
        if clean.utf8.count > SheetWriter.maxTextScalars && clean.unicodeScalars.count > SheetWriter.maxTextScalars {
            clean = String(String.UnicodeScalarView(clean.unicodeScalars.prefix(SheetWriter.maxTextScalars)))
        }
        note(col, SheetWriter.displayWidth(clean))
        if clean.isEmpty {
            if format != nil { try check(worksheet_write_blank(sheet, row, col, format), row: row, col: col) }
            return
        }
        try check(worksheet_write_string(sheet, row, col, clean, format), row: row, col: col)
    }

    /// Writes a number cell; an undefined or non-finite value leaves the cell empty.
    mutating func number(
        _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: UInt32, _ col: UInt16, _ value: Double?,
        _ format: UnsafeMutablePointer<lxw_format>?, width shown: String
    ) throws {
        guard let value, value.isFinite else { return }
        note(col, SheetWriter.displayWidth(shown))
        try check(worksheet_write_number(sheet, row, col, value, format), row: row, col: col)
    }

    private mutating func note(_ col: UInt16, _ width: Double) {
        widths[col] = max(widths[col] ?? 0, width)
    }

    /// The autofilter over a table of `rows` rows (the header included). In constant-memory mode
    /// it must come while the table's last row is the row being written: before any row below it.
    func filter(_ sheet: UnsafeMutablePointer<lxw_worksheet>, rows: UInt32, columns: UInt16) throws {
        try check(worksheet_autofilter(sheet, 0, 0, max(rows, 1) - 1, columns - 1), what: "autofilter")
    }

    /// The autofilter over a table that ends the sheet (`filter`), then `finish(_:columns:)`.
    mutating func finish(_ sheet: UnsafeMutablePointer<lxw_worksheet>, rows: UInt32, columns: UInt16) throws {
        try filter(sheet, rows: rows, columns: columns)
        try finish(sheet, columns: columns)
    }

    /// Column widths from the content, frozen header row, and A4 landscape printing one page wide
    /// with the header repeated (the autofilter is `filter`'s).
    mutating func finish(_ sheet: UnsafeMutablePointer<lxw_worksheet>, columns: UInt16) throws {
        for col in 0..<columns {
            let width = min(max((widths[col] ?? 8) + 2, 8), 48)
            try check(worksheet_set_column(sheet, col, col, width, nil), what: "column widths")
        }
        worksheet_freeze_panes(sheet, 1, 0)
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_fit_to_pages(sheet, 1, 0)
        try check(worksheet_repeat_rows(sheet, 0, 0), what: "print titles")
    }

    /// Throws the `io-failure` for a call that did not return `LXW_NO_ERROR`.
    func check(_ status: lxw_error, row: UInt32, col: UInt16) throws {
        guard status != LXW_NO_ERROR else { return }
        try check(status, what: "cell \(SheetWriter.cellName(row: row, col: col))")
    }

    func check(_ status: lxw_error, what: String) throws {
        guard status != LXW_NO_ERROR else { return }
        throw JicengError(.ioFailure, "cannot write \(path) (sheet \(sheetName), \(what)): \(String(cString: lxw_strerror(status)))")
    }

    /// `A1`-style name of a zero-based cell (`row` 0, `col` 27 → `AB1`).
    static func cellName(row: UInt32, col: UInt16) -> String {
        var letters = ""
        var n = Int(col) + 1
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters + String(UInt64(row) + 1)
    }

    /// Width in Excel character units: wide (CJK) characters count 2, others 1.
    static func displayWidth(_ text: String) -> Double {
        // ASCII is never wide: one unit per byte.
        if text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.allSatisfy { $0 < 0x80 } }) == true {
            return Double(text.utf8.count)
        }
        var width = 0.0
        for scalar in text.unicodeScalars {
            width += SVGChart.isWide(scalar) ? 2 : 1
        }
        return width
    }
}
