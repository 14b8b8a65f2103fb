import Foundation
import Testing

/// `Reports/` holds the standard pipeline's outputs on SampleData, committed so that someone
/// browsing the repository sees them. This regenerates them with the real binary and fails when
/// any byte differs: a change that alters the reports must commit the new ones
/// (`bash .ci/sample-reports`).
@Suite("committed Reports/ are what the binary writes now")
struct CommittedReportsTests {
    static let root = SampleDataBinaryTests.root

    @Test("Reports/2022Q1 … Reports/2022Q4 regenerate byte for byte", arguments: ["2022Q1", "2022Q2", "2022Q3", "2022Q4"])
    func regenerate(quarter: String) throws {
        let out = try BinaryHarness.temporaryFolder("reports-\(quarter)")
        let r = try BinaryHarness.run(["run", "--data", Self.root + "/SampleData/" + quarter, "--period", quarter, "--out", out],
                                      environment: ["SOURCE_DATE_EPOCH": "1656633600"])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = Self.root + "/Reports/" + quarter
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: committed).sorted() == names)
        for name in names {
            let fresh = FileManager.default.contents(atPath: out + "/" + name)
            let old = FileManager.default.contents(atPath: committed + "/" + name)
            #expect(fresh == old, "Reports/\(quarter)/\(name) is out of date: run `bash .ci/sample-reports` and commit")
        }
    }
}
