import JicengAggregate

extension RecordedValue {
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
