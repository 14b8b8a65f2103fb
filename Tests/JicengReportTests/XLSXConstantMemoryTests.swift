import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

/// The workbook is written in libxlsxwriter's constant-memory mode, where strings are inline in
/// their cells instead of in a shared-strings table and rows carry no `spans` hint. These hold
/// every cell (reference, style, type, value or text) and every other part of every sheet equal to
/// the library's default mode.
@Suite("indicators.xlsx in constant-memory mode", .enabled(if: TestFiles.unzipPath != nil, "needs unzip on PATH to read the workbook"))
struct XLSXConstantMemoryTests {
    private struct Cell: Equatable, CustomStringConvertible {
        var ref: String
        var style: String?
        /// `str` for text (shared or inline), else the cell's type (`n` when none).
        var kind: String
        var content: String
        var description: String { "\(ref) s=\(style ?? "-") \(kind) \(content)" }
    }

    private func write(_ e: Evaluation, history: ReportHistory?, language: Language, constantMemory: Bool) throws -> URL {
        let url = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(
            e, findings: Fixture.findings, language: language, history: history, to: url.path, constantMemory: constantMemory)
        return url
    }

    @Test("the same cells, styles and sheet settings as the default mode; no shared strings", arguments: [Language.zh, .en])
    func sameCells(language: Language) throws {
        let cases: [(Evaluation, ReportHistory?)] = [
            (Fixture.evaluation(m01: " leading space", m02: "<b>&amp;</b>", m03: "two\nlines\ttab"), YearFixture.history()),
            (LargeFixture.evaluation(), nil),
        ]
        for (e, history) in cases {
            let standard = try write(e, history: history, language: language, constantMemory: false)
            let constant = try write(e, history: history, language: language, constantMemory: true)
            let shared = try sharedStrings(standard)
            let listing = try TestFiles.run(TestFiles.unzipPath ?? "/usr/bin/unzip", ["-Z1", constant.path])
            let members = String(decoding: listing, as: UTF8.self)
            #expect(members.contains("xl/worksheets/sheet1.xml") && !members.contains("sharedStrings"))
            #expect(try TestFiles.unzip(standard, "xl/workbook.xml") == TestFiles.unzip(constant, "xl/workbook.xml"))
            #expect(try TestFiles.unzip(standard, "xl/styles.xml") == TestFiles.unzip(constant, "xl/styles.xml"))
            for n in 1...(history == nil ? 6 : 7) {
                let a = try TestFiles.unzip(standard, "xl/worksheets/sheet\(n).xml")
                let b = try TestFiles.unzip(constant, "xl/worksheets/sheet\(n).xml")
                let cellsA = cells(a, shared: shared)
                #expect(cellsA.count > 1, "sheet\(n) has no cells")
                #expect(cellsA == cells(b, shared: []), "sheet\(n): cells differ")
                #expect(outsideData(a) == outsideData(b), "sheet\(n): settings differ")
            }
        }
    }

    /// The sheet without its cells: dimension, views, columns, filter, page setup.
    private func outsideData(_ xml: String) -> String {
        guard let start = xml.range(of: "<sheetData>"), let end = xml.range(of: "</sheetData>") else { return xml }
        return String(xml[..<start.lowerBound]) + String(xml[end.upperBound...])
    }

    private func cells(_ xml: String, shared: [String]) -> [Cell] {
        var out: [Cell] = []
        for part in xml.components(separatedBy: "<c r=\"").dropFirst() {
            let ref = String(part.prefix { $0 != "\"" })
            let head = part.prefix { $0 != ">" }
            func attribute(_ name: String) -> String? {
                guard let r = head.range(of: " \(name)=\"") else { return nil }
                return String(head[r.upperBound...].prefix { $0 != "\"" })
            }
            let body = part.components(separatedBy: "</c>").first ?? ""
            func between(_ open: String, _ close: String) -> String {
                guard let o = body.range(of: open), let c = body.range(of: close, range: o.upperBound..<body.endIndex) else { return "" }
                var text = body[o.upperBound..<c.lowerBound]
                if open == "<t", let gt = text.firstIndex(of: ">") { text = text[text.index(after: gt)...] }
                return String(text)
            }
            switch attribute("t") {
            case "s": out.append(Cell(ref: ref, style: attribute("s"), kind: "str", content: shared[Int(between("<v>", "</v>")) ?? 0]))
            case "inlineStr": out.append(Cell(ref: ref, style: attribute("s"), kind: "str", content: between("<t", "</t>")))
            case let t: out.append(Cell(ref: ref, style: attribute("s"), kind: t ?? "n", content: between("<v>", "</v>")))
            }
        }
        return out
    }

    private func sharedStrings(_ url: URL) throws -> [String] {
        let xml = try TestFiles.unzip(url, "xl/sharedStrings.xml")
        return xml.components(separatedBy: "<si>").dropFirst().map { si in
            guard let open = si.range(of: "<t"), let start = si.range(of: ">", range: open.upperBound..<si.endIndex)?.upperBound,
                let end = si.range(of: "</t>")?.lowerBound
            else { return "" }
            return String(si[start..<end])
        }
    }
}
