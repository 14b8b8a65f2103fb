import Foundation
import JicengCore
import JicengNormalize
import JicengPipeline
import Testing

@testable import JicengAggregate

/// Three wrong results found in review (issue 10, point 8), each pinned by a test that failed
/// before its fix: distinct counts over text, the value of a unique-error, the minimum message.
@Suite struct ReviewedResultsTests {
    /// The standard pipeline with each (text, replacement) applied to its YAML.
    static func pipeline(_ edits: [(String, String)]) throws -> Pipeline {
        var yaml = StandardPipelineText.yaml
        for (text, replacement) in edits {
            #expect(yaml.contains(text), "the standard pipeline no longer holds \(text)")
            yaml = yaml.replacingOccurrences(of: text, with: replacement)
        }
        return try PipelineLoader.load(yaml: yaml, sourceName: "reviewed.yaml")
    }

    /// The standard pipeline plus `request_categories`: the distinct categories of requests.
    static func categoriesPipeline() throws -> Pipeline {
        let rated = "  requests_rated:            {dataset: requests, aggregate: count, where: satisfaction is set}\n"
        return try pipeline([(rated, rated + "  request_categories: {dataset: requests, aggregate: distinct_count, column: category}\n")])
    }

    static let header = "request_id,received_at,channel,grid_id,category,status"

    @Test("distinct_count over a text column counts its distinct values (folded), per unit and up the hierarchy")
    func distinctText() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "requests.csv": [
                Self.header,
                "R1,2022-04-01,热线,G1,噪音,办理中",
                "R2,2022-04-02,热线,G1,ＮＯＩＳＥ,办理中",  // full-width upper case: the same value as "noise"
                "R3,2022-04-03,热线,G2,noise,办理中",
                "R4,2022-04-04,热线,G3, 停车 ,办理中",
                "R5,2022-04-05,热线,G3,,办理中",  // no category: no value to count
                "R6,2022-04-06,热线,G4,停车,办理中",
                "R7,2022-07-01,热线,G4,垃圾,办理中",  // out of period: not counted
            ],
        ])
        let analysis = try drop.analyze(pipeline: Self.categoriesPipeline())
        #expect(analysis.findings.errors == 0)
        // G1 {噪音, noise}; G2 {noise}; M1 = G1 ∪ G2 = {噪音, noise}; G3 {停车}; G4 {停车};
        // S1 = {噪音, noise, 停车}; S2 = {停车}; C = {噪音, noise, 停车}.
        #expect(analysis.total("G1", "request_categories") == 2)
        #expect(analysis.total("G2", "request_categories") == 1)
        #expect(analysis.total("M1", "request_categories") == 2)
        #expect(analysis.total("G3", "request_categories") == 1)
        #expect(analysis.total("S1", "request_categories") == 3)
        #expect(analysis.total("S2", "request_categories") == 1)
        #expect(analysis.total("C", "request_categories") == 3)
        #expect(analysis.total("D2", "request_categories") == 0)
    }

    @Test("a duplicate taken back out of the totals takes its distinct value with it, unless another row holds it")
    func distinctTakeBack() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "requests.csv": [
                Self.header,
                "R1,2022-04-01,热线,G1,噪音,办理中",
                "R1,2022-04-02,热线,G1,噪音,办理中",  // duplicate: taken back, 噪音 stays (line 2 holds it)
                "R1,2022-04-03,热线,G4,垃圾,办理中",  // duplicate: taken back, 垃圾 goes
            ],
        ])
        let analysis = try drop.analyze(pipeline: Self.categoriesPipeline())
        #expect(analysis.listedFindings().filter { $0.code == .uniqueError }.map(\.line) == [3, 4])
        #expect(analysis.total("C", "requests_received") == 1)
        #expect(analysis.total("G1", "request_categories") == 1)
        #expect(analysis.total("G4", "request_categories") == 0)
        #expect(analysis.total("S2", "request_categories") == 0)
        #expect(analysis.total("C", "request_categories") == 1)
    }

    @Test("a unique-error names the value of the unique column that repeated, not of the dataset's first")
    func uniqueErrorValue() throws {
        let category = "      category:    {type: text, aliases: [诉求类别, 类别], title: 诉求类别}\n"
        let pipeline = try Self.pipeline([(category, "      category:    {type: text, unique: true, aliases: [诉求类别, 类别], title: 诉求类别}\n")])
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "requests.csv": [
                Self.header,
                "R1,2022-04-01,热线,G1,A-1,办理中",
                "R2,2022-04-02,热线,G1,A-1,办理中",  // category repeats
                "R1,2022-04-03,热线,G1,B-2,办理中",  // request_id repeats
            ],
        ])
        let unique = try drop.analyze(pipeline: pipeline).listedFindings().filter { $0.code == .uniqueError }
        #expect(unique.map(\.line) == [3, 4])
        #expect(unique.map(\.column) == ["category", "request_id"])
        #expect(unique.map(\.value) == ["A-1", "R1"])
    }

    @Test("a value below the column's minimum says what the minimum is, in both languages")
    func minimumMessage() throws {
        let workers = "      grid_workers:            {type: integer, required: true, aliases: [网格员数, 网格员人数], title: 网格员数}\n"
        let pipeline = try Self.pipeline([
            (workers, "      grid_workers:            {type: integer, required: true, minimum: 1, aliases: [网格员数, 网格员人数], title: 网格员数}\n")
        ])
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "grids.csv": [
                "grid_id,households,residents,party_members,has_party_branch,grid_workers",
                "G1,100,300,10,是,0",
                "G2,-1,300,10,是,1",
            ],
        ])
        let constraint = try drop.analyze(pipeline: pipeline).listedFindings().filter { $0.code == .constraintError }
        #expect(constraint.map(\.column) == ["grid_workers", "households"])
        #expect(constraint.first?.message == LocalizedText(zh: "grid_workers 不能小于 1", en: "grid_workers must be at least 1"))
        #expect(constraint.last?.message == LocalizedText(zh: "households 不能小于 0", en: "households must be at least 0"))
    }
}
