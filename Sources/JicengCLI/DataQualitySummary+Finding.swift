import JicengAggregate
import JicengCore
import JicengNormalize

/// Counting a finding the run adds after reading the drop (the history store's `history-gap`), so
/// that `findings.json`, the reports and the printed summary count it with the drop's own.
extension DataQualitySummary {
    /// Counts one more finding (a finding the run adds after reading the drop).
    mutating func add(_ finding: Finding) {
        if finding.severity == .error { errors += 1 } else { warnings += 1 }
        if let i = findingCounts.firstIndex(where: { $0.code == finding.code && $0.severity == finding.severity }) {
            findingCounts[i].count += 1
        } else {
            findingCounts.append(.init(code: finding.code, severity: finding.severity, count: 1))
            findingCounts.sort { FindingKey(code: $0.code, severity: $0.severity) < FindingKey(code: $1.code, severity: $1.severity) }
        }
    }
}
