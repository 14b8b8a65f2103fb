import GRDB
import JicengCore

extension HistoryStore {
    /// The recorded runs, by pipeline, then period (a year before its quarters).
    public func recordedRuns() throws -> [RecordedRun] {
        guard let reader else { return [] }
        do {
            return try reader.read { db in
                try Self.orderedRuns(db).map { run in
                    let inputs = try StoredInput.filter(Column("run_id") == run.id).order(Column("ord")).fetchAll(db).map {
                        RecordedInput(
                            dataset: $0.dataset, file: $0.file, sha256: $0.sha256, bytes: $0.bytes,
                            rowsRead: $0.rowsRead, rowsAccepted: $0.rowsAccepted)
                    }
                    return RecordedRun(
                        pipeline: run.pipeline, period: Self.period(of: run), recordedAt: run.recordedAt,
                        toolVersion: run.toolVersion, unitCount: run.unitCount, rowCount: run.rowCount, inputs: inputs)
                }.sorted { a, b in
                    a.pipeline != b.pipeline
                        ? a.pipeline.utf8.lexicographicallyPrecedes(b.pipeline.utf8) : Self.precedes(a.period, b.period)
                }
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }

    /// Goes through the recorded `indicators.csv` rows of the selected runs, ordered by period
    /// (then pipeline), each run's rows in file order: `run` is called with a run's units and
    /// indicators, then `row` with each of its rows, which names them by position. Reads one
    /// consistent snapshot through a cursor: memory holds one run's units, never its rows.
    public func forEachIndicatorRow(
        _ selection: RunSelection, run: (RecordedRunLayout) throws -> Void,
        row: (_ unit: Int, _ indicator: Int, _ cells: String) throws -> Void
    ) throws {
        guard let reader else { return }
        do {
            try reader.read { db in
                let runs = try Self.orderedRuns(db).filter {
                    selection.includes(pipeline: $0.pipeline, period: Self.period(of: $0))
                }.sorted { a, b in
                    let pa = Self.period(of: a)
                    let pb = Self.period(of: b)
                    return pa != pb ? Self.precedes(pa, pb) : a.pipeline.utf8.lexicographicallyPrecedes(b.pipeline.utf8)
                }
                for stored in runs {
                    guard let id = stored.id else { continue }
                    let units = try StoredUnit.filter(Column("run_id") == id).order(Column("ord")).fetchAll(db)
                    let indicators = try StoredIndicator.filter(Column("run_id") == id).order(Column("ord")).fetchAll(db).map(\.name)
                    guard units.enumerated().allSatisfy({ $0.offset == $0.element.ord }) else {
                        throw HistoryStoreError(.notAStore, path: path, "the units of \(stored.period) are not numbered in order")
                    }
                    try run(
                        RecordedRunLayout(
                            pipeline: stored.pipeline, period: stored.period,
                            units: units.map { RecordedUnit(id: $0.unitId, name: $0.name, level: $0.level) },
                            indicators: indicators))
                    let rows = try Row.fetchCursor(
                        db, sql: "SELECT unit_ord, indicator_ord, cells FROM indicator_row WHERE run_id = ? ORDER BY seq", arguments: [id])
                    while let r = try rows.next() {
                        let u: Int = r[0]
                        let i: Int = r[1]
                        guard units.indices.contains(u), indicators.indices.contains(i) else {
                            throw HistoryStoreError(
                                .notAStore, path: path,
                                "a row of \(stored.period) names unit \(u) or indicator \(i), which the run does not have")
                        }
                        try row(u, i, r[2])
                    }
                }
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreInspection.classify(error, path: path)
        }
    }

    /// The periods recorded for a pipeline.
    public func recordedPeriods(pipeline: String) throws -> [Period] {
        guard let reader else { return [] }
        do {
            return try reader.read { db in
                try StoredRun.filter(Column("pipeline") == pipeline).fetchAll(db).map(Self.period(of:)).sorted(by: Self.precedes)
            }
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }

    static func orderedRuns(_ db: Database) throws -> [StoredRun] {
        try StoredRun.order(Column("year"), Column("quarter"), Column("pipeline")).fetchAll(db)
    }

    /// A stored run's period: parsed from its text, else from its year and quarter.
    static func period(of run: StoredRun) -> Period {
        Period(parsing: run.period) ?? Period(year: run.year, quarter: run.quarter)
    }

    /// Period order: by year, a whole year before its quarters, then by quarter.
    static func precedes(_ a: Period, _ b: Period) -> Bool {
        (a.year, a.quarter ?? 0) < (b.year, b.quarter ?? 0)
    }
}
