import Foundation
import JicengCore
import Testing

@testable import JicengSample

/// The 2022Q2 preset reproduces the figures of seed 004, in the summary and in the files.
@Suite struct SeedTotalsTests {
    @Test func summaryHasSeed004Figures() throws {
        let folder = try TestSupport.temporaryFolder("seed004")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(.shishou2022Q2).write(to: folder)
        let period = Period(year: 2022, quarter: 2)
        let requests = summary.requests(in: period)
        #expect(requests.received == 4690)
        #expect(requests.resolved == 4229)
        #expect(requests.inProgress == 332)
        #expect(requests.explained == 129)
        #expect(requests.open == 0)
        #expect(abs(requests.resolutionRate! - 0.901706) < 0.0000005)
        #expect(summary.requests() == requests)
        let grids = summary.grids()
        #expect(grids.grids == 272)
        #expect(grids.buildingPartyGroups == 702)
        #expect(grids.partyMemberHouseholds == 5860)
        #expect(grids.partyBranches == 272)
        let companies = summary.propertyCompanies()
        #expect(companies.companies == 34)
        #expect(companies.partyOrgs == 9)
        #expect(companies.estatesManaged == 53)
        #expect(summary.units(at: .street).map(\.name) == ["绣林街道", "笔架山街道"])
        #expect(summary.units(at: .community).count == 13)
        #expect(summary.units(at: .grid).count == 272)
        #expect(summary.outOfPeriodRows.count == 4 + 3)
        #expect(summary.outOfPeriodCount("requests", period: period) == 4)
        #expect(summary.records("requests") == 4694)
        let services = summary.services(in: period)
        #expect(services.delivered == 1125)  // the preset's figure (not a seed figure)
        // Every street's figures add up to the city's.
        let streets = summary.units(at: .street).map { summary.requests(in: period, unitId: $0.id) }
        #expect(streets.reduce(SampleRequestTotals(), +) == requests)
    }

