import Foundation
import JicengCore
import Testing

@testable import JicengSample

/// The clean shape: one export of one system, valid and without a single finding, whose files
/// recount (with the tests' own reader) to the generator's summary.
@Suite struct CleanShapeTests {
    /// The benchmark preset at a test's size: 3,000 requests, the full city, fewer services.
    static func configuration() -> SampleDropConfiguration {
        var configuration = SampleDropConfiguration.cleanExport(requests: 3000)
        configuration.services = 2000
        return configuration
    }

    @Test func presetHasTheBenchmarkCity() throws {
        let configuration = SampleDropConfiguration.cleanExport(requests: 10)
        #expect(configuration.shape == .clean && !configuration.messy)
        #expect(configuration.year == 2023 && configuration.period == Period(year: 2023))
        #expect(configuration.services == 100_000)
        #expect(configuration.outOfPeriodRequests == 0 && configuration.outOfPeriodServices == 0)
        let hierarchy = SampleHierarchy(configuration: configuration)
        // 1 city + 1 district + 12 streets + 150 communities + 1,647 grids.
        #expect(hierarchy.units.count == 1811)
        #expect(hierarchy.grids.count == 1647 && hierarchy.communities.count == 150 && hierarchy.streets.count == 12)
    }

    @Test func filesLookLikeOneSystemsExport() throws {
        let folder = try TestSupport.temporaryFolder("clean-look")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(Self.configuration()).write(to: folder)
        #expect(summary.files.map(\.name) == ["units.csv", "grids.csv", "property_companies.csv", "services.csv", "requests.csv"])
        for file in summary.files {
            #expect(file.encoding == .utf8 && !file.crlf, "\(file.name)")
        }
        #expect(summary.outOfPeriodRows.isEmpty)

        let csv = try TestCSV(path: folder + "/requests.csv")
        #expect(!csv.hadBOM && !csv.usedCRLF && !csv.wasGB18030)
        #expect(
            csv.header == [
                "request_id", "received_at", "channel", "community", "street", "category", "status", "closed_at", "satisfaction",
            ])
        #expect(csv.records.count == 3000)
        let dateTime = /2023-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]/
        var quarters = Set<Int>()
        var statusCounts: [String: Int] = [:]
        var streetsGiven = Set<String>()
        for record in csv.records {
            let cells = record.cells
            #expect(cells.count == 9)
            #expect(cells[1].wholeMatch(of: dateTime) != nil, "received_at \(cells[1])")
            #expect(cells[7].isEmpty || cells[7].wholeMatch(of: dateTime) != nil, "closed_at \(cells[7])")
            #expect(["热线", "网络", "媒体", "走访", "来信", "其他"].contains(cells[2]))
            #expect(["", "满意", "基本满意", "不满意"].contains(cells[8]))
            #expect(cells[3].hasSuffix("社区"))
            if !cells[4].isEmpty { streetsGiven.insert(cells[3]) }
            statusCounts[cells[6], default: 0] += 1
            quarters.insert((Int(cells[1].dropFirst(5).prefix(2))! - 1) / 3 + 1)
        }
        #expect(quarters == [1, 2, 3, 4])
        // The street is given exactly where two communities share a name (新建社区, seed 004's city).
        #expect(streetsGiven == ["新建社区"])
        // RequestStatusCounts.typical(3000): 7% in progress, 2.7% explained, 0.3% open, the rest resolved.
        #expect(statusCounts == ["已办结": 2700, "办理中": 210, "已答复": 81, "未受理": 9])
    }

    @Test func filesAreValidAndRecountToTheSummary() throws {
        let folder = try TestSupport.temporaryFolder("clean-recount")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(Self.configuration()).write(to: folder)
        let period = Period(year: 2023)
        let check = try ContractCheck(folder: folder, period: period)
        #expect(check.problems.isEmpty, "\(check.problems.prefix(20))")
        #expect(check.outOfPeriod.isEmpty)
        let root = summary.root.id
        #expect(
            ["received", "resolved", "in_progress", "explained", "open"].map {
                check.rolledUp(check.requestsByUnit, $0, unitId: root)
            } == [3000, 2700, 210, 81, 9])
        #expect(check.rolledUp(check.servicesByUnit, "delivered", unitId: root) == 2000)
        for unit in summary.units {
            let r = summary.requests(in: period, unitId: unit.id)
            #expect(r.countsForComparison == check.requestCounts(unitId: unit.id), "requests of \(unit.id)")
            // Requests name communities only: no grid has any.
            if unit.level == .grid { #expect(r.received == 0) }
        }
    }

    @Test func messyShapeIsUnchangedByTheShapeSwitch() {
        var configuration = SampleDropConfiguration.shishou2022Q2
        #expect(configuration.shape == .messy)
        configuration.messy = false
        #expect(configuration.shape == .plain)
        configuration.messy = true
        #expect(configuration == .shishou2022Q2)
    }
}
