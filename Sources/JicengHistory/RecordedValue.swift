import JicengAggregate
import JicengCore

/// One unit's recorded value of one indicator in one recorded quarter, read back from the rows of
/// `indicators.csv` the store keeps.
///
/// Exists so that a report can say how an indicator moved since the previous quarter (环比) and
/// the same quarter a year earlier (同比), and draw its trend, without the report reading the
/// store itself: the CLI reads these values and hands them to the report.
public struct RecordedValue: Sendable, Hashable {
    public var period: Period
    public var indicator: String
    /// The recorded value; nil when the row had none (a ratio over a zero denominator).
    public var value: Double?
    /// The recorded status of the quarter's value against its (pro-rated) target.
    public var status: TargetStatus?

    public init(period: Period, indicator: String, value: Double?, status: TargetStatus?) {
        self.period = period
        self.indicator = indicator
        self.value = value
        self.status = status
    }

    /// The value and the status from a recorded row's last six fields (`value,numerator,
    /// denominator,target,comparator,status`): numbers are never quoted, so the value is the text
    /// before the first comma and the status the text after the last one.
    static func parse(cells: String) -> (value: Double?, status: TargetStatus?) {
        let fields = cells.split(separator: ",", omittingEmptySubsequences: false)
        let value = fields.first.flatMap { $0.isEmpty ? nil : Double($0) }
        let status = fields.count >= 6 ? fields.last.flatMap { TargetStatus(rawValue: String($0)) } : nil
        return (value, status)
    }
}
