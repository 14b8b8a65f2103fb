/// An additive quantity computed over the rows of one dataset, per unit, then rolled up the
/// hierarchy: a count, a sum, or a distinct count, each with an optional filter.
public struct MeasureSpec: Sendable, Hashable {
    public enum Aggregation: Sendable, Hashable {
        case count
        case sum(column: String)
        case distinctCount(column: String)
    }

    public var name: String
    public var dataset: String
    public var aggregation: Aggregation
    public var condition: Condition?

    public init(name: String, dataset: String, aggregation: Aggregation, condition: Condition? = nil) {
        self.name = name
        self.dataset = dataset
        self.aggregation = aggregation
        self.condition = condition
    }
}
