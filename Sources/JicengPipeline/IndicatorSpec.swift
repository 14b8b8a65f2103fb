import JicengCore

/// A reported indicator: either a measure's value, or numerator / denominator × factor over
/// measures summed over the unit's subtree (contract §5: never an average of children's ratios).
public struct IndicatorSpec: Sendable, Hashable {
    public enum Formula: Sendable, Hashable {
        case value(measure: String)
        case ratio(numerator: String, denominator: String, factor: Double)
    }

    /// How the value is shown to people (machine outputs always use plain decimals).
    public enum Display: String, Sendable, Hashable, Codable {
        /// A whole number, shown with its full value.
        case count
        /// A ratio shown as a percentage with two decimals (90.17%).
        case percent
        /// A decimal with two decimals (e.g. days, residents per worker).
        case decimal
    }

    public var name: String
    public var formula: Formula
    public var display: Display
    public var title: LocalizedText

    public init(name: String, formula: Formula, display: Display, title: LocalizedText) {
        self.name = name
        self.formula = formula
        self.display = display
        self.title = title
    }

    public var measures: [String] {
        switch formula {
        case .value(let m): return [m]
        case .ratio(let n, let d, _): return [n, d]
        }
    }
}
