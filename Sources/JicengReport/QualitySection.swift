import JicengAggregate
import JicengCore

/// The data-quality section: which files were read (encoding, rows read, accepted, rejected,
/// out of period), findings by code with counts, absent datasets, and the first findings in full,
/// so that readers can judge how far the figures can be trusted.
struct QualitySection {
    struct FileRow {
        let dataset: String
        let file: String
        let encoding: String
        let rowsRead: String
        let rowsAccepted: String
        let rowsRejected: String
        let rowsOutOfPeriod: String
        let hasRejected: Bool
    }

    struct CodeRow {
        let code: String
        let meaning: String
        let severity: String
        let severityClass: String
        let count: String
    }

    struct FindingRow {
        let location: String
        let code: String
        let severity: String
        let severityClass: String
        let message: String
        let value: String
    }

    static let sampleLimit = 20

    let summary: String
    let files: [FileRow]
    let hasFiles: Bool
    let codes: [CodeRow]
    let hasCodes: Bool
    let outOfPeriod: String
    let absent: String
    let hasAbsent: Bool
    let samples: [FindingRow]
    let hasSamples: Bool
    let samplesNote: String?

    init(_ evaluation: Evaluation, findings: [Finding], strings: ReportStrings) {
        let dq = evaluation.dataQuality
        func datasetName(_ name: String) -> String { strings.texts["dataset." + name] ?? name }
        func severity(_ s: Severity) -> String { strings["severity." + s.rawValue] }

        summary = strings.fill(
            "quality.summary",
            [
                "files": DisplayFormat.count(Int64(dq.files.count)),
                "errors": DisplayFormat.count(dq.errors), "warnings": DisplayFormat.count(dq.warnings),
            ])
        files = dq.files.map { f in
            FileRow(
                dataset: datasetName(f.dataset), file: f.file, encoding: f.encoding,
                rowsRead: DisplayFormat.count(f.rowsRead), rowsAccepted: DisplayFormat.count(f.rowsAccepted),
                rowsRejected: DisplayFormat.count(f.rowsRejected), rowsOutOfPeriod: DisplayFormat.count(f.rowsOutOfPeriod),
                hasRejected: f.rowsRejected > 0)
        }
        hasFiles = !files.isEmpty
        codes = dq.findingCounts.sorted { a, b in
            if a.severity != b.severity { return a.severity == .error }
            if a.count != b.count { return a.count > b.count }
            return a.code < b.code
        }.map { c in
            CodeRow(
                code: c.code.rawValue, meaning: strings["finding." + c.code.rawValue], severity: severity(c.severity),
                severityClass: "sev-" + c.severity.rawValue, count: DisplayFormat.count(c.count))
        }
        hasCodes = !codes.isEmpty
        let outRows = dq.files.reduce(Int64(0)) { $0 + $1.rowsOutOfPeriod }
        outOfPeriod = strings.fill("quality.outOfPeriod", ["count": DisplayFormat.count(outRows)])
        hasAbsent = !dq.absentDatasets.isEmpty
        absent =
            hasAbsent
            ? strings.fill("quality.absent", ["datasets": dq.absentDatasets.map(datasetName).joined(separator: strings["list.separator"])])
            : strings["quality.noneAbsent"]
        let ordered = findings.sorted { a, b in
            if a.severity != b.severity { return a.severity == .error }
            return Finding.reportOrder(a, b)
        }
        samples = ordered.prefix(QualitySection.sampleLimit).map { f in
            var location = f.file ?? (f.dataset.map(datasetName) ?? "")
            if let line = f.line { location += ":" + String(line) }
            if let column = f.column { location += " [" + column + "]" }
            return FindingRow(
                location: location, code: f.code.rawValue, severity: severity(f.severity),
                severityClass: "sev-" + f.severity.rawValue, message: f.message.text(strings.language),
                value: f.value ?? "")
        }
        hasSamples = !samples.isEmpty
        samplesNote =
            findings.count > QualitySection.sampleLimit
            ? strings.fill(
                "quality.samplesMore", ["shown": String(QualitySection.sampleLimit), "count": DisplayFormat.count(Int64(findings.count))])
            : nil
    }
}
