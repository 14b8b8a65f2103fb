import Foundation
import JicengSample
import Testing

/// `SampleData/2022Q1` … `SampleData/2022Q4` are exactly what the generator writes now.
///
/// To regenerate them after a deliberate change of the generator:
/// `JICENG_REGENERATE_SAMPLEDATA=1 swift test --scratch-path .build-sample --filter CommittedSampleDataTests`
@Suite struct CommittedSampleDataTests {
    static let drops: [(folder: String, configuration: SampleDropConfiguration)] = [
        ("2022Q1", .shishou2022Q1),
        ("2022Q2", .shishou2022Q2),
        ("2022Q3", .shishou2022Q3),
        ("2022Q4", .shishou2022Q4),
    ]

    @Test(arguments: [0, 1, 2, 3])
    func committedDropEqualsGeneratorOutput(index: Int) throws {
        let (name, configuration) = CommittedSampleDataTests.drops[index]
        let committed = TestSupport.packageRoot + "/SampleData/" + name
        if ProcessInfo.processInfo.environment["JICENG_REGENERATE_SAMPLEDATA"] == "1" {
            for file in (try? FileManager.default.contentsOfDirectory(atPath: committed)) ?? [] where file.hasSuffix(".csv") {
                try FileManager.default.removeItem(atPath: committed + "/" + file)
            }
            _ = try SampleDropGenerator(configuration).write(to: committed)
        }
        let fresh = try TestSupport.temporaryFolder("committed-\(name)")
        defer { TestSupport.remove(fresh) }
        let summary = try SampleDropGenerator(configuration).write(to: fresh)
        let committedFiles = try FileManager.default.contentsOfDirectory(atPath: committed).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(committedFiles == summary.files.map(\.name).sorted())
        for file in summary.files {
            #expect(
                try TestSupport.bytes(committed + "/" + file.name) == TestSupport.bytes(fresh + "/" + file.name),
                "SampleData/\(name)/\(file.name) differs from the generator's output")
        }
    }
}
