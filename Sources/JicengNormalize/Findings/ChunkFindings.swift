import JicengCore

/// Findings of one chunk (or one file's header), with per-code counts.
///
/// A worker never keeps more than `listLimit` findings of one code for one chunk: beyond the
/// per-file limit they could not be listed anyway, so memory stays bounded on a bad export of
/// millions of rows while the counts stay exact.
public struct ChunkFindings: Sendable {
    public private(set) var listed: [Finding] = []
    /// Every finding, listed or not, by code and severity.
    public private(set) var counts: [FindingKey: Int64] = [:]
    public let listLimit: Int

    public init(listLimit: Int) {
        self.listLimit = listLimit
    }

    public mutating func add(_ finding: Finding) {
        let key = FindingKey(code: finding.code, severity: finding.severity)
        let n = counts[key, default: 0]
        counts[key] = n + 1
        if n < Int64(listLimit) { listed.append(finding) }
    }

    public mutating func merge(_ other: ChunkFindings) {
        for f in other.listed { listed.append(f) }
        for (k, v) in other.counts { counts[k, default: 0] += v }
    }
}

/// A finding code with its severity: the unit findings are counted by.
public struct FindingKey: Sendable, Hashable, Comparable {
    public var code: FindingCode
    public var severity: Severity

    public init(code: FindingCode, severity: Severity) {
        self.code = code
        self.severity = severity
    }

    public static func < (a: FindingKey, b: FindingKey) -> Bool {
        a.code != b.code ? a.code < b.code : a.severity.rawValue < b.severity.rawValue
    }
}
