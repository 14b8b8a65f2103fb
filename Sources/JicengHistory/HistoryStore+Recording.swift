import GRDB
import JicengCore

/// Points where a test can step into a recording. Inert unless set (the CLI sets them only when
/// the test-only environment variable `JICENG_TEST_HISTORY_PAUSE` is present).
public struct RecordingHooks: Sendable {
    /// Called just before the recording transaction begins.
    public var beforeTransaction: (@Sendable () -> Void)?
    /// Called inside the transaction when everything is written, just before the commit.
    public var beforeCommit: (@Sendable () -> Void)?

    public init(beforeTransaction: (@Sendable () -> Void)? = nil, beforeCommit: (@Sendable () -> Void)? = nil) {
        self.beforeTransaction = beforeTransaction
        self.beforeCommit = beforeCommit
    }
}

extension HistoryStore {
    /// Records a run, replacing the store's record of the same pipeline and period, in one
    /// transaction: a reader sees the old record or the new one, and a process killed at any
    /// moment leaves the store as it was. Another run recording at the same time waits (up to
    /// `busyTimeout`).
    ///
    /// `rows` are the rows of the run's `indicators.csv` in file order; they are consumed one at
    /// a time and written with one prepared statement, as are the measure totals, so recording
    /// holds nothing beyond what the run already holds.
    public func record<Rows: Sequence>(_ run: RunRecord, rows: Rows, hooks: RecordingHooks = RecordingHooks()) throws
    where Rows.Element == IndicatorRowText {
        guard let writer else { throw HistoryStoreError(.failure, path: path, "the store was opened for reading only") }
        hooks.beforeTransaction?()
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try Self.insert(run, rows: rows, into: db, path: path)
                    hooks.beforeCommit?()
                    return .commit
                }
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }

    private static func insert<Rows: Sequence>(_ run: RunRecord, rows: Rows, into db: Database, path: String) throws
    where Rows.Element == IndicatorRowText {
        // Replacing: the old run's rows in every table go with it (ON DELETE CASCADE).
        try StoredRun.filter(Column("pipeline") == run.pipeline && Column("period") == run.period.description).deleteAll(db)
        var stored = StoredRun(
            id: nil, pipeline: run.pipeline, period: run.period.description, year: run.period.year,
            quarter: run.period.quarter, recordedAt: run.recordedAt, toolVersion: run.toolVersion,
            unitCount: run.units.count, rowCount: 0)
        try stored.insert(db)
        guard let runId = stored.id else { throw HistoryStoreError(.failure, path: path, "the run was not given an id") }

        for (ord, input) in run.inputs.enumerated() {
            try StoredInput(
                runId: runId, ord: ord, dataset: input.dataset, file: input.file, sha256: input.sha256,
                bytes: input.bytes, rowsRead: input.rowsRead, rowsAccepted: input.rowsAccepted
            ).insert(db)
        }
        for (ord, measure) in run.measures.enumerated() {
            try StoredMeasure(
                runId: runId, ord: ord, name: measure.name, dataset: measure.dataset,
                accumulation: measure.accumulation.rawValue, aggregation: measure.aggregation
            ).insert(db)
        }
        for (ord, name) in run.indicators.enumerated() {
            try StoredIndicator(runId: runId, ord: ord, name: name).insert(db)
        }

        var unitOrd: [String: Int] = [:]
        unitOrd.reserveCapacity(run.units.count)
        for (ord, unit) in run.units.enumerated() { unitOrd[unit.id] = ord }
        let unitStatement = try db.makeStatement(
            sql: "INSERT INTO run_unit (run_id, ord, unit_id, name, level, parent_ord) VALUES (?, ?, ?, ?, ?, ?)")
        for (ord, unit) in run.units.enumerated() {
            try unitStatement.execute(arguments: [
                runId, ord, unit.id, unit.name, unit.level.rawValue, unit.parentId.flatMap { unitOrd[$0] },
            ])
        }

        let totalStatement = try db.makeStatement(
            sql: "INSERT INTO measure_total (run_id, unit_ord, measure_ord, value) VALUES (?, ?, ?, ?)")
        for unit in 0..<min(run.units.count, run.totals.unitCount) {
            for (ord, measure) in run.measures.enumerated() {
                let value = run.totals[unit, measure.totalsIndex]
                if value != 0 { try totalStatement.execute(arguments: [runId, unit, ord, value]) }
            }
        }

        var indicatorOrd: [String: Int] = [:]
        for (ord, name) in run.indicators.enumerated() { indicatorOrd[name] = ord }
        let rowStatement = try db.makeStatement(
            sql: "INSERT INTO indicator_row (run_id, seq, unit_ord, indicator_ord, cells) VALUES (?, ?, ?, ?, ?)")
        var seq = 0
        for row in rows {
            guard let u = unitOrd[row.unitId], let i = indicatorOrd[row.indicator] else {
                throw HistoryStoreError(
                    .failure, path: path, "a row names unit \(row.unitId) or indicator \(row.indicator), which the run does not have")
            }
            try rowStatement.execute(arguments: [runId, seq, u, i, row.cells])
            seq += 1
        }
        stored.rowCount = seq
        try stored.update(db, columns: ["row_count"])
    }
}
