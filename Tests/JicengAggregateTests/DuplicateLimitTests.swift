import JicengCore
import Testing

@testable import JicengAggregate

/// Rows repeating a unique key: up to `maxDuplicateKeys` each is an error on its line and is left
/// out of the totals; beyond it the dataset as a whole gets one error and its indicators are left
/// out, so a drop repeating millions of ids neither fills memory nor reports a silent figure.
@Suite struct DuplicateLimitTests {
    /// The fixture drop with R1 three more times (lines 9, 10, 11), all in period and accepted
    /// but for the repeat.
    private static func drop() -> ATDrop {
        let drop = ATFixture.drop()
        drop.write("requests.csv", ATFixture.requests + Array(repeating: "R1,2022-05-01,热线,G1,,,,,已解决,2022-05-02,满意", count: 3))
        return drop
    }

    @Test("at the limit: one error per repeated row, the dataset counted without them")
    func atTheLimit() throws {
        let analysis = try Self.drop().analyze(maxDuplicateKeys: 3)
        let unique = analysis.listedFindings().filter { $0.code == .uniqueError }
        #expect(unique.map(\.line) == [9, 10, 11])
        #expect(unique.allSatisfy { $0.column == "request_id" && $0.value == "R1" })
        #expect(analysis.presentDatasets.contains("requests"))
        // R1…R6 are in period; the three repeats are taken back out.
        #expect(analysis.total("C", "requests_received") == 6)
    }

    @Test("over the limit: one error for the dataset, its indicators left out")
    func overTheLimit() throws {
        let drop = Self.drop()
        let analysis = try drop.analyze(maxDuplicateKeys: 2)
        let unique = analysis.listedFindings().filter { $0.code == .uniqueError }
        #expect(unique.count == 1)
        #expect(unique.first?.line == nil)
        #expect(unique.first?.severity == .error)
        #expect(unique.first?.message.en.hasPrefix("3 rows repeat an earlier request_id, more than the limit of 2") == true)
        #expect(!analysis.presentDatasets.contains("requests"))
        #expect(analysis.absentDatasets.contains("requests"))
        let (_, evaluation) = try drop.evaluate(maxDuplicateKeys: 2)
        #expect(evaluation.result("C", "resolution_rate") == nil)
        #expect(evaluation.result("C", "requests_received") == nil)
    }
}
