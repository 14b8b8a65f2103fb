import Foundation
import Testing

@Suite("jiceng run, through the real binary")
struct RunBinaryTests {
    /// indicators.csv rows keyed by "unit_id/indicator".
    private func rows(_ csv: String) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[f[1] + "/" + f[4]] = f
        }
        return out
    }

    @Test("indicators, roll-up and targets on a hand-computed drop")
    func handComputed() throws {
        let drop = try BinaryHarness.temporaryFolder("run")
        try SmallDropFixture.write(to: drop)
        let targets = drop + "/targets-e2e.csv.txt"
        try BinaryHarness.write(SmallDropFixture.targets, to: targets)
        let out = drop + "-out"
        let result = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets", targets],
            environment: ["SOURCE_DATE_EPOCH": "1656633600"])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        #expect(csv.hasPrefix("period,unit_id,unit_name,level,indicator,value,numerator,denominator,target,comparator,status\n"))
        let r = rows(csv)
        // City: 3 requests in the period (R1, R2, R3); 1 resolved → 1/3.
        #expect(r["C/requests_received"]?[5] == "3")
        #expect(r["C/resolution_rate"]?[5...7] == ["0.333333", "1", "3"])
        #expect(r["C/resolution_rate"]?[8...10] == ["0.9", ">=", "missed"])  // any-level target 90%
        #expect(r["C/response_rate"]?[5] == "1")
        #expect(r["C/satisfaction_rate"]?[5...7] == ["0.5", "1", "2"])  // satisfied 1 of 2 rated
        #expect(r["C/satisfaction_rate"]?[10] == "met")
        #expect(r["C/mean_days_to_close"]?[5] == "4")  // 4/1 → 4/5
        #expect(r["C/households"]?[5] == "2000")
        #expect(r["C/residents"]?[5] == "5000")
        #expect(r["C/residents_per_grid_worker"]?[5] == "1666.666667")
        // Street S2 holds R2 (via street name) and R3 (K2); K4 holds R2 only.
        #expect(r["S2/requests_received"]?[5] == "2")
        #expect(r["K4/requests_in_progress"]?[5] == "1")
        // Community level target 0.5 applies to K2 (explained only → 0/1 missed) ...
        #expect(r["K2/resolution_rate"]?[5...10] == ["0", "0", "1", "0.5", ">=", "missed"])
        // ... and the unit target wins for K1.
        #expect(r["K1/resolution_rate"]?[8...10] == ["1", ">=", "met"])
        // A community with no requests has no value: no_data.
        #expect(r["K3/resolution_rate"]?[5...7] == ["", "0", "0"])
        #expect(r["K3/resolution_rate"]?[10] == "no_data")
        // Linear pro-rating: 4 grids a year → 1 a quarter for streets.
        #expect(r["S1/grids"]?[8...10] == ["1", ">=", "met"])
        // Grids count for their grid and every ancestor, requests attached to communities count for no grid.
        #expect(r["G1/grids"]?[5] == "1")
        #expect(r["G1/requests_received"]?[5] == "0")
        // Absent datasets' indicators are left out.
        #expect(r["C/property_companies"] == nil)
        #expect(r["C/services_delivered"] == nil)
        // Outputs of contract §7 and the issue.
        for name in [
            "findings.json", "manifest.json", "indicators.json", "quarantine.csv", "summary.html", "summary.md", "indicators.xlsx",
        ] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name)")
        }
        let quarantine = try String(contentsOfFile: out + "/quarantine.csv", encoding: .utf8)
        #expect(quarantine.contains("unique-error"))
        // A duplicate is quarantined with its whole record, like every other rejected row.
        let duplicate = quarantine.split(separator: "\n").first { $0.contains("unique-error") }
        #expect(duplicate?.contains("R1,2022-04-11,热线,金银社区,,已办结,2022-04-12,") == true, "\(duplicate ?? "")")
        #expect(quarantine.contains("malformed-csv"))
    }

    @Test("two runs give byte-identical outputs (SOURCE_DATE_EPOCH fixed)")
    func deterministic() throws {
        let drop = try BinaryHarness.temporaryFolder("det")
        try SmallDropFixture.write(to: drop)
        let a = drop + "-a"
        let b = drop + "-b"
        for out in [a, b] {
            let r = try BinaryHarness.run(
                ["run", "--data", drop, "--period", "2022Q2", "--out", out], environment: ["SOURCE_DATE_EPOCH": "1656633600"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in [
            "indicators.csv", "findings.json", "manifest.json", "indicators.json", "quarantine.csv", "summary.md", "summary.html",
            "indicators.xlsx",
        ] {
            let x = FileManager.default.contents(atPath: a + "/" + name)
            let y = FileManager.default.contents(atPath: b + "/" + name)
            #expect(x != nil && x == y, "\(name) differs between two runs")
        }
    }

    @Test("--strict fails with exit 1 and writes nothing; a bad targets file is exit 2")
    func strictAndBadTargets() throws {
        let drop = try BinaryHarness.temporaryFolder("strict")
        try SmallDropFixture.write(to: drop)
        let out = drop + "-out"
        let strict = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out, "--strict"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        let bad = drop + "-targets.csv"
        try BinaryHarness.write("year,indicator,comparator,target\n2022,no_such_indicator,>=,1\n", to: bad)
        let r = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets", bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains("2"))  // names the line
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
