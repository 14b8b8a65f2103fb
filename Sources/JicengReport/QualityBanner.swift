import JicengAggregate
import JicengCore

/// The notice at the top of a report when the drop had errors or data that could not be used:
/// how many errors, how many rows were rejected, which indicators are left out. Without it a
/// reader sees complete-looking figures and finds the problems only in the data-quality section.
struct QualityBanner {
    let title: String
    let lines: [String]

    /// nil when the drop had no error and every dataset could be used.
    init?(_ evaluation: Evaluation, leftOut: [LocalizedText], titles: SectionTitles, strings: ReportStrings) {
        let dq = evaluation.dataQuality
        guard dq.errors > 0 || !dq.absentDatasets.isEmpty || !leftOut.isEmpty else { return nil }
        let separator = strings["list.separator"]
        var lines: [String] = []
        if dq.errors > 0 {
            let rejected = dq.files.reduce(Int64(0)) { $0 + $1.rowsRejected }
            lines.append(strings.fill("banner.errors", ["errors": DisplayFormat.count(dq.errors), "rows": DisplayFormat.count(rejected)]))
        }
        if !leftOut.isEmpty {
            lines.append(
                strings.fill(
                    "banner.leftOut",
                    [
                        "count": DisplayFormat.count(Int64(leftOut.count)),
                        "indicators": leftOut.map { $0.text(strings.language) }.joined(separator: separator),
                    ]))
        }
        if !dq.absentDatasets.isEmpty {
            let names = dq.absentDatasets.map { strings.texts["dataset." + $0] ?? $0 }
            lines.append(strings.fill("banner.absent", ["datasets": names.joined(separator: separator)]))
        }
        lines.append(strings.fill("banner.see", ["section": titles.quality]))
        title = strings["banner.title"]
        self.lines = lines
    }
}
