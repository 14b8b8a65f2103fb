import Foundation
import Testing

/// `Reports/` holds the standard pipeline's outputs on SampleData, committed so that someone
/// browsing the repository sees them. This regenerates them with the real binary the way
/// `.ci/sample-reports` does — the four quarters in order, recorded into one new history store so
/// each report shows the year so far — and fails when any byte differs: a change that alters the
/// reports must commit the new ones (`bash .ci/sample-reports`).
@Suite("committed Reports/ are what the binary writes now")
struct CommittedReportsTests {
    static let root = SampleDataBinaryTests.root
    static let quarters = ["2022Q1", "2022Q2", "2022Q3", "2022Q4"]

    @Test("Reports/2022Q1 … Reports/2022Q4 regenerate byte for byte, recorded in order into one history store")
    func regenerate() throws {
        let work = try BinaryHarness.temporaryFolder("reports")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let store = work + "/history.sqlite"
        for quarter in Self.quarters {
            let out = work + "/" + quarter
            let r = try BinaryHarness.run(
                [
                    "run", "--data", Self.root + "/SampleData/" + quarter, "--period", quarter, "--out", out,
                    "--history", store,
                ],
                environment: ["SOURCE_DATE_EPOCH": "1656633600"])
            #expect(r.status == 0, "\(quarter): \(r.stderr)")
            let committed = Self.root + "/Reports/" + quarter
            let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(names.contains("indicators_ytd.csv"), "\(quarter) has no year-to-date table")
            #expect(try FileManager.default.contentsOfDirectory(atPath: committed).sorted() == names, "\(quarter): other files")
            for name in names {
                let fresh = FileManager.default.contents(atPath: out + "/" + name)
                let old = FileManager.default.contents(atPath: committed + "/" + name)
                #expect(fresh == old, "Reports/\(quarter)/\(name) is out of date: run `bash .ci/sample-reports` and commit")
            }
        }
    }
}
