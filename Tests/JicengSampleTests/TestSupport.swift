import Foundation
import JicengSample

/// Temporary folders and the package root for the sample-generator tests.
enum TestSupport {
    /// A fresh, empty temporary folder.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "jiceng-sample-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The package root (two levels above this file's folder).
    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

extension SampleRequestTotals {
    /// The counts `ContractCheck.requestCounts` recounts from the files, in its order.
    var countsForComparison: [Int] {
        [received, resolved, inProgress, explained, open, resolvedOnTime, daysToCloseSum, satisfied, basicallySatisfied, dissatisfied]
    }
}
