import Foundation
import Testing

/// The committed sample drops through the real binary, against figures worked out independently:
/// `SampleData/errors/EXPECTED.md` was written by hand with the planted problems, and the totals
/// of `SampleData/README.md` come from the generator's own bookkeeping (`SampleDropSummary`),
/// not from Jiceng's reader or normaliser.
@Suite("SampleData through the real binary")
struct SampleDataBinaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// Rows of the table in EXPECTED.md: severity, code, dataset, file, line, column, value.
    static func expectedFindings() throws -> [[String]] {
        let text = try String(contentsOfFile: root + "/SampleData/errors/EXPECTED.md", encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("| error") || $0.hasPrefix("| warning") }.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test("the errors drop: every planted finding at its file, line, column and value; exit 1")
    func plantedFindings() throws {
        let r = try BinaryHarness.run(["validate", "--data", Self.root + "/SampleData/errors", "--period", "2022Q2", "--format", "json"])
        #expect(r.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let findings = object["findings"] as! [[String: Any]]
        func cell(_ v: Any?) -> String {
            if let s = v as? String { return s }
            if let n = v as? Int { return String(n) }
            return "—"
        }
        let actual = findings.map { f in
            [
                cell(f["severity"]), cell(f["code"]), cell(f["dataset"]), cell(f["file"]), cell(f["line"]), cell(f["column"]),
                cell(f["value"]),
            ]
        }
        let expected = try Self.expectedFindings()
        #expect(expected.count == 17)
        // Everything but the excerpt of the malformed record must match exactly; for it the
        // offending text must be part of the excerpt.
        #expect(actual.map { Array($0.prefix(6)) } == expected.map { Array($0.prefix(6)) })
        for (a, e) in zip(actual, expected) {
            if e[1] == "malformed-csv" { #expect(a[6].contains(e[6]), "\(a[6])") } else { #expect(a[6] == e[6], "\(e[1])") }
        }
        #expect(object["errors"] as? Int == 13)
        #expect(object["warnings"] as? Int == 4)
    }

    /// The messy-but-valid drops (GB18030, BOMs, CRLF, aliases, synonyms, names for units, quoted
    /// line breaks): exit 0, and the only findings are the planted out-of-period rows, at the lines
    /// the generator placed them (the first records of their files, SampleData/README.md).
    @Test(
        "clean messy drops validate with exit 0 and only their out-of-period warnings",
        arguments: [("2022Q1", 5), ("2022Q2", 7), ("2022Q3", 7), ("2022Q4", 6)])
    func cleanDrops(quarter: String, outOfPeriod: Int) throws {
        let r = try BinaryHarness.run(["validate", "--data", Self.root + "/SampleData/" + quarter, "--period", quarter, "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(object["errors"] as? Int == 0)
        let findings = object["findings"] as! [[String: Any]]
        #expect(findings.count == outOfPeriod)
        #expect(findings.allSatisfy { $0["code"] as? String == "out-of-period" && $0["severity"] as? String == "warning" })
    }

    @Test("2022Q2, shaped on seed 004: the city's figures equal the generator's totals")
    func seed004Figures() throws {
        let out = try BinaryHarness.temporaryFolder("q2")
        let r = try BinaryHarness.run(["run", "--data", Self.root + "/SampleData/2022Q2", "--period", "2022Q2", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let city = try BinaryHarness.cityIndicators(in: out)
        // Seed 004: 4,690 requests, 4,229 resolved, 332 in progress, 129 explained.
        #expect(city["requests_received"]?[0] == "4690")
        #expect(city["requests_resolved"]?[0] == "4229")
        #expect(city["requests_in_progress"]?[0] == "332")
        #expect(city["requests_explained"]?[0] == "129")
        #expect(city["resolution_rate"] == ["0.901706", "4229", "4690"])
        // Seed 004's 90.17% is one step short of 2022's 91% target: the warning band (预警).
        let csv = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        #expect(csv.contains("2022Q2,421081000000,石首市,city,resolution_rate,0.901706,4229,4690,0.91,>=,warning\n"))
        #expect(city["grids"]?[0] == "272")
        #expect(city["building_party_groups"]?[0] == "702")
        #expect(city["party_member_households"]?[0] == "5860")
        #expect(city["property_party_org_coverage"] == ["0.264706", "9", "34"])
        // Generator figures (SampleData/README.md), recounted from the CSV files by
        // SampleData/recount.py (its own CSV reading, encodings, aliases, date forms, synonyms).
        #expect(city["ontime_rate"] == ["0.896666", "3792", "4229"])
        #expect(city["satisfaction_rate"]?[1...2] == ["3601", "3902"])  // 2,735 + 866 of 3,902 rated
        #expect(city["property_party_work_coverage"] == ["0.882353", "30", "34"])
        #expect(city["services_delivered"]?[0] == "1125")
        #expect(city["residents"]?[0] == "326532")
    }

    /// The other quarters' city figures, recounted from the CSV files by SampleData/recount.py:
    /// requests received / resolved, on time, satisfied of rated, services, residents, property
    /// companies with a party organisation of all companies.
    @Test(
        "2022Q1, Q3 and Q4: the city's figures equal an independent recount",
        arguments: [
            ("2022Q1", ["3912", "3468", "3091", "2984", "3255", "1040", "326078", "7", "34"]),
            ("2022Q3", ["4960", "4560", "4136", "3905", "4177", "1180", "327709", "11", "35"]),
            ("2022Q4", ["4780", "4440", "4058", "3848", "4096", "1240", "328644", "13", "36"]),
        ])
    func cityFiguresOfTheYear(quarter: String, expected: [String]) throws {
        let out = try BinaryHarness.temporaryFolder("city-\(quarter)")
        let r = try BinaryHarness.run(["run", "--data", Self.root + "/SampleData/" + quarter, "--period", quarter, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let city = try BinaryHarness.cityIndicators(in: out)
        let actual = [
            city["requests_received"]?[0], city["requests_resolved"]?[0], city["ontime_rate"]?[1],
            city["satisfaction_rate"]?[1], city["satisfaction_rate"]?[2], city["services_delivered"]?[0],
            city["residents"]?[0], city["property_party_org_coverage"]?[1], city["property_party_org_coverage"]?[2],
        ]
        #expect(actual == expected.map { Optional($0) })
    }
}
