import Foundation

/// The time a run stamps on what it writes (manifest, history store): `SOURCE_DATE_EPOCH` when
/// set, so that two runs can be compared byte for byte, else now; ISO 8601 in UTC.
enum SourceDate {
    static func now() -> String {
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let date = epoch.map { Date(timeIntervalSince1970: $0) } ?? Date()
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
