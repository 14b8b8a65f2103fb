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
    /// The year-to-date totals through the quarter `period`, for `units` (the run's, in its order)
    /// and the run's compiled `measures`. A unit recorded in an earlier quarter but gone from the
    /// run's hierarchy does not appear; a unit new this year counts from the quarter it appears.
    public func yearToDate(pipeline: Pipeline, measures: CompiledMeasures, units: [UnitInfo], through period: Period) throws
        -> YearToDateOutcome {
        guard let n = period.quarter else { preconditionFailure("year-to-date is defined for a quarter") }
        guard let reader else { return .missing((1...n).map { Period(year: period.year, quarter: $0) }) }
        do {
            return try reader.read { db in
                let runs = try StoredRun
                    .filter(Column("pipeline") == pipeline.name && Column("year") == period.year && Column("quarter") != nil)
                    .fetchAll(db)
                var byQuarter: [Int: Int64] = [:]
                for run in runs { if let q = run.quarter, let id = run.id, run.period == Period(year: period.year, quarter: q).description { byQuarter[q] = id } }
                let missing = (1...n).filter { byQuarter[$0] == nil }
                if !missing.isEmpty { return .missing(missing.map { Period(year: period.year, quarter: $0) }) }

                var totals = MeasureTotals(units: units.count, measures: measures.count)
                var unitIndex: [String: Int] = [:]
                unitIndex.reserveCapacity(units.count)
                for (i, unit) in units.enumerated() { unitIndex[unit.id] = i }
                var recordedIn: [String: Int] = [:]   // measure → quarters recording it
                var recordedLatest = Set<String>()
                for q in 1...n {
                    let runId = byQuarter[q]!
                    let stored = try StoredMeasure.filter(Column("run_id") == runId).order(Column("ord")).fetchAll(db)
                    // For each recorded measure: its index in the run's totals, when this quarter adds to it.
                    var target = [Int](repeating: -1, count: (stored.map(\.ord).max() ?? -1) + 1)
                    for m in stored {
                        recordedIn[m.name, default: 0] += 1
                        if q == n { recordedLatest.insert(m.name) }
                        guard let spec = pipeline.measure(named: m.name), pipeline.isAdditiveOverQuarters(spec),
                              let accumulation = pipeline.accumulation(of: spec), let index = measures.index(of: m.name) else { continue }
                        if accumulation == .flow || q == n { target[m.ord] = index }
                    }
                    let storedUnits = try Row.fetchCursor(db, sql: "SELECT ord, unit_id FROM run_unit WHERE run_id = ? ORDER BY ord",
                                                          arguments: [runId])
                    var unitTarget: [Int] = []
                    while let row = try storedUnits.next() {
                        let ord: Int = row[0]
                        while unitTarget.count < ord { unitTarget.append(-1) }
                        unitTarget.append(unitIndex[row[1] as String] ?? -1)
                    }
                    let values = try Row.fetchCursor(
                        db, sql: "SELECT unit_ord, measure_ord, value FROM measure_total WHERE run_id = ?", arguments: [runId])
                    while let row = try values.next() {
                        let u: Int = row[0], m: Int = row[1]
                        guard u >= 0, u < unitTarget.count, m >= 0, m < target.count else { continue }
                        let unit = unitTarget[u], measure = target[m]
                        if unit >= 0 && measure >= 0 { totals[unit, measure] &+= row[2] as Int64 }
                    }
                }
                var available = Set<String>()
                for spec in pipeline.measures where pipeline.isAdditiveOverQuarters(spec) {
                    switch pipeline.accumulation(of: spec) {
                    case .flow?: if recordedIn[spec.name] == n { available.insert(spec.name) }
                    case .stock?: if recordedLatest.contains(spec.name) { available.insert(spec.name) }
                    case nil: break
                    }
                }
                return .complete(YearToDateTotals(quarters: (1...n).map { Period(year: period.year, quarter: $0) },
                                                  totals: totals, availableMeasures: available))
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }
}
