import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

/// Renders summary.html in headless Chromium (CI installs `chromium fonts-noto-cjk poppler-utils`):
/// a screenshot that is not blank, an A4 PDF, and no content wider than the printable width.
///
/// Set `JICENG_REPORT_ARTIFACTS=/some/folder` to keep the HTML, PNG and PDF for a human to look at.
@Suite(
    "summary.html in Chromium",
    .enabled(if: Chromium.path != nil, "chromium is not on PATH: install `chromium fonts-noto-cjk` to run the browser checks"))
struct ChromiumRenderTests {
    @Test("the screenshot is not blank")
    func screenshot() throws {
        let folder = try Chromium.artifacts("screenshot")
        let report = try Chromium.writeReport(LargeFixture.evaluation(), language: .zh, to: folder)
        let blank = folder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body></body></html>".utf8).write(to: blank)

        let shot = folder.appendingPathComponent("summary.png")
        let blankShot = folder.appendingPathComponent("blank.png")
        try Chromium.run(["--window-size=1200,2200", "--screenshot=\(shot.path)", report.absoluteString])
        try Chromium.run(["--window-size=1200,2200", "--screenshot=\(blankShot.path)", blank.absoluteString])

        let png = try Data(contentsOf: shot)
        let size = try #require(Chromium.pngSize(png))
        #expect(size.width == 1200 && size.height == 2200)
        let blankBytes = try Data(contentsOf: blankShot).count
        #expect(png.count > blankBytes * 10, "screenshot (\(png.count) bytes) looks blank next to an empty page (\(blankBytes) bytes)")

        // English too (smaller check: not blank).
        let en = try Chromium.writeReport(LargeFixture.evaluation(), language: .en, to: folder.appendingPathComponent("en"))
        let enShot = folder.appendingPathComponent("summary-en.png")
        try Chromium.run(["--window-size=1200,2200", "--screenshot=\(enShot.path)", en.absoluteString])
        #expect(try Data(contentsOf: enShot).count > blankBytes * 10)
    }

    @Test("nothing is wider than the printable width of A4 (186 mm ≈ 703 px)")
    func fitsA4Width() throws {
        let folder = try Chromium.artifacts("width")
        let report = try Chromium.writeReport(LargeFixture.evaluation(), language: .zh, to: folder)
        // A probe copy with a measuring script; the report itself has none.
        let html = try String(contentsOf: report, encoding: .utf8)
        let script = """
            <script>
            const root = document.documentElement;
            const wide = [...document.querySelectorAll('table, svg, .kpis, h1, p')]
              .filter(e => e.getBoundingClientRect().right > root.clientWidth + 0.5).length;
            document.body.setAttribute('data-overflow', root.scrollWidth + ',' + root.clientWidth + ',' + wide);
            </script>
            """
        let probe = folder.appendingPathComponent("probe.html")
        try Data(html.replacingOccurrences(of: "</body>", with: script + "</body>").utf8).write(to: probe)
        let dom = String(decoding: try Chromium.run(["--window-size=703,1000", "--dump-dom", probe.absoluteString]), as: UTF8.self)
        let match = try #require(dom.range(of: "data-overflow=\"[0-9,]+\"", options: .regularExpression), "the probe did not run")
        let numbers = dom[match].dropFirst("data-overflow=\"".count).dropLast().split(separator: ",").compactMap { Int($0) }
        try #require(numbers.count == 3)
        #expect(numbers[0] <= numbers[1], "document is \(numbers[0]) px wide in a \(numbers[1]) px viewport")
        #expect(numbers[2] == 0, "\(numbers[2]) elements reach beyond the viewport")
    }

    @Test("at 400 px wide (a phone) the page does not scroll sideways and no text column is squeezed to a character or two")
    func readableOnAPhone() throws {
        let folder = try Chromium.artifacts("narrow")
        let evaluation = LargeFixture.evaluation()
        try ReportWriter(language: .zh).write(
            evaluation, findings: Fixture.findings, history: LargeFixture.history(evaluation),
            to: folder.path)
        let html = try String(contentsOf: folder.appendingPathComponent("summary.html"), encoding: .utf8)
        #expect(html.contains("kpi-year"), "the year view is part of what is measured")
        // A probe copy with a measuring script; the report itself has none. Headless Chromium lays
        // out `--dump-dom` at least 500 px wide, so the probe narrows the page to 400 px itself
        // (the narrow-screen rules apply from 600 px down). A cell holding three or more characters
        // must be at least 40 px wide (two CJK characters and the cell's padding): the red-card
        // table once stacked unit names one character per line.
        let script = """
            <script>
            const page = document.body;
            const right = page.getBoundingClientRect().right;
            const narrow = [...document.querySelectorAll('td, th')]
              .filter(c => c.textContent.trim().length >= 3 && c.getBoundingClientRect().width < 40).length;
            const outside = [...document.querySelectorAll('.kpi, .banner, h1, h2, p, .legend, .scroll')]
              .filter(e => e.getBoundingClientRect().right > right + 0.5).length;
            page.setAttribute('data-narrow', page.scrollWidth + ',' + Math.round(right) + ',' + narrow + ',' + outside);
            </script>
            """
        let probe = folder.appendingPathComponent("probe.html")
        let narrowed = html.replacingOccurrences(of: "</head>", with: "<style>html, body { width: 400px; }</style></head>")
            .replacingOccurrences(of: "</body>", with: script + "</body>")
        try Data(narrowed.utf8).write(to: probe)
        let dom = String(decoding: try Chromium.run(["--window-size=400,1000", "--dump-dom", probe.absoluteString]), as: UTF8.self)
        let match = try #require(dom.range(of: "data-narrow=\"[0-9,]+\"", options: .regularExpression), "the probe did not run")
        let numbers = dom[match].dropFirst("data-narrow=\"".count).dropLast().split(separator: ",").compactMap { Int($0) }
        try #require(numbers.count == 4)
        #expect(numbers[1] == 400, "the probe's page is \(numbers[1]) px wide")
        #expect(numbers[0] <= numbers[1], "the page's content is \(numbers[0]) px wide in \(numbers[1]) px")
        #expect(numbers[2] == 0, "\(numbers[2]) table cells are narrower than 40 px")
        #expect(numbers[3] == 0, "\(numbers[3]) cards, headings, paragraphs or table boxes reach beyond the page")
        let shot = folder.appendingPathComponent("summary-400.png")
        try Chromium.run([
            "--window-size=400,2400", "--screenshot=\(shot.path)", folder.appendingPathComponent("summary.html").absoluteString,
        ])
        #expect(Chromium.pngSize(try Data(contentsOf: shot))?.width == 400)
    }

