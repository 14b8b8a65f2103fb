import GRDB
import JicengAggregate
import JicengCore
import JicengPipeline

/// The measure totals of a year so far, built from the recorded quarters `yQ1 … yQn` of one
/// pipeline (contract §8): flows summed over the quarters, stocks taken from the latest quarter.
///
/// Indexed like the run's own totals (its units, its compiled measures), so the project's
/// `IndicatorComputer` turns them into year-to-date indicators exactly as it does a quarter's.
public struct YearToDateTotals: Sendable {
    /// The quarters covered, `yQ1 … yQn`.
    public var quarters: [Period]
    public var totals: MeasureTotals
    /// Measures with a year-to-date value: an additive flow recorded in every quarter, or a stock
    /// recorded in the latest one.
    public var availableMeasures: Set<String>
}

/// Whether the store holds every quarter a year-to-date table needs.
public enum YearToDateOutcome: Sendable {
    /// Every quarter `yQ1 … yQn` is recorded.
    case complete(YearToDateTotals)
    /// These quarters of `yQ1 … yQn` are not recorded: no year-to-date table.
    case missing([Period])
}

extension HistoryStore {
    /// The year-to-date totals through the quarter `period` from the recorded quarters `yQ1 … yQn`
    /// (a run records itself first), for `units` (the run's, in its order) and the run's compiled
    /// `measures`. A unit recorded in an earlier quarter but gone from the run's hierarchy does not
    /// appear; a unit new this year counts from the quarter it appears in.
    public func yearToDate(pipeline: Pipeline, measures: CompiledMeasures, units: [UnitInfo], through period: Period) throws
        -> YearToDateOutcome
    {
        guard let n = period.quarter else { preconditionFailure("year-to-date is defined for a quarter") }
        do {
            let stored: [Int: Int64] =
                try reader?.read { db in
                    var byQuarter: [Int: Int64] = [:]
                    let runs =
                        try StoredRun
                        .filter(Column("pipeline") == pipeline.name && Column("year") == period.year && Column("quarter") != nil)
                        .fetchAll(db)
                    for run in runs {
                        if let q = run.quarter, let id = run.id, run.period == Period(year: period.year, quarter: q).description {
                            byQuarter[q] = id
                        }
                    }
                    return byQuarter
                } ?? [:]
            let missing = (1...n).filter { stored[$0] == nil }
            if !missing.isEmpty { return .missing(missing.map { Period(year: period.year, quarter: $0) }) }

            var accumulator = YearToDateAccumulator(pipeline: pipeline, measures: measures, units: units, lastQuarter: n)
            try reader?.read { db in
                for q in 1...n { try Self.add(run: stored[q]!, quarter: q, to: &accumulator, db) }
            }
            return .complete(accumulator.finish(year: period.year))
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }

    /// Adds a stored quarter: its measures and units by position, then its totals through a cursor.
    private static func add(run id: Int64, quarter: Int, to accumulator: inout YearToDateAccumulator, _ db: Database) throws {
        var measureNames: [String] = []
        for m in try StoredMeasure.filter(Column("run_id") == id).order(Column("ord")).fetchAll(db) {
            while measureNames.count < m.ord { measureNames.append("") }
            measureNames.append(m.name)
        }
        var unitIds: [String] = []
        let units = try Row.fetchCursor(db, sql: "SELECT ord, unit_id FROM run_unit WHERE run_id = ? ORDER BY ord", arguments: [id])
        while let row = try units.next() {
            let ord: Int = row[0]
            while unitIds.count < ord { unitIds.append("") }
            unitIds.append(row[1])
        }
        accumulator.beginQuarter(quarter, measureNames: measureNames, unitIds: unitIds)
        let values = try Row.fetchCursor(
            db, sql: "SELECT unit_ord, measure_ord, value FROM measure_total WHERE run_id = ?", arguments: [id])
        while let row = try values.next() {
            accumulator.add(unit: row[0], measure: row[1], value: row[2])
        }
    }
}
