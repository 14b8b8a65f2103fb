import JicengCore

/// What the leadership report puts first: headline indicators, the rates units are ranked on, and
/// the enumeration breakdowns drawn as charts.
public struct ReportSettings: Sendable, Hashable {
    public var headline: [String]
    public var rankings: [String]
    /// Rate indicators drawn as bars by unit with the target as a line.
    public var barCharts: [String]
    public var breakdowns: [BreakdownSpec]

    public init(headline: [String] = [], rankings: [String] = [], barCharts: [String] = [], breakdowns: [BreakdownSpec] = []) {
        self.headline = headline
        self.rankings = rankings
        self.barCharts = barCharts
        self.breakdowns = breakdowns
    }
}

/// Rows of a dataset counted by the values of one enumeration column (e.g. requests by channel).
public struct BreakdownSpec: Sendable, Hashable {
    public var name: String
    public var dataset: String
    public var column: String
    public var title: LocalizedText

    public init(name: String, dataset: String, column: String, title: LocalizedText) {
        self.name = name
        self.dataset = dataset
        self.column = column
        self.title = title
    }
}
