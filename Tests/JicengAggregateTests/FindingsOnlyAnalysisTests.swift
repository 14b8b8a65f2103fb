import JicengCore
import Testing

@testable import JicengAggregate

/// `validate` reads a drop with `computeMeasures` off and without input hashes: it must find
/// exactly what `run` finds, and skip only the work whose results it never shows.
@Suite struct FindingsOnlyAnalysisTests {
    /// The fixture drop with a duplicate request id, an unknown unit and a bad date planted.
    private static func messyDrop() -> ATDrop {
        let drop = ATFixture.drop()
        drop.write(
            "requests.csv",
            ATFixture.requests + [
                "R1,2022-05-01,热线,G1,,,,,已解决,2022-05-02,满意",
                "R90,2022-05-01,热线,NOWHERE,,,,,已解决,2022-05-02,满意",
                "R91,2022-13-01,热线,G1,,,,,已解决,2022-05-02,满意",
            ])
        return drop
    }

    @Test("same findings and row counts as a full analysis, no totals, no hashes")
    func sameFindingsWithoutMeasures() throws {
        let drop = Self.messyDrop()
        let full = try drop.analyze()
        let findingsOnly = try drop.analyze(computeMeasures: false)
        #expect(full.findings.errors == 3)
        #expect(findingsOnly.findings.errors == full.findings.errors)
        #expect(findingsOnly.findings.warnings == full.findings.warnings)
        #expect(findingsOnly.listedFindings() == full.listedFindings())
        #expect(findingsOnly.files.map(\.rowsRead) == full.files.map(\.rowsRead))
        #expect(findingsOnly.files.map(\.rowsAccepted) == full.files.map(\.rowsAccepted))
        #expect(findingsOnly.files.map(\.rowsRejected) == full.files.map(\.rowsRejected))
        #expect(findingsOnly.files.allSatisfy { $0.sha256.isEmpty })
        // The full analysis counted the fixture's accepted requests; the findings-only one nothing.
        #expect(full.total("C", "requests_received") == 6)
        let totals = try #require(findingsOnly.totals)
        #expect(totals.values.allSatisfy { $0 == 0 })
    }
}
