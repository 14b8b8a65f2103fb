import JicengCore

/// All findings of a run, with the listing limit of contract §7 applied per code and file: the
/// first `limit` findings of a code in a file are listed one by one (in line order); the rest are
/// summarised in one extra finding per code and file. Totals count every finding.
public struct FindingLog: Sendable {
    public let limit: Int
    private var byFile: [String: [FindingCode: [Finding]]] = [:]
    private var overflow: [String: [FindingKey: Int64]] = [:]
    private var fileless: [Finding] = []
    public private(set) var errors: Int64 = 0
    public private(set) var warnings: Int64 = 0
    public private(set) var totals: [FindingKey: Int64] = [:]

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Adds one finding.
    public mutating func add(_ finding: Finding) {
        count(FindingKey(code: finding.code, severity: finding.severity), 1)
        list(finding)
    }

    /// Adds a chunk's findings: listed ones are listed (up to the limit), the rest only counted.
    public mutating func add(_ chunk: ChunkFindings, file: String) {
        var listedCounts: [FindingKey: Int64] = [:]
        for f in chunk.listed {
            listedCounts[FindingKey(code: f.code, severity: f.severity), default: 0] += 1
            list(f)
        }
        for (key, total) in chunk.counts {
            count(key, total)
            let unlisted = total - listedCounts[key, default: 0]
            if unlisted > 0 { overflow[file, default: [:]][key, default: 0] += unlisted }
        }
    }

    private mutating func count(_ key: FindingKey, _ n: Int64) {
        totals[key, default: 0] += n
        if key.severity == .error { errors += n } else { warnings += n }
    }

    private mutating func list(_ finding: Finding) {
        guard let file = finding.file else {
            fileless.append(finding)
            return
        }
        var codes = byFile[file, default: [:]]
        var list = codes[finding.code, default: []]
        if list.count < limit {
            list.append(finding)
            codes[finding.code] = list
            byFile[file] = codes
        } else {
            overflow[file, default: [:]][FindingKey(code: finding.code, severity: finding.severity), default: 0] += 1
        }
    }

    /// Findings of a file not listed one by one (beyond the limit): how many of a code and severity.
    /// A stage folder carries them forward so that the next stage counts and summarises them as
    /// the drop's own reading does.
    public struct Unlisted: Sendable, Hashable, Codable {
        public var file: String
        public var code: FindingCode
        public var severity: Severity
        public var count: Int64
    }

    /// The counts behind the per-file summaries of `findings(dataset:)`.
    public var unlisted: [Unlisted] {
        overflow.sorted { $0.key < $1.key }.flatMap { file, keys in
            keys.sorted { $0.key < $1.key }.map { Unlisted(file: file, code: $0.key.code, severity: $0.key.severity, count: $0.value) }
        }
    }

    /// The listed findings in report order, without the per-file summaries.
    public var listed: [Finding] {
        var out = fileless.sorted(by: Finding.reportOrder)
        for file in byFile.keys.sorted() { out.append(contentsOf: byFile[file]!.values.flatMap { $0 }.sorted(by: Finding.reportOrder)) }
        return out
    }

    /// Counts findings that another log did not list (`unlisted` of a stage folder's log).
    public mutating func add(_ unlisted: Unlisted) {
        let key = FindingKey(code: unlisted.code, severity: unlisted.severity)
        count(key, unlisted.count)
        overflow[unlisted.file, default: [:]][key, default: 0] += unlisted.count
    }

    /// Listed findings in report order, each file's summaries after its listed findings.
    public func findings(dataset datasetOfFile: (String) -> String?) -> [Finding] {
        var out = fileless.sorted(by: Finding.reportOrder)
        for file in Set(byFile.keys).union(overflow.keys).sorted() {
            var listed = (byFile[file] ?? [:]).values.flatMap { $0 }
            listed.sort(by: Finding.reportOrder)
            out.append(contentsOf: listed)
            for (key, n) in (overflow[file] ?? [:]).sorted(by: { $0.key < $1.key }) {
                out.append(
                    Finding(
                        severity: key.severity, code: key.code, dataset: datasetOfFile(file), file: file,
                        message: FindingMessages.suppressed(count: n, code: key.code)))
            }
        }
        return out
    }
}
