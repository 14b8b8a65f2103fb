import Foundation
import JicengAggregate
import JicengCore
import JicengHistory
import JicengPipeline
import Testing

/// Year-to-date totals from recorded quarters (contract §8), against sums worked out by hand.
@Suite("Year-to-date totals from the store")
struct YearToDateTotalsTests {
    let q3 = Period(year: 2022, quarter: 3)

    func yearToDate(_ store: HistoryStore, through period: Period, units: [UnitInfo] = HistoryFixture.units) throws -> YearToDateOutcome {
        try store.yearToDate(pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures, units: units, through: period)
    }

    /// Requests and services (flows) and grids (stocks) of three quarters:
    ///
    /// | | G1 requests | G2 requests | G1 services | G1 residents | G2 residents | G2 branch |
    /// |---|---|---|---|---|---|---|
    /// | Q1 | 2 | 1 | 3 | 1000 | 2000 | no |
    /// | Q2 | 1 | 0 | 0 | 1100 | 2200 | no |
    /// | Q3 | 0 | 4 | 4 | 1200 | 2400 | yes |
    func recordThreeQuarters(_ store: HistoryStore) throws {
        let quarters: [(requests: (Int64, Int64), services: Int64, residents: (Int64, Int64), branchG2: Int64)] = [
            ((2, 1), 3, (1000, 2000), 0), ((1, 0), 0, (1100, 2200), 0), ((0, 4), 4, (1200, 2400), 1),
        ]
        for (i, q) in quarters.enumerated() {
            func leaf(_ requests: Int64, _ services: Int64, _ residents: Int64, _ branch: Int64) -> [String: Int64] {
                [
                    "requests_received": requests, "services_delivered": services, "residents": residents, "grids": 1,
                    "grid_party_branches": branch,
                ]
            }
            let g1 = leaf(q.requests.0, q.services, q.residents.0, 1)
            let g2 = leaf(q.requests.1, 0, q.residents.1, q.branchG2)
            let sum = g1.merging(g2, uniquingKeysWith: +)
            try store.record(
                HistoryFixture.run("2022Q\(i + 1)", values: ["C": sum, "S1": sum, "K1": sum, "G1": g1, "G2": g2]),
                rows: HistoryFixture.rows("q\(i + 1)"))
        }
    }

    @Test("flows add up over the quarters; stocks are the latest quarter's")
    func flowsAndStocks() throws {
        let folder = TemporaryFolder("ytd")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        try recordThreeQuarters(store)
        guard case .complete(let ytd) = try yearToDate(store, through: q3) else {
            Issue.record("all quarters are recorded")
            return
        }
        #expect(ytd.quarters.map(\.description) == ["2022Q1", "2022Q2", "2022Q3"])
        // Requests: G1 2 + 1 + 0 = 3, G2 1 + 0 + 4 = 5, C 8. Services: G1 3 + 0 + 4 = 7.
        #expect(HistoryFixture.total(ytd, "G1", "requests_received") == 3)
        #expect(HistoryFixture.total(ytd, "G2", "requests_received") == 5)
        #expect(HistoryFixture.total(ytd, "C", "requests_received") == 8)
        #expect(HistoryFixture.total(ytd, "C", "services_delivered") == 7)
        // Residents, grids and branches from Q3 alone: 1200 + 2400, 2 grids, 2 branches.
        #expect(HistoryFixture.total(ytd, "C", "residents") == 3600)
        #expect(HistoryFixture.total(ytd, "G2", "residents") == 2400)
        #expect(HistoryFixture.total(ytd, "C", "grids") == 2)
        #expect(HistoryFixture.total(ytd, "C", "grid_party_branches") == 2)
        #expect(ytd.availableMeasures.isSuperset(of: ["requests_received", "services_delivered", "residents", "grids", "estates_managed"]))
        // Through Q2: requests 3 + 1 = 4 at C, residents 1100 + 2200, one branch.
        guard case .complete(let q2) = try yearToDate(store, through: Period(year: 2022, quarter: 2)) else {
            Issue.record("Q1, Q2 recorded")
            return
        }
        #expect(HistoryFixture.total(q2, "C", "requests_received") == 4)
        #expect(HistoryFixture.total(q2, "C", "residents") == 3300)
        #expect(HistoryFixture.total(q2, "C", "grid_party_branches") == 1)
        try store.close()
    }