    @Test(
        "prints to A4 PDF pages with nothing in the right margin",
        .enabled(
            if: TestFiles.executable("pdfinfo") != nil && TestFiles.executable("pdftoppm") != nil,
            "pdfinfo/pdftoppm (poppler-utils) not on PATH"))
    func printsToA4() throws {
        let folder = try Chromium.artifacts("pdf")
        let report = try Chromium.writeReport(LargeFixture.evaluation(), language: .zh, to: folder)
        let pdf = folder.appendingPathComponent("summary.pdf")
        try Chromium.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", report.absoluteString])
        let info = String(decoding: try TestFiles.run(TestFiles.executable("pdfinfo")!, [pdf.path]), as: UTF8.self)
        #expect(info.contains("(A4)"), "not A4: \(info)")
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages >= 2 && pages <= 40, "\(pages) pages")

        // Rasterise at 30 dpi: the 12 mm right margin (≈ 14 px) must stay white on every page,
        // while the page body has ink.
        let prefix = folder.appendingPathComponent("page").path
        try TestFiles.run(TestFiles.executable("pdftoppm")!, ["-r", "30", pdf.path, prefix])
        let pageFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("page") && $0.hasSuffix(".ppm")
        }.sorted()
        #expect(pageFiles.count == pages)
        for name in pageFiles {
            let image = try #require(PPM(try Data(contentsOf: folder.appendingPathComponent(name))), "\(name) is not a PPM")
            let strip = (image.width - 8)..<image.width
            #expect(image.isWhite(columns: strip), "\(name): something reaches into the right margin")
            #expect(!image.isWhite(columns: 20..<(image.width - 20)), "\(name) is empty")
        }
    }
}

/// Headless Chromium, run with its own throw-away profile.
enum Chromium {
    static let path = TestFiles.executable("chromium") ?? TestFiles.executable("chromium-browser")

    @discardableResult
    static func run(_ arguments: [String]) throws -> Data {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try TestFiles.run(
            path!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile.path)",
            ] + arguments, timeout: 90)
    }

    /// A folder for the files of one test: under `JICENG_REPORT_ARTIFACTS` when set, else temporary.
    static func artifacts(_ name: String) throws -> URL {
        if let base = ProcessInfo.processInfo.environment["JICENG_REPORT_ARTIFACTS"], !base.isEmpty {
            let url = URL(fileURLWithPath: base).appendingPathComponent(name)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        return try TestFiles.temporaryFolder(name)
    }

    static func writeReport(_ e: Evaluation, language: Language, to folder: URL) throws -> URL {
        try ReportWriter(language: language).write(e, findings: Fixture.findings, to: folder.path)
        return folder.appendingPathComponent("summary.html")
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]
        else { return nil }
        func be(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }
}

/// A binary PPM (P6) image as `pdftoppm` writes it.
struct PPM {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var fields: [Int] = []
        var i = 2
        guard bytes.count > 2, bytes[0] == 0x50, bytes[1] == 0x36 else { return nil }
        while fields.count < 3 && i < bytes.count {
            while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 }
            var n = 0
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                n = n * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            fields.append(n)
        }
        i += 1
        guard fields.count == 3, fields[2] == 255, bytes.count >= i + fields[0] * fields[1] * 3 else { return nil }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[i..<(i + width * height * 3)])
    }

    /// True when every pixel in these columns is (nearly) white.
    func isWhite(columns: Range<Int>) -> Bool {
        for y in 0..<height {
            for x in columns {
                let p = (y * width + x) * 3
                if pixels[p] < 245 || pixels[p + 1] < 245 || pixels[p + 2] < 245 { return false }
            }
        }
        return true
    }
}
