import GRDB
import JicengAggregate
import JicengCore

extension HistoryStore {
    /// The quarters recorded for `pipeline` up to and including `period`'s end, oldest first
    /// (year and half-year runs left out): what a trend of the last quarters is drawn over.
    public func recordedQuarters(pipeline: String, through period: Period) throws -> [Period] {
        try recordedPeriods(pipeline: pipeline).filter { $0.quarter != nil && $0.lastDay <= period.lastDay }
    }

    /// The recorded values of `indicators` for the unit `unitId` in those of `periods` the store
    /// holds for `pipeline`, ordered by period, then as `indicators` lists them. A period not
    /// recorded, a unit not in a period's hierarchy or an indicator not in its rows gives nothing
    /// for it. Reads one consistent snapshot; each period's rows are scanned once for the unit.
    public func recordedValues(pipeline: String, unitId: String, indicators: [String], periods: [Period]) throws
        -> [RecordedValue]
    {
        guard let reader, !indicators.isEmpty else { return [] }
        let wanted = Set(periods.map(\.description))
        do {
            return try reader.read { db in
                let runs = try StoredRun.filter(Column("pipeline") == pipeline).fetchAll(db)
                    .filter { wanted.contains($0.period) }
                    .sorted { Self.precedes(Self.period(of: $0), Self.period(of: $1)) }
                var values: [RecordedValue] = []
                for run in runs {
                    guard let id = run.id,
                        let unitOrd = try Int.fetchOne(
                            db, sql: "SELECT ord FROM run_unit WHERE run_id = ? AND unit_id = ?",
                            arguments: [id, unitId])
                    else { continue }
                    var ordOf: [Int: String] = [:]
                    for stored in try StoredIndicator.filter(Column("run_id") == id).fetchAll(db) where indicators.contains(stored.name) {
                        ordOf[stored.ord] = stored.name
                    }
                    guard !ordOf.isEmpty else { continue }
                    var found: [String: RecordedValue] = [:]
                    let period = Self.period(of: run)
                    let rows = try Row.fetchCursor(
                        db, sql: "SELECT indicator_ord, cells FROM indicator_row WHERE run_id = ? AND unit_ord = ?",
                        arguments: [id, unitOrd])
                    while let row = try rows.next() {
                        let ord: Int = row[0]
                        guard let name = ordOf[ord] else { continue }
                        let parsed = RecordedValue.parse(cells: row[1])
                        found[name] = RecordedValue(period: period, indicator: name, value: parsed.value, status: parsed.status)
                    }
                    values += indicators.compactMap { found[$0] }
                }
                return values
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }
}
