import JicengCore

/// The findings the history store adds to a run (contract §8), in both languages.
public enum HistoryFindings {
    /// A `history-gap` warning: the year-to-date of `period` needs quarters the store lacks.
    public static func gap(period: Period, missing: [Period]) -> Finding {
        let names = missing.map(\.description)
        let span = period.quarter == 1 ? "\(period.year)Q1" : "\(period.year)Q1–\(period)"
        return Finding(
            severity: .warning, code: .historyGap, value: names.joined(separator: ","),
            message: LocalizedText(
                zh: "年度累计需要 \(span) 的记录，历史库缺少 \(names.joined(separator: "、"))，未生成 indicators_ytd.csv",
                en:
                    "year-to-date through \(period) needs \(span) in the history store; missing: \(names.joined(separator: ", ")); indicators_ytd.csv was not written"
            ))
    }
}
