import JicengCore

/// What a generator wrote and the exact figures the pipeline must find in it.
///
/// It exists so that tests and benchmarks can check the pipeline's answers (counts by status,
/// rates, grid and company sums, out-of-period warnings) for any unit and for a quarter or a year,
/// without a second implementation of the pipeline. Totals are kept per attached unit and quarter
/// and rolled up on request, the way contract §5 defines them (a row counts for its unit and all
/// its ancestors).
public struct SampleDropSummary: Sendable {
    public let configuration: SampleDropConfiguration
    /// The drop folder as given to `write(to:)`.
    public let folder: String
    /// Files in the order written.
    public let files: [SampleFile]
    /// Units in the order of the units file (root first).
    public let units: [SampleUnit]
    /// Requests and services deliberately dated in the quarter before the configured ones.
    public let outOfPeriodRows: [SampleRowLocation]

    let parentIndex: [Int]
    let requestTotals: [Int: [SampleRequestTotals]]
    let serviceTotals: [Int: [SampleServiceTotals]]
    let gridTotals: [SampleGridTotals]
    let companyTotals: [SampleCompanyTotals]

    init(configuration: SampleDropConfiguration, folder: String, context: GenerationContext) {
        self.configuration = configuration
        self.folder = folder
        files = context.files
        units = context.hierarchy.units
        outOfPeriodRows = context.outOfPeriod
        parentIndex = context.hierarchy.parent
        requestTotals = context.requestTotals
        serviceTotals = context.serviceTotals
        gridTotals = context.gridTotals
        companyTotals = context.companyTotals
    }

    /// Bytes written over all files.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// Records written for a dataset (all its files, out-of-period rows included).
    public func records(_ dataset: String) -> Int {
        files.filter { $0.dataset == dataset }.reduce(0) { $0 + $1.records }
    }

    /// The file of a given name.
    public func file(named name: String) -> SampleFile? { files.first { $0.name == name } }

    /// The root unit (the city).
    public var root: SampleUnit { units[0] }

    /// Units of a level, in file order.
    public func units(at level: UnitLevel) -> [SampleUnit] { units.filter { $0.level == level } }

    /// The first unit with this name (community names may repeat under different streets).
    public func unit(named name: String) -> SampleUnit? { units.first { $0.name == name } }

    /// Requests counted for `unitId` (the root when nil) in `period`; nil period means the
    /// configured quarters, i.e. all rows except the deliberate out-of-period ones.
    public func requests(in period: Period? = nil, unitId: String? = nil) -> SampleRequestTotals {
        sum(requestTotals, period: period, unitId: unitId, zero: SampleRequestTotals(), add: +)
    }

    /// Services counted for `unitId` (the root when nil) in `period` (as for `requests`).
    public func services(in period: Period? = nil, unitId: String? = nil) -> SampleServiceTotals {
        sum(serviceTotals, period: period, unitId: unitId, zero: SampleServiceTotals(), add: +)
    }

    /// The grid snapshot summed over the subtree of `unitId` (the root when nil).
    public func grids(unitId: String? = nil) -> SampleGridTotals {
        let members = subtree(of: unitId)
        return members.reduce(SampleGridTotals()) { $0 + gridTotals[$1] }
    }

    /// The property-company snapshot summed over the subtree of `unitId` (the root when nil).
    public func propertyCompanies(unitId: String? = nil) -> SampleCompanyTotals {
        let members = subtree(of: unitId)
        return members.reduce(SampleCompanyTotals()) { $0 + companyTotals[$1] }
    }

    /// Number of requests and services outside `period` (each one `out-of-period` warning).
    public func outOfPeriodCount(_ dataset: String, period: Period) -> Int {
        let buckets =
            dataset == "requests"
            ? requestTotals.mapValues { $0.reduce(0) { $0 + $1.received } }
            : serviceTotals.mapValues { $0.reduce(0) { $0 + $1.delivered } }
        return buckets.filter { !SampleDropSummary.contains(period, quarterKey: $0.key) }.values.reduce(0, +)
    }

    private func sum<T>(_ buckets: [Int: [T]], period: Period?, unitId: String?, zero: T, add: (T, T) -> T) -> T {
        let members = subtree(of: unitId)
        var result = zero
        for (key, perUnit) in buckets {
            if let period {
                guard SampleDropSummary.contains(period, quarterKey: key) else { continue }
            } else {
                let year = key / 4
                let quarter = key % 4 + 1
                guard year == configuration.year, configuration.quarters.contains(quarter) else { continue }
            }
            for index in members { result = add(result, perUnit[index]) }
        }
        return result
    }

    static func contains(_ period: Period, quarterKey key: Int) -> Bool {
        key / 4 == period.year && (period.quarter.map { $0 == key % 4 + 1 } ?? true)
    }

    /// Indices of the unit and all its descendants; empty for an unknown id.
    private func subtree(of unitId: String?) -> [Int] {
        guard let target = unitId.map({ id in units.firstIndex { $0.id == id } }) ?? 0 else { return [] }
        return (0..<units.count).filter { index in
            var current = index
            while current >= 0 {
                if current == target { return true }
                current = parentIndex[current]
            }
            return false
        }
    }
}