    @Test("the project's indicator computation over the totals: ratios are sum over sum")
    func indicatorsOverTotals() throws {
        let folder = TemporaryFolder("ytd-indicators")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        try recordThreeQuarters(store)
        guard case .complete(let ytd) = try yearToDate(store, through: q3) else {
            Issue.record("all quarters are recorded")
            return
        }
        let targets = TargetBook(rules: [
            TargetRule(
                year: 2022, indicator: "services_per_1000_residents", comparator: .atLeast,
                target: 4, warning: 1, prorate: .linear)
        ])
        let table = YearToDateEvaluator.evaluate(
            pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures, totals: ytd.totals, directory: HistoryFixture.directory(),
            availableMeasures: ytd.availableMeasures, targets: targets, period: q3, toolVersion: "test")
        let c = try #require(table.results.first { $0.unitId == "C" && $0.indicator == "services_per_1000_residents" })
        // 7 services × 1000 / 3600 residents = 1.944…; pace 4 × 3 / 4 = 3; 1.944 < 3 − 1: missed.
        #expect(c.numerator == 7 && c.denominator == 3600)
        #expect(abs(c.value! - 7000.0 / 3600.0) < 1e-12)
        #expect(c.target == 4 && c.paceTarget == 3 && c.status == .missed)
        #expect(abs(c.completion! - 7000.0 / 3600.0 / 4) < 1e-12)
        let coverage = try #require(table.results.first { $0.unitId == "C" && $0.indicator == "grid_party_branch_coverage" })
        #expect(coverage.value == 1 && coverage.status == .noTarget && coverage.paceTarget == nil)
        try store.close()
    }

    @Test("a missing quarter is named; other pipelines and year records do not fill it")
    func gap() throws {
        let folder = TemporaryFolder("gap")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        try store.record(HistoryFixture.run("2022Q1", values: [:]), rows: HistoryFixture.rows("q1"))
        try store.record(HistoryFixture.run("2022Q3", values: [:]), rows: HistoryFixture.rows("q3"))
        try store.record(HistoryFixture.run("2022Q2", pipeline: "other", values: [:]), rows: HistoryFixture.rows("o2"))
        try store.record(HistoryFixture.run("2022", values: [:]), rows: HistoryFixture.rows("y"))
        guard case .missing(let missing) = try yearToDate(store, through: q3) else {
            Issue.record("Q2 is missing")
            return
        }
        #expect(missing == [Period(year: 2022, quarter: 2)])
        guard case .missing(let two) = try yearToDate(store, through: Period(year: 2022, quarter: 4)) else {
            Issue.record("Q2, Q4 missing")
            return
        }
        #expect(two.map(\.description) == ["2022Q2", "2022Q4"])
        if case .missing = try yearToDate(store, through: Period(year: 2022, quarter: 1)) { Issue.record("Q1 alone is complete") }
        #expect(HistoryFindings.gap(period: q3, missing: missing).value == "2022Q2")
        #expect(HistoryFindings.gap(period: q3, missing: missing).code == .historyGap)
        #expect(HistoryFindings.gap(period: q3, missing: missing).severity == .warning)
        try store.close()
    }

