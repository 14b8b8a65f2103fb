import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

/// libxlsxwriter's return codes reach the caller as `io-failure` errors with its own reason, the
/// workbook is always released, and no half-written workbook is left behind.
@Suite("indicators.xlsx failures")
struct XLSXFailureTests {
    private let properties = XLSXFile.Properties(title: "t", author: "jiceng test", created: 0)

    @Test("a workbook in a folder that does not exist: workbook_close fails, io-failure with lxw_strerror, no file, no folder")
    func closeFails() throws {
        let folder = try TestFiles.temporaryFolder()
        let missing = folder.appendingPathComponent("missing")
        let path = missing.appendingPathComponent("indicators.xlsx").path
        let error = try #require(throws: JicengError.self) {
            try XLSXWorkbook.write(Fixture.evaluation(), findings: Fixture.findings, language: .en, to: path)
        }
        #expect(error.code == .ioFailure)
        #expect(error.message == "cannot write workbook \(path): Error creating output xlsx file. Usually a permissions error.")
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("a cell libxlsxwriter refuses (row 1,048,577): io-failure naming sheet and cell, and nothing written")
    func cellFails() throws {
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("indicators.xlsx").path
        let error = try #require(throws: JicengError.self) {
            try XLSXFile.write(to: path, properties: properties) { writer in
                let sheet = try writer.addSheet("城市")
                try writer.text(sheet, 0, 0, "fits")
                try writer.text(sheet, 1_048_576, 0, "beyond Excel's last row")
            }
        }
        #expect(error.code == .ioFailure)
        #expect(error.message == "cannot write \(path) (sheet 城市, cell A1048577): Worksheet row or column index out of range.")
        // The workbook was freed without being written: no file at all.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // And the same path then takes a good workbook.
        try XLSXFile.write(to: path, properties: properties) { writer in
            let sheet = try writer.addSheet("城市")
            try writer.text(sheet, 0, 0, "fits")
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("a sheet name libxlsxwriter refuses: io-failure with its reason, nothing written")
    func sheetFails() throws {
        let folder = try TestFiles.temporaryFolder()
        let path = folder.appendingPathComponent("indicators.xlsx").path
        let error = try #require(throws: JicengError.self) {
            try XLSXFile.write(to: path, properties: properties) { writer in _ = try writer.addSheet("a/b") }
        }
        #expect(error.message == "cannot write \(path) (sheet a/b): Worksheet name cannot contain invalid characters: '[ ] : * ? / \\'")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("cell names: zero-based row and column to A1 form")
    func cellNames() {
        #expect(SheetWriter.cellName(row: 0, col: 0) == "A1")
        #expect(SheetWriter.cellName(row: 9, col: 25) == "Z10")
        #expect(SheetWriter.cellName(row: 0, col: 26) == "AA1")
        #expect(SheetWriter.cellName(row: 1_048_575, col: 16_383) == "XFD1048576")
    }

    @Test(
        "text longer than 32,767 Unicode scalars is cut there, not refused (40,000 'é' as e + U+0301 are 80,000 scalars)",
        .enabled(if: TestFiles.unzipPath != nil, "needs unzip on PATH to read the workbook"))
    func longTextIsCut() throws {
        let long = String(repeating: "e\u{301}", count: 40_000)
        let url = try TestFiles.temporaryFolder().appendingPathComponent("indicators.xlsx")
        try XLSXWorkbook.write(Fixture.evaluation(m01: long), findings: Fixture.findings, language: .zh, to: url.path)
        // Constant-memory mode: the text is inline in its cell, on a level sheet.
        let sheets = try (1...6).map { try TestFiles.unzip(url, "xl/worksheets/sheet\($0).xml") }.joined()
        // 32,767 scalars: 16,383 pairs and the first half of the next one.
        let cut = String(repeating: "e\u{301}", count: 16_383) + "e"
        #expect(sheets.contains("<t>" + cut + "</t>"))
        #expect(!sheets.contains(cut + "\u{301}"))
    }
}
