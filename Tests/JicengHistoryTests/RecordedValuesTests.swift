import Foundation
import JicengAggregate
import JicengCore
import JicengHistory
import JicengPipeline
import Testing

/// The read functions the reports' year view is fed from: recorded quarters, one unit's recorded
/// values (环比, 同比, trends), and the year-to-date table of an earlier run (`report --history`).
@Suite("History store: what the reports read")
struct RecordedValuesTests {
    func q(_ year: Int, _ quarter: Int) -> Period { Period(year: year, quarter: quarter) }

    /// Rows whose cells give C's a_indicator `value` and status, b_indicator no value.
    func rows(a value: String, status: String) -> [IndicatorRowText] {
        HistoryFixture.units.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }.flatMap { u in
            [
                IndicatorRowText(
                    unitId: u.id, indicator: "a_indicator", cells: u.id == "C" ? "\(value),,,0.9,>=,\(status)" : "0.5,,,,,no_target"),
                IndicatorRowText(unitId: u.id, indicator: "b_indicator", cells: ",0,0,,,no_data"),
            ]
        }
    }

    @Test("recorded quarters through a period: year runs, later quarters and other pipelines left out")
    func quarters() throws {
        let folder = TemporaryFolder("quarters")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        for p in ["2022Q3", "2021Q2", "2022Q1", "2022", "2022Q2"] {
            try store.record(HistoryFixture.run(p, values: [:]), rows: rows(a: "0.8", status: "missed"))
        }
        try store.record(HistoryFixture.run("2021Q4", pipeline: "other", values: [:]), rows: rows(a: "0.8", status: "missed"))
        #expect(try store.recordedQuarters(pipeline: "standard", through: q(2022, 2)) == [q(2021, 2), q(2022, 1), q(2022, 2)])
        #expect(try store.recordedQuarters(pipeline: "other", through: q(2022, 2)) == [q(2021, 4)])
        try store.close()
    }

    @Test("one unit's recorded values: by period, then in the order asked; unrecorded periods and units give nothing")
    func values() throws {
        let folder = TemporaryFolder("values")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        try store.record(HistoryFixture.run("2021Q2", values: [:]), rows: rows(a: "0.91", status: "met"))
        try store.record(HistoryFixture.run("2022Q1", values: [:]), rows: rows(a: "0.880001", status: "warning"))
        try store.record(HistoryFixture.run("2022Q2", values: [:]), rows: rows(a: "0.9", status: "met"))
        let values = try store.recordedValues(
            pipeline: "standard", unitId: "C", indicators: ["b_indicator", "a_indicator", "no_such"],
            periods: [q(2022, 1), q(2021, 4), q(2021, 2)])
        #expect(
            values == [
                RecordedValue(period: q(2021, 2), indicator: "b_indicator", value: nil, status: .noData),
                RecordedValue(period: q(2021, 2), indicator: "a_indicator", value: 0.91, status: .met),
                RecordedValue(period: q(2022, 1), indicator: "b_indicator", value: nil, status: .noData),
                RecordedValue(period: q(2022, 1), indicator: "a_indicator", value: 0.880001, status: .warning),
            ])
        #expect(
            try store.recordedValues(pipeline: "standard", unitId: "nobody", indicators: ["a_indicator"], periods: [q(2022, 1)]).isEmpty)
        #expect(try store.recordedValues(pipeline: "other", unitId: "C", indicators: ["a_indicator"], periods: [q(2022, 1)]).isEmpty)
        // A unit in some quarters only: values where it was recorded.
        let fewer = HistoryFixture.units.filter { $0.id != "G2" }
        try store.record(
            HistoryFixture.run("2022Q3", units: fewer, values: [:]),
            rows: [IndicatorRowText(unitId: "G1", indicator: "a_indicator", cells: "0.25,1,4,,,no_target")])
        #expect(
            try store.recordedValues(pipeline: "standard", unitId: "G2", indicators: ["a_indicator"], periods: [q(2022, 2), q(2022, 3)])
                == [RecordedValue(period: q(2022, 2), indicator: "a_indicator", value: 0.5, status: .noTarget)])
        try store.close()
        // A file holding no store yet reads as holding nothing.
        let blank = folder.file("blank.sqlite")
        #expect(FileManager.default.createFile(atPath: blank, contents: nil))
        #expect(
            try HistoryStore.openForReading(path: blank).recordedValues(
                pipeline: "standard", unitId: "C", indicators: ["a_indicator"],
                periods: [q(2022, 1)]
            ).isEmpty)
    }

    @Test("the year-to-date table of an earlier run's units equals the run's own, whatever order the units come in")
    func yearToDateTable() throws {
        let folder = TemporaryFolder("ytd-table")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        // Q1: G1 3 services, 1000 residents; Q2: G1 1 service, 1100 residents (residents are a stock).
        for (period, services, residents) in [("2022Q1", Int64(3), Int64(1000)), ("2022Q2", 1, 1100)] {
            let g1: [String: Int64] = ["services_delivered": services, "residents": residents, "grids": 1]
            try store.record(
                HistoryFixture.run(period, values: ["C": g1, "S1": g1, "K1": g1, "G1": g1]), rows: HistoryFixture.rows(period))
        }
        let targets = TargetBook(rules: [
            TargetRule(
                year: 2022, indicator: "services_per_1000_residents", comparator: .atLeast,
                target: 6, warning: 0.5, prorate: .linear)
        ])
        guard
            case .complete(let table) = try store.yearToDateTable(
                pipeline: HistoryFixture.pipeline, units: HistoryFixture.units.reversed(), targets: targets, through: q(2022, 2),
                toolVersion: "test")
        else {
            Issue.record("Q1 and Q2 are recorded")
            return
        }
        let c = try #require(table.results.first { $0.unitId == "C" && $0.indicator == "services_per_1000_residents" })
        // 4 services × 1000 / 1100 residents = 3.636…; pace 6 × 2 / 4 = 3: met; completion 3.636 / 6.
        #expect(abs(c.value! - 4000.0 / 1100) < 1e-12 && c.paceTarget == 3 && c.status == .met)
        #expect(abs(c.completion! - 4000.0 / 1100 / 6) < 1e-12)
        #expect(table.units.map(\.id) == ["C", "S1", "K1", "G1", "G2"])
        guard
            case .complete(let ytd) = try store.yearToDate(
                pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures,
                units: HistoryFixture.units, through: q(2022, 2))
        else { return }
        let direct = YearToDateEvaluator.evaluate(
            pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures, totals: ytd.totals, directory: HistoryFixture.directory(),
            availableMeasures: ytd.availableMeasures, targets: targets, period: q(2022, 2), toolVersion: "test")
        #expect(table == direct)
        guard
            case .missing(let missing) = try store.yearToDateTable(
                pipeline: HistoryFixture.pipeline, units: HistoryFixture.units, targets: targets, through: q(2022, 3), toolVersion: "test")
        else {
            Issue.record("Q3 is not recorded")
            return
        }
        #expect(missing == [q(2022, 3)])
        try store.close()
    }
}
