import JicengAggregate
import JicengCore
import JicengPipeline

/// Adds quarters' measure totals into year-to-date totals (contract §8): a flow adds every
/// quarter's value, a stock takes only the latest quarter's. A quarter arrives as its measure
/// names and unit ids by position (as recorded), then its values by position; they are mapped by
/// name and id onto the run's units and compiled measures.
struct YearToDateAccumulator {
    let pipeline: Pipeline
    let measures: CompiledMeasures
    /// n: the last quarter, whose stocks count.
    let lastQuarter: Int
    private(set) var totals: MeasureTotals
    private let unitIndex: [String: Int]
    /// Quarters that recorded each measure, and the measures of the last quarter.
    private var recordedIn: [String: Int] = [:]
    private var recordedLast = Set<String>()
    /// For the quarter being added: position → index in `totals` (or -1 to skip).
    private var measureTarget: [Int] = []
    private var unitTarget: [Int] = []

    init(pipeline: Pipeline, measures: CompiledMeasures, units: [UnitInfo], lastQuarter: Int) {
        self.pipeline = pipeline
        self.measures = measures
        self.lastQuarter = lastQuarter
        totals = MeasureTotals(units: units.count, measures: measures.count)
        var index: [String: Int] = [:]
        index.reserveCapacity(units.count)
        for (i, unit) in units.enumerated() { index[unit.id] = i }
        unitIndex = index
    }

    /// Starts quarter `q`, whose values name measures and units by their positions in these lists.
    mutating func beginQuarter(_ q: Int, measureNames: [String], unitIds: [String]) {
        measureTarget = measureNames.map { name in
            recordedIn[name, default: 0] += 1
            if q == lastQuarter { recordedLast.insert(name) }
            guard let spec = pipeline.measure(named: name), pipeline.isAdditiveOverQuarters(spec),
                let accumulation = pipeline.accumulation(of: spec), let index = measures.index(of: name)
            else { return -1 }
            return accumulation == .flow || q == lastQuarter ? index : -1
        }
        unitTarget = unitIds.map { unitIndex[$0] ?? -1 }
    }

    /// Adds a value of the current quarter, by positions in its lists.
    mutating func add(unit: Int, measure: Int, value: Int64) {
        guard unitTarget.indices.contains(unit), measureTarget.indices.contains(measure) else { return }
        let u = unitTarget[unit]
        let m = measureTarget[measure]
        if u >= 0 && m >= 0 { totals[u, m] &+= value }
    }

    /// The totals, with the measures that have a year-to-date value: an additive flow recorded
    /// in every quarter, a stock recorded in the last one.
    func finish(year: Int) -> YearToDateTotals {
        var available = Set<String>()
        for spec in pipeline.measures where pipeline.isAdditiveOverQuarters(spec) {
            switch pipeline.accumulation(of: spec) {
            case .flow?: if recordedIn[spec.name] == lastQuarter { available.insert(spec.name) }
            case .stock?: if recordedLast.contains(spec.name) { available.insert(spec.name) }
            case nil: break
            }
        }
        return YearToDateTotals(
            quarters: (1...lastQuarter).map { Period(year: year, quarter: $0) }, totals: totals,
            availableMeasures: available)
    }
}
