import Foundation
import GRDB
import JicengAggregate
import JicengCore
import JicengHistory
import Testing

@Suite("History store: schema, recording, replacement, reading back")
struct HistoryStoreTests {
    @Test("a new store is created, migrated and marked as Jiceng's")
    func newStoreIsMarked() throws {
        let folder = TemporaryFolder("new")
        let path = folder.file("h.sqlite")
        let store = try HistoryStore.openForRecording(path: path)
        try store.close()
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == 0x4A43_4E47)
            #expect(try String.fetchOne(db, sql: "SELECT value FROM jiceng_meta WHERE key = 'format'") == "jiceng-history")
            #expect(try String.fetchOne(db, sql: "SELECT value FROM jiceng_meta WHERE key = 'schema_version'") == "1")
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == ["v1"])
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            #expect(
                tables == [
                    "grdb_migrations", "indicator_row", "jiceng_meta", "measure_total", "run", "run_indicator",
                    "run_input", "run_measure", "run_unit", "sqlite_sequence",
                ])
        }
        try queue.close()
        // Opening it again changes nothing and finds nothing recorded.
        let again = try HistoryStore.openForRecording(path: path)
        #expect(try again.recordedRuns().isEmpty)
        try again.close()
    }

    @Test("an empty file (as mktemp leaves) becomes a store")
    func emptyFileBecomesStore() throws {
        let folder = TemporaryFolder("empty")
        let path = folder.file("h.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(try HistoryStore.openForReading(path: path).recordedRuns().isEmpty)
        let store = try HistoryStore.openForRecording(path: path)
        try store.record(HistoryFixture.run("2022Q1", values: [:]), rows: HistoryFixture.rows("q1"))
        #expect(try store.recordedRuns().map(\.period.description) == ["2022Q1"])
        try store.close()
    }

    @Test("a run is recorded with its inputs, units, non-zero totals and rows, and read back in order")
    func recordsAndReadsBack() throws {
        let folder = TemporaryFolder("record")
        let path = folder.file("h.sqlite")
        let store = try HistoryStore.openForRecording(path: path)
        let inputs = [
            RecordedInput(
                dataset: "units", file: "units.csv", sha256: String(repeating: "a", count: 64), bytes: 10,
                rowsRead: 5, rowsAccepted: 5),
            RecordedInput(
                dataset: "requests", file: "requests-绣林.csv", sha256: String(repeating: "b", count: 64),
                bytes: 20, rowsRead: 3, rowsAccepted: 2),
        ]
        let values: [String: [String: Int64]] = [
            "C": ["requests_received": 3], "S1": ["requests_received": 3], "K1": ["requests_received": 3],
            "G1": ["requests_received": 2, "residents": 100],
        ]
        try store.record(
            HistoryFixture.run("2022Q2", values: values, inputs: inputs, recordedAt: "2022-07-01T08:00:00Z"),
            rows: HistoryFixture.rows("q2"))
        let runs = try store.recordedRuns()
        #expect(
            runs == [
                RecordedRun(
                    pipeline: "standard", period: Period(year: 2022, quarter: 2), recordedAt: "2022-07-01T08:00:00Z",
                    toolVersion: "test", unitCount: 5, rowCount: 10, inputs: inputs)
            ])
        let rows = try HistoryFixture.exported(store)
        #expect(rows.count == 10)
        #expect(rows.first == "2022Q2|C|某市|city|a_indicator|q2-C-a_indicator,,,,,no_target")
        #expect(rows.last == "2022Q2|S1|一街道|street|b_indicator|q2-S1-b_indicator,,,,,no_target")
        try store.close()
        // Zeros are not stored: 5 values above.
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM measure_total") == 5)
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM run_unit WHERE parent_ord IS NULL") == 1)
    }

    @Test("recording a pipeline's period again replaces it and nothing else")
    func replaces() throws {
        let folder = TemporaryFolder("replace")
        let path = folder.file("h.sqlite")
        let store = try HistoryStore.openForRecording(path: path)
        try store.record(HistoryFixture.run("2022Q1", values: ["C": ["requests_received": 1]]), rows: HistoryFixture.rows("old"))
        try store.record(
            HistoryFixture.run("2022Q1", pipeline: "other", values: ["C": ["requests_received": 7]]), rows: HistoryFixture.rows("other"))
        try store.record(
            HistoryFixture.run("2022Q1", values: ["C": ["requests_received": 2], "G1": ["grids": 1]]), rows: HistoryFixture.rows("new"))
        #expect(try store.recordedRuns().map { "\($0.pipeline) \($0.period)" } == ["other 2022Q1", "standard 2022Q1"])
        let standard = try HistoryFixture.exported(store, RunSelection(pipeline: "standard"))
        #expect(standard.count == 10 && standard.allSatisfy { $0.contains("|new-") })
        #expect(try HistoryFixture.exported(store, RunSelection(pipeline: "other")).allSatisfy { $0.contains("|other-") })
        guard
            case .complete(let ytd) = try store.yearToDate(
                pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures,
                units: HistoryFixture.units, through: Period(year: 2022, quarter: 1))
        else {
            Issue.record("Q1 is recorded")
            return
        }
        #expect(HistoryFixture.total(ytd, "C", "requests_received") == 2)
        try store.close()
        // The old run's rows went with it: two runs' worth remain in every table.
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM run") == 2)
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM indicator_row") == 20)
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM run_unit") == 10)
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM measure_total") == 3)
        #expect(try HistoryFixture.count(path, "SELECT count(*) FROM run_measure WHERE run_id NOT IN (SELECT id FROM run)") == 0)
    }

    @Test("a recording that fails part way leaves the store as it was")
    func failedRecordingChangesNothing() throws {
        let folder = TemporaryFolder("rollback")
        let path = folder.file("h.sqlite")
        let store = try HistoryStore.openForRecording(path: path)
        try store.record(HistoryFixture.run("2022Q1", values: ["C": ["requests_received": 1]]), rows: HistoryFixture.rows("old"))
        let before = try HistoryFixture.exported(store)
        // The last row names a unit the run does not have: the recording fails after writing the rest.
        let rows = HistoryFixture.rows("new") + [IndicatorRowText(unitId: "nowhere", indicator: "a_indicator", cells: "")]
        #expect(throws: HistoryStoreError.self) {
            try store.record(HistoryFixture.run("2022Q1", values: ["C": ["requests_received": 9]]), rows: rows)
        }
        #expect(try HistoryFixture.exported(store) == before)
        guard
            case .complete(let ytd) = try store.yearToDate(
                pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures,
                units: HistoryFixture.units, through: Period(year: 2022, quarter: 1))
        else {
            Issue.record("Q1 is recorded")
            return
        }
        #expect(HistoryFixture.total(ytd, "C", "requests_received") == 1)
        try store.close()
    }

    @Test("export orders by period (a year before its quarters), then pipeline; selections by pipeline and span")
    func exportOrderAndSelection() throws {
        let folder = TemporaryFolder("order")
        let store = try HistoryStore.openForRecording(path: folder.file("h.sqlite"))
        let one = [HistoryFixture.units[0]]
        for (period, pipeline) in [
            ("2023Q1", "standard"), ("2022Q2", "standard"), ("2022", "standard"), ("2022Q1", "standard"), ("2022Q1", "other"),
        ] {
            try store.record(
                HistoryFixture.run(period, pipeline: pipeline, units: one, values: [:]),
                rows: HistoryFixture.rows("\(pipeline)", units: one))
        }
        func periods(_ selection: RunSelection) throws -> [String] {
            try HistoryFixture.exported(store, selection).map { r in
                let f = r.split(separator: "|")
                return f[0] + " " + f[5].split(separator: "-")[0]
            }.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        }
        #expect(try periods(RunSelection()) == ["2022 standard", "2022Q1 other", "2022Q1 standard", "2022Q2 standard", "2023Q1 standard"])
        #expect(
            try periods(RunSelection(pipeline: "standard", from: Period(year: 2022, quarter: 2))) == ["2022Q2 standard", "2023Q1 standard"])
        #expect(try periods(RunSelection(to: Period(year: 2022, quarter: 1))) == ["2022Q1 other", "2022Q1 standard"])
        #expect(
            try periods(RunSelection(from: Period(year: 2022), to: Period(year: 2022)))
                == ["2022 standard", "2022Q1 other", "2022Q1 standard", "2022Q2 standard"])
        try store.close()
    }

    @Test("two stores on one file record at the same time from two threads; both runs are there")
    func concurrentRecording() throws {
        let folder = TemporaryFolder("concurrent")
        let path = folder.file("h.sqlite")
        let failures = NSLock()
        nonisolated(unsafe) var errors: [Error] = []
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                let store = try HistoryStore.openForRecording(path: path)
                try store.record(
                    HistoryFixture.run("2022Q\(i + 1)", values: ["C": ["requests_received": Int64(i + 1)]]),
                    rows: HistoryFixture.rows("q\(i + 1)"))
                try store.close()
            } catch {
                failures.lock()
                errors.append(error)
                failures.unlock()
            }
        }
        #expect(errors.isEmpty, "\(errors)")
        let store = try HistoryStore.openForReading(path: path)
        #expect(try store.recordedRuns().map(\.period.description) == ["2022Q1", "2022Q2", "2022Q3", "2022Q4"])
        try store.close()
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        try queue.close()
    }
}
