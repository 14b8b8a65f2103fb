import Foundation
import Testing

/// `jiceng sample --shape clean` through the real binary: the drop validates without a single
/// finding, and `run` gives city figures equal to a count made here, straight from the CSV text.
@Suite("clean sample drop through the real binary")
struct CleanDropBinaryTests {
    /// Days since 1970-01-01 of a `yyyy-mm-dd…` text (the civil-from-days algorithm, inverted).
    static func dayNumber(_ text: Substring) -> Int {
        let parts = text.prefix(10).split(separator: "-").map { Int($0)! }
        let (y, m, d) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    @Test("a clean drop: validate exits 0 with no finding; run's city figures equal a count of requests.csv")
    func cleanDropRecounts() throws {
        let drop = try BinaryHarness.temporaryFolder("clean-drop")
        let sample = try BinaryHarness.run(["sample", "--shape", "clean", "--requests", "5000", "--out", drop])
        #expect(sample.status == 0, "\(sample.stderr)")

        let validate = try BinaryHarness.run(["validate", "--data", drop, "--period", "2023", "--format", "json"])
        #expect(validate.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8)) as! [String: Any]
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 0)
        #expect((object["findings"] as? [Any])?.isEmpty == true)

        // The count: no field of a clean drop is quoted, so a line is its cells split at commas.
        let text = try String(contentsOfFile: drop + "/requests.csv", encoding: .utf8)
        #expect(!text.contains("\"") && !text.contains("\r"))
        var counts = [String: Int]()
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            let status = String(cells[6])
            counts["received", default: 0] += 1
            counts[status, default: 0] += 1
            if status == "已办结" {
                let days = Self.dayNumber(cells[7]) - Self.dayNumber(cells[1])
                counts["days", default: 0] += days
                if days <= 15 { counts["ontime", default: 0] += 1 }
            }
            if cells[8] == "满意" || cells[8] == "基本满意" { counts["satisfied", default: 0] += 1 }
            if !cells[8].isEmpty { counts["rated", default: 0] += 1 }
        }
        #expect(counts["received"] == 5000)

        let out = try BinaryHarness.temporaryFolder("clean-out")
        let run = try BinaryHarness.run(["run", "--data", drop, "--period", "2023", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let city = try BinaryHarness.cityIndicators(in: out)
        let actual = [
            city["requests_received"]?[0], city["requests_resolved"]?[0], city["requests_in_progress"]?[0],
            city["requests_explained"]?[0], city["requests_open"]?[0], city["ontime_rate"]?[1], city["mean_days_to_close"]?[1],
            city["satisfaction_rate"]?[1], city["satisfaction_rate"]?[2], city["services_delivered"]?[0],
        ]
        let expected = [
            counts["received"], counts["已办结"], counts["办理中"], counts["已答复"], counts["未受理"], counts["ontime"],
            counts["days"], counts["satisfied"], counts["rated"], 100_000,
        ]
        #expect(actual == expected.map { $0.map(String.init) })
        // Every unit of the city (1,811) has its rows.
        let csv = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        #expect(Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }).count == 1811)
    }
}
