import Foundation
import JicengCore
import Testing

/// `SampleData/errors/EXPECTED.md` agrees with the hand-written files it describes: one planted
/// finding per code of contract §7 (but `field-too-large`), every named file exists, and every
/// named line holds the named value.
@Suite struct ErrorsDropTests {
    struct Row {
        var severity: String, code: String, dataset: String, file: String, line: String, column: String, value: String
    }

    static let folder = TestSupport.packageRoot + "/SampleData/errors"

    static func expectedRows() throws -> [Row] {
        let text = try String(contentsOfFile: folder + "/EXPECTED.md", encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> Row? in
            guard line.hasPrefix("| "), !line.hasPrefix("| severity") else { return nil }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7 else { return nil }
            return Row(
                severity: cells[0], code: cells[1], dataset: cells[2], file: cells[3], line: cells[4],
                column: cells[5], value: cells[6])
        }
    }

    @Test func oneFindingPerCodeButFieldTooLarge() throws {
        let rows = try ErrorsDropTests.expectedRows()
        let codes = rows.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes) == Set(FindingCode.allCases.map(\.rawValue)).subtracting(["field-too-large", "history-gap"]))
        #expect(
            rows.filter { $0.severity == "warning" }.map(\.code).sorted() == [
                "missing-file", "out-of-period", "unknown-column", "unknown-file",
            ])
        #expect(rows.filter { $0.severity == "error" }.count == 13)
    }

    @Test func namedFilesAndLinesHoldTheValues() throws {
        let rows = try ErrorsDropTests.expectedRows()
        let files = try FileManager.default.contentsOfDirectory(atPath: ErrorsDropTests.folder).filter { $0.hasSuffix(".csv") }
        #expect(!files.contains { $0.hasPrefix("property_companies") })
        #expect(try TestSupport.bytes(ErrorsDropTests.folder + "/grids-empty.csv").isEmpty)
        let bad = try TestSupport.bytes(ErrorsDropTests.folder + "/services-bad-encoding.csv")
        #expect(String(validating: bad, as: UTF8.self) == nil)
        #expect(throws: (any Error).self) { try TestCSV.decodeGB18030(bad) }
        for row in rows where row.file != "—" {
            #expect(files.contains(row.file), "\(row.file) exists")
            guard let line = Int(row.line), row.value != "—" else { continue }
            var bytes = try TestSupport.bytes(ErrorsDropTests.folder + "/" + row.file)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            let text = try String(validating: bytes, as: UTF8.self) ?? TestCSV.decodeGB18030(bytes)
            let physical = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            #expect(physical.count > line && physical[line - 1].contains(row.value), "\(row.file):\(line) holds \(row.value)")
        }
    }

    /// Apart from the planted problems, the drop reads as valid to the independent checker.
    @Test func goodRowsAreValid() throws {
        let check = try ContractCheck(folder: ErrorsDropTests.folder, period: Period(year: 2022, quarter: 2))
        // The checker has no notion of most planted problems; it must flag only planted lines.
        let planted: Set<String> = [
            "grids.csv:3", "requests-a.csv:5", "requests-a.csv:6", "requests-a.csv:7",
            "requests-b.csv:3", "requests-b.csv:4", "requests-b.csv:5", "services.csv:3", "services.csv:7",
        ]
        for problem in check.problems {
            let planted =
                planted.contains { problem.hasPrefix($0 + ":") }
                || problem.contains("services-") || problem.contains("grids-empty") || problem.contains("unknown column 备注")
            #expect(planted, "unplanted problem: \(problem)")
        }
    }
}