    /// Re-reads the written files with the test's own CSV reader and contract tables.
    @Test(arguments: [true, false])
    func filesAreValidAndRecountToTheSummary(messy: Bool) throws {
        var configuration = SampleDropConfiguration.shishou2022Q2
        configuration.messy = messy
        let folder = try TestSupport.temporaryFolder("recount")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(configuration).write(to: folder)
        let period = Period(year: 2022, quarter: 2)
        let check = try ContractCheck(folder: folder, period: period)
        #expect(check.problems.isEmpty, "\(check.problems.prefix(20))")

        #expect(check.rolledUp(check.requestsByUnit, "received", unitId: summary.root.id) == 4690)
        #expect(check.rolledUp(check.requestsByUnit, "resolved", unitId: summary.root.id) == 4229)
        #expect(check.rolledUp(check.requestsByUnit, "in_progress", unitId: summary.root.id) == 332)
        #expect(check.rolledUp(check.requestsByUnit, "explained", unitId: summary.root.id) == 129)
        #expect(check.rolledUp(check.requestsByUnit, "open", unitId: summary.root.id) == 0)
        #expect(check.rolledUp(check.gridsByUnit, "building_party_groups", unitId: summary.root.id) == 702)
        #expect(check.rolledUp(check.gridsByUnit, "party_member_households", unitId: summary.root.id) == 5860)
        #expect(check.rolledUp(check.companiesByUnit, "orgs", unitId: summary.root.id) == 9)

        // Every unit at every level agrees with the summary.
        for unit in summary.units {
            let r = summary.requests(in: period, unitId: unit.id)
            #expect(r.countsForComparison == check.requestCounts(unitId: unit.id), "requests of \(unit.id)")
            let s = summary.services(in: period, unitId: unit.id)
            #expect(
                [s.delivered, s.volunteers, s.beneficiaries]
                    == ["delivered", "volunteers", "beneficiaries"].map { check.rolledUp(check.servicesByUnit, $0, unitId: unit.id) },
                "services of \(unit.id)")
            let g = summary.grids(unitId: unit.id)
            #expect(
                [
                    g.grids, g.partyBranches, g.buildingPartyGroups, g.partyMemberHouseholds, g.partyMembers,
                    g.households, g.residents, g.gridWorkers,
                ]
                    == [
                        "grids", "branches", "building_party_groups", "party_member_households", "party_members",
                        "households", "residents", "grid_workers",
                    ].map { check.rolledUp(check.gridsByUnit, $0, unitId: unit.id) },
                "grids of \(unit.id)")
            let p = summary.propertyCompanies(unitId: unit.id)
            #expect(
                [p.companies, p.partyOrgs, p.instructors, p.partyWork, p.estatesManaged]
                    == ["companies", "orgs", "instructors", "work", "estates"].map {
                        check.rolledUp(check.companiesByUnit, $0, unitId: unit.id)
                    },
                "companies of \(unit.id)")
        }
        // Out-of-period rows are where the summary says.
        let expected = summary.outOfPeriodRows.map { "\($0.file):\($0.line)" }.sorted()
        #expect(check.outOfPeriod.map { "\($0.file):\($0.line)" }.sorted() == expected)
    }

    /// The 2022Q1 preset is valid too, with its own (smaller) figures.
    @Test func firstQuarterPresetIsValid() throws {
        let folder = try TestSupport.temporaryFolder("q1")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(.shishou2022Q1).write(to: folder)
        let period = Period(year: 2022, quarter: 1)
        let check = try ContractCheck(folder: folder, period: period)
        #expect(check.problems.isEmpty, "\(check.problems.prefix(20))")
        let requests = summary.requests(in: period)
        let counts: [Int] = [requests.received, requests.resolved, requests.inProgress, requests.explained, requests.open]
        #expect(counts == [3912, 3468, 301, 118, 25])
        #expect(check.rolledUp(check.requestsByUnit, "received", unitId: summary.root.id) == 3912)
        #expect(summary.grids().partyBranches == 266)
        #expect(check.rolledUp(check.gridsByUnit, "branches", unitId: summary.root.id) == 266)
        #expect(summary.propertyCompanies().partyOrgs == 7)
        #expect(check.outOfPeriod.count == summary.outOfPeriodRows.count)
        // Out-of-period rows of Q1 lie in 2021Q4, and count for the year 2021.
        #expect(summary.requests(in: Period(year: 2021)).received == 3)
        #expect(summary.requests(in: Period(year: 2022)).received == 3912)
    }

    /// The 2022Q3 and 2022Q4 presets are valid, and the independent reading finds their figures.
    @Test(arguments: [(3, [4960, 4560, 285, 105, 10], 5), (4, [4780, 4440, 240, 92, 8], 3)])
    func laterQuarterPresetsAreValid(quarter: Int, counts: [Int], outOfPeriod: Int) throws {
        let configuration = SampleDropConfiguration.shishou2022[quarter - 1]
        let folder = try TestSupport.temporaryFolder("q\(quarter)")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(configuration).write(to: folder)
        let period = Period(year: 2022, quarter: quarter)
        #expect(configuration.period == period)
        let check = try ContractCheck(folder: folder, period: period)
        #expect(check.problems.isEmpty, "\(check.problems.prefix(20))")
        let root = summary.root.id
        #expect(
            ["received", "resolved", "in_progress", "explained", "open"].map {
                check.rolledUp(check.requestsByUnit, $0, unitId: root)
            } == counts)
        let requests = summary.requests(in: period)
        #expect([requests.received, requests.resolved, requests.inProgress, requests.explained, requests.open] == counts)
        #expect(check.rolledUp(check.gridsByUnit, "grids", unitId: root) == 272)
        #expect(check.rolledUp(check.gridsByUnit, "branches", unitId: root) == 272)
        #expect(check.rolledUp(check.gridsByUnit, "building_party_groups", unitId: root) == configuration.buildingPartyGroups)
        #expect(check.rolledUp(check.companiesByUnit, "companies", unitId: root) == configuration.propertyCompanies)
        #expect(check.rolledUp(check.companiesByUnit, "orgs", unitId: root) == configuration.propertyPartyOrgs)
        #expect(check.rolledUp(check.servicesByUnit, "delivered", unitId: root) == configuration.services)
        #expect(check.outOfPeriod.count == summary.outOfPeriodRows.count)
        #expect(summary.outOfPeriodCount("requests", period: period) == outOfPeriod)
    }

    /// The simplest possible recount: status words per record of the request files, in-period only.
    @Test func statusWordsRecount() throws {
        let folder = try TestSupport.temporaryFolder("status")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(.shishou2022Q2).write(to: folder)
        var counts: [String: Int] = [:]
        let words = [
            "resolved": ["resolved", "已解决", "已办结", "办结", "已回应解决"],
            "in_progress": ["in_progress", "办理中", "正在办理", "跟踪办理", "正在跟踪办理"],
            "explained": ["explained", "已解释", "已答复", "暂无法办理", "已做好解释"],
            "open": ["open", "未办理", "待办", "未受理"],
        ]
        for file in summary.files where file.dataset == "requests" {
            let csv = try TestCSV(path: folder + "/" + file.name)
            let statusColumn = csv.header.firstIndex { ["办理状态", "状态", "status"].contains($0) }!
            let receivedColumn = csv.header.firstIndex { ["受理时间", "登记时间", "received_at"].contains($0) }!
            for record in csv.records {
                let received = ContractCheck.date(record.cells[receivedColumn])!
                guard Period(year: 2022, quarter: 2).contains(received) else { continue }
                let word = record.cells[statusColumn]
                let status = words.first { $0.value.contains(word) }!.key
                counts[status, default: 0] += 1
            }
        }
        #expect(counts == ["resolved": 4229, "in_progress": 332, "explained": 129])
    }
}
