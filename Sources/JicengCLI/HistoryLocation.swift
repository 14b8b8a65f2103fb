import Foundation

/// Where the history store is: `--history FILE`, else the environment variable `JICENG_HISTORY`
/// (contract §8), else none.
enum HistoryLocation {
    static let environmentVariable = "JICENG_HISTORY"

    static func resolve(explicit: String?) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty { return value }
        return nil
    }
}
