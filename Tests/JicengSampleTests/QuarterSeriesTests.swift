import Foundation
import JicengCore
import Testing

@testable import JicengSample

/// The four 2022 presets are one city over a year: the same units, the same grids and companies
/// (snapshots that grow a little), a resolution rate that rises, and units that differ by how
/// they are run rather than by chance, the same ones lagging in every quarter.
@Suite struct QuarterSeriesTests {
    /// The four drops, written once for all tests of the suite.
    final class Year: Sendable {
        let folders: [String]
        let summaries: [SampleDropSummary]

        init() throws {
            var folders: [String] = []
            var summaries: [SampleDropSummary] = []
            for configuration in SampleDropConfiguration.shishou2022 {
                let folder = try TestSupport.temporaryFolder("year-\(configuration.quarters[0])")
                summaries.append(try SampleDropGenerator(configuration).write(to: folder))
                folders.append(folder)
            }
            self.folders = folders
            self.summaries = summaries
        }

        deinit { folders.forEach(TestSupport.remove) }
    }

    static let year = Result { try Year() }

    static func period(_ quarter: Int) -> Period { Period(year: 2022, quarter: quarter) }

    @Test func sameUnitsEveryQuarter() throws {
        let year = try Self.year.get()
        let units = try TestSupport.bytes(year.folders[0] + "/units.csv")
        for folder in year.folders.dropFirst() {
            #expect(try TestSupport.bytes(folder + "/units.csv") == units)
        }
        #expect(Set(SampleDropConfiguration.shishou2022.map(\.hierarchySeed)).count == 1)
        #expect(Set(SampleDropConfiguration.shishou2022.map(\.seed)).count == 4)
    }

    /// Each grid keeps its size: within 1% of its first-quarter households plus the few families
    /// that move each quarter (±3), and the city's households grow from quarter to quarter.
    @Test func gridsAreOneSnapshotGrowingSlightly() throws {
        let year = try Self.year.get()
        let first = try Self.households(year.folders[0])
        var previousTotal = first.values.reduce(0, +)
        for folder in year.folders.dropFirst() {
            let households = try Self.households(folder)
            #expect(Set(households.keys) == Set(first.keys))
            for (grid, count) in households {
                let base = first[grid]!
                #expect(abs(count - base) <= base / 100 + 6, "grid \(grid): \(base) → \(count)")
            }
            let total = households.values.reduce(0, +)
            #expect(total > previousTotal)
            previousTotal = total
        }
        let workers = year.summaries.map { $0.grids().gridWorkers }
        #expect(workers == [366, 372, 380, 386])
    }

    /// Companies of a quarter are all there in the next one, and a company with a party
    /// organisation keeps it.
    @Test func companiesPersistAndOnlyGainOrganisations() throws {
        let year = try Self.year.get()
        let companies = try year.folders.map(Self.companies)
        #expect(companies.map(\.count) == [34, 34, 35, 36])
        #expect(companies.map { $0.values.filter { $0 }.count } == [7, 9, 11, 13])
        for (earlier, later) in zip(companies, companies.dropFirst()) {
            for (id, organised) in earlier {
                #expect(later[id] != nil, "company \(id) disappeared")
                if organised { #expect(later[id] == true, "company \(id) lost its party organisation") }
            }
        }
    }

    @Test func resolutionRateRisesThroughTheYear() throws {
        let year = try Self.year.get()
        let rates = year.summaries.enumerated().map { $0.element.requests(in: Self.period($0.offset + 1)).resolutionRate! }
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 }, "\(rates)")
        #expect(abs(rates[1] - 4229.0 / 4690.0) < 1e-12)
    }

    /// The city's 2022Q2 resolution rate (90.17%) is below 91%, yet most grids are at or above it
    /// and a few far below: the unsettled requests gather in badly run grids and in requests passed
    /// up to the community. Counted from the generator's bookkeeping, per grid.
    @Test func gridsDifferByHowTheyAreRun() throws {
        let year = try Self.year.get()
        let summary = year.summaries[1]
        let rates = summary.units(at: .grid).compactMap { summary.requests(in: Self.period(2), unitId: $0.id).resolutionRate }
        #expect(rates.count == 272)
        let atLeast91 = rates.filter { $0 >= 0.91 }.count
        let below85 = rates.filter { $0 < 0.85 }.count
        #expect(atLeast91 * 10 >= rates.count * 7, "\(atLeast91) of \(rates.count) grids at ≥ 91%")
        #expect((5...40).contains(below85), "\(below85) grids below 85%")
    }

    /// The grids that lag in the first quarter are largely the ones that lag in the last, although
    /// every grid does better by then.
    @Test func theSameGridsLagAllYear() throws {
        let year = try Self.year.get()
        func worst(_ quarter: Int, _ count: Int) -> Set<String> {
            let summary = year.summaries[quarter - 1]
            let grids = summary.units(at: .grid).map { ($0.id, summary.requests(in: Self.period(quarter), unitId: $0.id)) }
            return Set(
                grids.sorted { a, b in
                    let ra = a.1.resolutionRate ?? 1
                    let rb = b.1.resolutionRate ?? 1
                    return ra != rb ? ra < rb : a.0 < b.0
                }.prefix(count).map(\.0))
        }
        let first = worst(1, 10)
        let last = worst(4, 10)
        #expect(first.intersection(last).count >= 5, "\(first.intersection(last).count) of Q1's worst 10 among Q4's worst 10")
    }

    /// grid id → households, read from a grids file with the test's own CSV reader.
    static func households(_ folder: String) throws -> [String: Int] {
        let csv = try TestCSV(path: folder + "/grids.csv")
        let id = csv.header.firstIndex(of: "网格编码")!
        let households = csv.header.firstIndex(of: "户数")!
        var result: [String: Int] = [:]
        for record in csv.records { result[record.cells[id]] = ContractCheck.integer(record.cells[households])! }
        return result
    }

    /// company id → whether it has a party organisation.
    static func companies(_ folder: String) throws -> [String: Bool] {
        let csv = try TestCSV(path: folder + "/property_companies.csv")
        let id = csv.header.firstIndex(of: "统一社会信用代码")!
        let type = csv.header.firstIndex(of: "党组织组建方式")!
        var result: [String: Bool] = [:]
        for record in csv.records {
            result[record.cells[id]] = ContractCheck.canonical("party_org_type", record.cells[type]) != "none"
        }
        return result
    }
}
