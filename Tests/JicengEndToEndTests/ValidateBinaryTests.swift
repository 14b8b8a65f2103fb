import Foundation
import Testing

@Suite("jiceng validate, through the real binary")
struct ValidateBinaryTests {
    private func findings(_ json: String) throws -> (errors: Int, warnings: Int, items: [[String: Any]]) {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return (object["errors"] as! Int, object["warnings"] as! Int, object["findings"] as! [[String: Any]])
    }

    @Test("each planted problem is reported at its file, line and column, and the exit status is 1")
    func plantedProblems() throws {
        let drop = try BinaryHarness.temporaryFolder("validate")
        try SmallDropFixture.write(to: drop)
        let result = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json", "--lang", "en"])
        #expect(result.status == 1)
        let (errors, warnings, items) = try findings(result.stdout)
        let seen = Set(items.map { "\($0["code"] as! String)@\(($0["line"] as? Int) ?? 0):\(($0["column"] as? String) ?? "-")" })
        #expect(
            seen == [
                "missing-file@0:-",  // property_companies and services are absent (warnings)
                "out-of-period@5:received_at",
                "unknown-unit@6:community",  // 新建社区 exists under both streets
                "unique-error@7:request_id",
                "malformed-csv@8:-",
                "rule-error@9:closed_at",
                "unknown-unit@9:community",
            ])
        #expect(errors == 5)
        #expect(warnings == 3)
        let dup = items.first { ($0["code"] as! String) == "unique-error" }!
        #expect(dup["value"] as? String == "R1")
        #expect(dup["file"] as? String == "requests.csv")
        #expect(dup["dataset"] as? String == "requests")
        // Every finding has every key of contract §7.
        for item in items {
            #expect(Set(item.keys) == ["severity", "code", "dataset", "file", "line", "column", "value", "message"])
        }
    }

    @Test("a clean drop exits 0; warnings alone do not fail")
    func cleanDrop() throws {
        let drop = try BinaryHarness.temporaryFolder("clean")
        try SmallDropFixture.write(to: drop, requests: false)
        let result = try BinaryHarness.run(["validate", "--data", drop, "--format", "json"])
        #expect(result.status == 0)
        let (errors, warnings, _) = try findings(result.stdout)
        #expect(errors == 0)
        #expect(warnings == 3)  // property_companies, services, requests absent
    }

    @Test("usage errors exit 2: unknown option, missing folder, bad period")
    func usageErrors() throws {
        #expect(try BinaryHarness.run(["validate", "--bogus"]).status == 2)
        #expect(try BinaryHarness.run(["validate", "--data", "/nonexistent/jiceng"]).status == 2)
        #expect(try BinaryHarness.run(["validate", "--data", ".", "--period", "2022Q5"]).status == 2)
    }

    @Test("missing units is an error; JUnit and GitHub formats carry the findings")
    func formats() throws {
        let drop = try BinaryHarness.temporaryFolder("formats")
        let junit = try BinaryHarness.run(["validate", "--data", drop, "--format", "junit"])
        #expect(junit.status == 1)
        #expect(junit.stdout.contains("<failure type=\"missing-file\""))
        let github = try BinaryHarness.run(["validate", "--data", drop, "--format", "github"])
        #expect(github.stdout.contains("::error title=missing-file::"))
        #expect(github.stdout.contains("::warning title=missing-file::"))
    }
}
