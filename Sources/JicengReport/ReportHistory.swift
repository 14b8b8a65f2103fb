import JicengAggregate
import JicengCore

/// What the reports show of the year when a run has a history store (contract §8): the
/// year-to-date table and the recorded quarter values of the top unit's headline indicators.
///
/// The report stage never opens the store: the CLI reads these from it (through the history
/// module) and hands them over, so data flows one way and a report renders the same from the same
/// values. Without a `ReportHistory` every output is exactly what it was before history existed.
public struct ReportHistory: Sendable, Hashable {
    /// How many recorded quarters a headline trend shows at most.
    public static let trendLength = 8

    /// The year-to-date table through the run's quarter; nil when a quarter of the year is not
    /// recorded (a `history-gap`), or for a run that is not a quarter.
    public var yearToDate: YearToDateTable?
    /// The quarters of the year the store does not hold, when `yearToDate` is nil for that reason.
    public var missingQuarters: [Period]
    /// Recorded quarter values of the top unit's headline indicators (the run's own quarter may
    /// be among them or not: the report takes the run's quarter from its evaluation).
    public var recorded: [RecordedValue]

    public init(yearToDate: YearToDateTable?, missingQuarters: [Period] = [], recorded: [RecordedValue]) {
        self.yearToDate = yearToDate
        self.missingQuarters = missingQuarters
        self.recorded = recorded
    }

    /// The quarters whose values the report needs, given the quarters recorded up to the run's
    /// `period`: the last `trendLength` recorded ones (the run's own counted among them, recorded or
    /// not), the previous quarter (环比) and the same quarter a year earlier (同比). Oldest first;
    /// empty for a run that is not a quarter.
    public static func quartersToRead(for period: Period, recorded: [Period]) -> [Period] {
        guard period.quarter != nil else { return [] }
        let earlier = recorded.filter { $0.quarter != nil && RecordedValue.ordinal($0) < RecordedValue.ordinal(period) }
        var wanted = Array(earlier.suffix(trendLength - 1))
        if let previous = RecordedValue.shifted(period, by: -1) { wanted.append(previous) }
        if let yearAgo = RecordedValue.shifted(period, by: -4) { wanted.append(yearAgo) }
        var seen = Set<Period>()
        return wanted.filter { seen.insert($0).inserted }.sorted { RecordedValue.ordinal($0) < RecordedValue.ordinal($1) }
    }
}
