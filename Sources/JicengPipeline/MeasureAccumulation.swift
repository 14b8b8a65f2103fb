/// How a measure adds up over the quarters of a year (contract §8): a flow is counted anew each
/// quarter and sums over the year (requests received, services delivered); a stock describes the
/// state at the end of a quarter and its year-to-date value is the latest quarter's (grids,
/// residents, property companies).
///
/// Exists so that year-to-date figures can be built from recorded quarters without a list of
/// measure names in code: it follows from the measure's dataset.
public enum MeasureAccumulation: String, Sendable, Hashable, Codable, CaseIterable {
    case flow
    case stock
}

extension DatasetSpec {
    /// A dataset with a period column (rows dated within the quarter) holds flows; a snapshot
    /// dataset (no period column, always counted) holds stocks.
    public var accumulation: MeasureAccumulation { periodColumn == nil ? .stock : .flow }
}

extension Pipeline {
    /// The accumulation of a measure, from its dataset; nil when the dataset is unknown.
    public func accumulation(of measure: MeasureSpec) -> MeasureAccumulation? {
        dataset(named: measure.dataset)?.accumulation
    }

    /// Whether a measure's year-to-date value can be built from quarterly totals: every stock
    /// can (the latest quarter's), and a flow can when it is a count or a sum. A distinct count
    /// over a flow cannot: the same value seen in two quarters would be counted twice.
    public func isAdditiveOverQuarters(_ measure: MeasureSpec) -> Bool {
        switch (accumulation(of: measure), measure.aggregation) {
        case (.stock?, _): return true
        case (.flow?, .count), (.flow?, .sum): return true
        case (.flow?, .distinctCount), (nil, _): return false
        }
    }
}
