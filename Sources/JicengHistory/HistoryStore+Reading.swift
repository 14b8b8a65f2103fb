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
                        RecordedInput(dataset: $0.dataset, file: $0.file, sha256: $0.sha256, bytes: $0.bytes,
                                      rowsRead: $0.rowsRead, rowsAccepted: $0.rowsAccepted)
                    }
                    return RecordedRun(pipeline: run.pipeline, period: Self.period(of: run), recordedAt: run.recordedAt,
                                       toolVersion: run.toolVersion, unitCount: run.unitCount, rowCount: run.rowCount, inputs: inputs)
                }.sorted { a, b in
                    a.pipeline != b.pipeline ? a.pipeline.utf8.lexicographicallyPrecedes(b.pipeline.utf8) : Self.precedes(a.period, b.period)
                }
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }

    /// Calls `body` with every recorded `indicators.csv` row of the selected runs, ordered by
    /// period (then pipeline), each run's rows in file order. Reads one consistent snapshot
    /// through a cursor: memory holds one run's units, never its rows.
    public func forEachIndicatorRow(_ selection: RunSelection, _ body: (RecordedIndicatorRow) throws -> Void) throws {
        guard let reader else { return }
        do {
            try reader.read { db in
                let runs = try Self.orderedRuns(db).filter {
                    selection.includes(pipeline: $0.pipeline, period: Self.period(of: $0))
                }.sorted { a, b in
                    let pa = Self.period(of: a), pb = Self.period(of: b)
                    return pa != pb ? Self.precedes(pa, pb) : a.pipeline.utf8.lexicographicallyPrecedes(b.pipeline.utf8)
                }
                for run in runs {
                    guard let id = run.id else { continue }
                    let units = try StoredUnit.filter(Column("run_id") == id).order(Column("ord")).fetchAll(db)
                    let indicators = try StoredIndicator.filter(Column("run_id") == id).order(Column("ord")).fetchAll(db).map(\.name)
                    let rows = try Row.fetchCursor(
                        db, sql: "SELECT unit_ord, indicator_ord, cells FROM indicator_row WHERE run_id = ? ORDER BY seq", arguments: [id])
                    while let row = try rows.next() {
                        let u: Int = row[0]
                        let i: Int = row[1]
                        guard units.indices.contains(u), units[u].ord == u, indicators.indices.contains(i) else {
                            throw HistoryStoreError(.notAStore, path: path, "a row of \(run.period) names unit \(u) or indicator \(i), which the run does not have")
                        }
                        let unit = units[u]
                        try body(RecordedIndicatorRow(period: run.period, unitId: unit.unitId, unitName: unit.name, level: unit.level,
                                                      indicator: indicators[i], cells: row[2]))
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