    @Test("a dataset absent in one quarter: its flows have no year-to-date; a stock needs only the latest quarter")
    func absentDatasets() throws {
        let folder = TemporaryFolder("absent")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        let all = HistoryFixture.allDatasets
        // Q1 without grids, Q2 without services.
        try store.record(
            HistoryFixture.run("2022Q1", values: ["C": ["services_delivered": 5]], present: all.subtracting(["grids"])),
            rows: HistoryFixture.rows("q1"))
        try store.record(
            HistoryFixture.run("2022Q2", values: ["C": ["residents": 10]], present: all.subtracting(["services"])),
            rows: HistoryFixture.rows("q2"))
        guard case .complete(let ytd) = try yearToDate(store, through: Period(year: 2022, quarter: 2)) else {
            Issue.record("both recorded")
            return
        }
        #expect(!ytd.availableMeasures.contains("services_delivered"))
        #expect(ytd.availableMeasures.contains("residents") && ytd.availableMeasures.contains("requests_received"))
        let table = YearToDateEvaluator.evaluate(
            pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures, totals: ytd.totals, directory: HistoryFixture.directory(),
            availableMeasures: ytd.availableMeasures, targets: TargetBook(rules: []), period: Period(year: 2022, quarter: 2),
            toolVersion: "test")
        let indicators = Set(table.results.map(\.indicator))
        #expect(!indicators.contains("services_delivered") && !indicators.contains("services_per_1000_residents"))
        #expect(indicators.contains("residents") && indicators.contains("requests_received"))
        #expect(table.results.first { $0.unitId == "C" && $0.indicator == "residents" }?.value == 10)
        try store.close()
    }

    @Test("units are matched by id: another order, a unit gone, a unit new this year")
    func unitsById() throws {
        let folder = TemporaryFolder("units")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        let gone = UnitInfo(id: "G9", name: "撤销网格", level: .grid, parentId: "K1", depth: 3)
        // Q1: another order and a grid G9 that is gone by Q2; G2 does not exist yet.
        let q1Units = [HistoryFixture.units[0], HistoryFixture.units[1], HistoryFixture.units[2], gone, HistoryFixture.units[3]]
        try store.record(
            HistoryFixture.run(
                "2022Q1", units: q1Units,
                values: ["C": ["requests_received": 5], "G9": ["requests_received": 2], "G1": ["requests_received": 3]]),
            rows: HistoryFixture.rows("q1", units: q1Units))
        try store.record(
            HistoryFixture.run(
                "2022Q2", values: ["C": ["requests_received": 4], "G1": ["requests_received": 1], "G2": ["requests_received": 3]]),
            rows: HistoryFixture.rows("q2"))
        guard case .complete(let ytd) = try yearToDate(store, through: Period(year: 2022, quarter: 2)) else {
            Issue.record("both recorded")
            return
        }
        // The city keeps what it reported each quarter (G9's requests included): 5 + 4.
        #expect(HistoryFixture.total(ytd, "C", "requests_received") == 9)
        #expect(HistoryFixture.total(ytd, "G1", "requests_received") == 4)
        #expect(HistoryFixture.total(ytd, "G2", "requests_received") == 3)
        #expect(ytd.totals.unitCount == HistoryFixture.units.count)
        try store.close()
    }

    @Test("a distinct count over a flow does not add up over quarters; over a stock it does")
    func distinctCounts() {
        let pipeline = HistoryFixture.pipeline
        #expect(
            !pipeline.isAdditiveOverQuarters(MeasureSpec(name: "x", dataset: "requests", aggregation: .distinctCount(column: "channel"))))
        #expect(pipeline.isAdditiveOverQuarters(MeasureSpec(name: "x", dataset: "requests", aggregation: .count)))
        #expect(
            pipeline.isAdditiveOverQuarters(MeasureSpec(name: "x", dataset: "grids", aggregation: .distinctCount(column: "households"))))
        #expect(pipeline.dataset(named: "requests")?.accumulation == .flow)
        #expect(pipeline.dataset(named: "services")?.accumulation == .flow)
        #expect(pipeline.dataset(named: "grids")?.accumulation == .stock)
        #expect(pipeline.dataset(named: "property_companies")?.accumulation == .stock)
    }
}
