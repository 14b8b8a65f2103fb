/// Which columns of its dataset a measure reads, and which indicators and breakdowns read a
/// column: what a run must leave out when a column is absent from every file of a dataset.
///
/// Exists because a measure over a column that no file carries does not fail: its condition is
/// simply never true (`status = resolved` counts nothing), and a resolution rate of 0% would be
/// reported as if it were a fact. Knowing the dependencies lets the run leave such indicators
/// out, as it does for a dataset that was not supplied, and say why.
extension Pipeline {
    /// The columns of its dataset that `measure` reads: those its condition names and the one it
    /// sums or counts, with a derived column replaced by the columns it is computed from
    /// (`days_to_close` reads `received_at` and `closed_at`).
    public func inputColumns(of measure: MeasureSpec) -> Set<String> {
        var names = measure.condition?.columns ?? []
        switch measure.aggregation {
        case .count: break
        case .sum(let column), .distinctCount(let column): names.insert(column)
        }
        guard let dataset = dataset(named: measure.dataset) else { return names }
        var columns = Set<String>()
        for name in names {
            if let derived = dataset.derived.first(where: { $0.name == name }) {
                switch derived.formula {
                case .daysBetween(let from, let to): columns.formUnion([from, to])
                }
            } else {
                columns.insert(name)
            }
        }
        return columns
    }

    /// The measures of `dataset` that read `column`, in pipeline order.
    public func measures(reading column: String, of dataset: String) -> [MeasureSpec] {
        measures.filter { $0.dataset == dataset && inputColumns(of: $0).contains(column) }
    }

    /// The indicators that use any of `measures`, in pipeline order.
    public func indicators(using measures: Set<String>) -> [IndicatorSpec] {
        indicators.filter { !measures.isDisjoint(with: $0.measures) }
    }

    /// The report's breakdowns that count `dataset`'s rows by the values of `column`.
    public func breakdowns(over column: String, of dataset: String) -> [BreakdownSpec] {
        report.breakdowns.filter { $0.dataset == dataset && $0.column == column }
    }
}
