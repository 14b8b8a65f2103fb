import Foundation
import Testing

@testable import JicengPipeline

/// `Pipelines/targets.csv` is in the contract §6 format and only names indicators of the
/// standard pipeline (a full check of targets belongs to the targets reader).
struct StandardTargetsTests {
    @Test func targetsFileMatchesTheStandardPipeline() throws {
        let url = StandardPipelineTests.repositoryRoot.appendingPathComponent("Pipelines/targets.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.hasPrefix("\u{FEFF}"))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.removeFirst() == "year,indicator,level,unit_id,comparator,target,warning,prorate")
        let names = Set(PipelineLoader.standard.indicators.map(\.name))
        var covered: [Int: Set<String>] = [:]
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 8, "\(line)")
            guard cells.count == 8 else { continue }
            let year = try #require(Int(cells[0]))
            #expect((2021...2024).contains(year), "\(line)")
            #expect(names.contains(cells[1]), "\(line)")
            #expect(["", "city", "district", "street", "community", "grid"].contains(cells[2]), "\(line)")
            #expect(cells[3].isEmpty, "unit ids are data-specific: \(line)")
            #expect([">=", "<="].contains(cells[4]), "\(line)")
            let target = cells[5].hasSuffix("%") ? Double(cells[5].dropLast()).map { $0 / 100 } : Double(cells[5])
            #expect(target != nil, "\(line)")
            #expect(Double(cells[6]) != nil, "\(line)")
            #expect(["none", "linear"].contains(cells[7]), "\(line)")
            covered[year, default: []].insert(cells[1])
        }
        let expected: Set<String> = [
            "resolution_rate", "response_rate", "ontime_rate", "satisfaction_rate", "grid_party_branch_coverage",
            "property_party_org_coverage", "property_party_work_coverage", "services_per_1000_residents", "services_delivered",
        ]
        for year in 2021...2024 {
            #expect(expected.isSubset(of: covered[year] ?? []), "\(year)")
        }
        #expect(lines.contains("2021,resolution_rate,,,>=,90%,0.03,none"))
        // Seed 004's 9 of 34 (26.5%) is the 2021 level reached; +5 points a year (Pipelines/README.md).
        #expect(lines.contains("2021,property_party_org_coverage,,,>=,25%,0.10,none"))
        #expect(lines.contains("2022,property_party_org_coverage,,,>=,30%,0.10,none"))
        #expect(lines.contains("2024,property_party_org_coverage,,,>=,40%,0.10,none"))
        // Grids are held to their own services only, so to less than the levels above them.
        for year in 2021...2024 {
            let general = lines.first { $0.hasPrefix("\(year),services_per_1000_residents,,,") }
            let grid = lines.first { $0.hasPrefix("\(year),services_per_1000_residents,grid,,") }
            let target = { (line: String?) in line.flatMap { Double($0.split(separator: ",", omittingEmptySubsequences: false)[5]) } }
            #expect(target(grid) != nil && target(general) != nil && target(grid)! < target(general)!, "\(year)")
        }
        #expect(lines.contains { $0.hasPrefix("2024,services_delivered,street,,>=,") && $0.hasSuffix(",linear") })
    }
}

@Test("the built-in standard targets are byte-identical to Pipelines/targets.csv")
func builtInTargetsMatchTheFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = try Data(contentsOf: root.appendingPathComponent("Pipelines/targets.csv"))
    #expect(Data(StandardTargetsText.csv.utf8) == file)
}
