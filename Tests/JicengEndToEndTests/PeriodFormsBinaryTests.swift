import Foundation
import Testing

/// `--period` in the forms real offices write (contract §9), through the real binary.
@Suite("period forms, through the real binary")
struct PeriodFormsBinaryTests {
    @Test("2022年第二季度, 2022-Q2 and 2022 Q2 read as 2022Q2; an unknown form is a usage error listing the forms")
    func quarterForms() throws {
        let drop = try BinaryHarness.temporaryFolder("period-forms")
        try SmallDropFixture.write(to: drop)
        let reference = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"])
        for form in ["2022年第二季度", "2022-Q2", "2022 Q2", "2022年第2季度"] {
            let r = try BinaryHarness.run(["validate", "--data", drop, "--period", form, "--format", "json"])
            #expect(r.status == reference.status, "\(form)")
            #expect(r.stdout == reference.stdout, "\(form)")
        }
        let bad = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022-Q5"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("2022年上半年"))
        #expect(bad.stderr.contains("2022-Q5"))
    }

    @Test("a half-year run holds a linear target to half of it and names the period 2022H1")
    func halfYear() throws {
        let drop = try BinaryHarness.temporaryFolder("half-year")
        try SmallDropFixture.write(to: drop)
        let targets = drop + "/../targets-\(UUID().uuidString).csv"
        try BinaryHarness.write(SmallDropFixture.targets, to: targets)
        let out = try BinaryHarness.temporaryFolder("half-year-out") + "/out"
        let r = try BinaryHarness.run(["run", "--data", drop, "--period", "2022年上半年", "--out", out, "--targets", targets])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        // grids at street level: target 4 a year, linear → 2 for a half-year. S1 has one grid.
        let s1 = csv.split(separator: "\n").first { $0.hasPrefix("2022H1,S1,") && $0.contains(",grids,") }
        #expect(s1 == "2022H1,S1,绣林街道,street,grids,1,,,2,>=,missed")
        // R4 (received 2022-03-31) is inside the half-year: the city has 4 requests, not 3.
        let city = csv.split(separator: "\n").first { $0.hasPrefix("2022H1,C,") && $0.contains(",requests_received,") }
        #expect(city?.split(separator: ",", omittingEmptySubsequences: false)[5] == "4")
        let summary = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        #expect(summary.contains("2022年上半年"))
    }
}
