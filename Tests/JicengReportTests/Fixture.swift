import JicengAggregate
import JicengCore

/// A small evaluated period built by hand: city → 2 streets → 3 communities, with the seed-004
/// figure at the top (4,229 of 4,690 requests resolved: 90.17 % against a target of ≥ 90 %).
///
/// - C01 示范市: resolution 0.901706 met; grid coverage 10/12 met.
/// - S01 绣林街道 = M01 + M02: resolution 2400/2600 met; coverage 10/12 met.
/// - S02 笔架山街道 = M03: resolution 1829/2090 missed; coverage 0/0 no_data.
/// - M01: resolution met, coverage 4/6 missed (worst: 16.7 % short).
/// - M02: resolution 980/1100 warning (within the 0.02 margin); coverage 6/6 met.
/// - M03: resolution missed; coverage no_data.
/// requests_received has no target anywhere (no_target).
enum Fixture {
    static let period = Period(year: 2022, quarter: 2)

    static func evaluation(
        m01: String = "东方社区", m02: String = "<script>alert(1)</script>",
        m03: String = "A&B \"x\", 二组"
    ) -> Evaluation {
        let units = [
            UnitInfo(id: "C01", name: "示范市", level: .city, parentId: nil, depth: 0),
            UnitInfo(id: "S01", name: "绣林街道", level: .street, parentId: "C01", depth: 1),
            UnitInfo(id: "S02", name: "笔架山街道", level: .street, parentId: "C01", depth: 1),
            UnitInfo(id: "M01", name: m01, level: .community, parentId: "S01", depth: 2),
            UnitInfo(id: "M02", name: m02, level: .community, parentId: "S01", depth: 2),
            UnitInfo(id: "M03", name: m03, level: .community, parentId: "S02", depth: 2),
        ]
        let indicators = [
            IndicatorInfo(
                name: "requests_received", title: LocalizedText(zh: "受理诉求数", en: "Requests received"), display: .count, isRatio: false),
            IndicatorInfo(
                name: "resolution_rate", title: LocalizedText(zh: "诉求解决率", en: "Resolution rate"), display: .percent, isRatio: true),
            IndicatorInfo(
                name: "grid_party_branch_coverage", title: LocalizedText(zh: "网格党支部覆盖率", en: "Grid party branch coverage"),
                display: .percent, isRatio: true),
        ]
        // unit, received, resolved, branches, grids, resolution status, coverage status
        let rows: [(String, Double, Double, Double, Double, TargetStatus, TargetStatus)] = [
            ("C01", 4690, 4229, 10, 12, .met, .met),
            ("S01", 2600, 2400, 10, 12, .met, .met),
            ("S02", 2090, 1829, 0, 0, .missed, .noData),
            ("M01", 1500, 1420, 4, 6, .met, .missed),
            ("M02", 1100, 980, 6, 6, .warning, .met),
            ("M03", 2090, 1829, 0, 0, .missed, .noData),
        ]
        var results: [IndicatorResult] = []
        for (unit, received, resolved, branches, grids, resolutionStatus, coverageStatus) in rows {
            // Deliberately not in contract order: the report must sort.
            results.append(
                IndicatorResult(
                    unitId: unit, indicator: "resolution_rate", value: resolved / received,
                    numerator: resolved, denominator: received, target: 0.9, comparator: .atLeast,
                    status: resolutionStatus))
            results.append(
                IndicatorResult(
                    unitId: unit, indicator: "requests_received", value: received,
                    numerator: nil, denominator: nil, target: nil, comparator: nil, status: .noTarget))
            results.append(
                IndicatorResult(
                    unitId: unit, indicator: "grid_party_branch_coverage",
                    value: grids > 0 ? branches / grids : nil, numerator: branches, denominator: grids,
                    target: 0.8, comparator: .atLeast, status: coverageStatus))
        }
        let breakdowns = [
            BreakdownResult(
                name: "requests_by_status", title: LocalizedText(zh: "诉求办理状态", en: "Requests by status"),
                slices: [
                    .init(value: "resolved", title: LocalizedText(zh: "已解决", en: "Resolved"), count: 4229),
                    .init(value: "in_progress", title: LocalizedText(zh: "办理中", en: "In progress"), count: 332),
                    .init(value: "explained", title: LocalizedText(zh: "已解释", en: "Explained"), count: 129),
                    .init(value: "open", title: LocalizedText(zh: "未办理", en: "Open"), count: 0),
                ]),
            BreakdownResult(
                name: "requests_by_channel", title: LocalizedText(zh: "诉求受理渠道", en: "Requests by channel"),
                slices: [
                    .init(value: "hotline", title: LocalizedText(zh: "热线", en: "Hotline"), count: 2100),
                    .init(value: "online", title: LocalizedText(zh: "网络", en: "Online"), count: 1500),
                    .init(value: "visit", title: LocalizedText(zh: "走访", en: "Visit"), count: 800),
                    .init(value: "media", title: LocalizedText(zh: "媒体", en: "Media"), count: 200),
                    .init(value: "letter", title: LocalizedText(zh: "来信", en: "Letter"), count: 90),
                ]),
        ]
        let quality = DataQualitySummary(
            files: [
                FileSummary(
                    dataset: "units", file: "units.csv", encoding: "UTF-8", sha256: String(repeating: "a", count: 64),
                    bytes: 512, rowsRead: 6, rowsAccepted: 6, rowsRejected: 0, rowsOutOfPeriod: 0),
                FileSummary(
                    dataset: "requests", file: "requests-绣林街道.csv", encoding: "GB18030", sha256: String(repeating: "b", count: 64),
                    bytes: 204_800, rowsRead: 2620, rowsAccepted: 2600, rowsRejected: 5, rowsOutOfPeriod: 15),
                FileSummary(
                    dataset: "requests", file: "requests-笔架山街道.csv", encoding: "UTF-8", sha256: String(repeating: "c", count: 64),
                    bytes: 160_000, rowsRead: 2090, rowsAccepted: 2090, rowsRejected: 0, rowsOutOfPeriod: 0),
                FileSummary(
                    dataset: "grids", file: "grids.csv", encoding: "UTF-8", sha256: String(repeating: "d", count: 64),
                    bytes: 900, rowsRead: 12, rowsAccepted: 12, rowsRejected: 0, rowsOutOfPeriod: 0),
            ],
            findingCounts: [
                .init(code: .outOfPeriod, severity: .warning, count: 15),
                .init(code: .typeError, severity: .error, count: 3),
                .init(code: .unknownUnit, severity: .error, count: 2),
                .init(code: .missingFile, severity: .warning, count: 2),
            ],
            absentDatasets: ["services", "property_companies"], errors: 5, warnings: 17)
        return Evaluation(
            period: period, pipelineName: "党建引领基层治理 v1", toolVersion: "0.1.0", units: units,
            indicators: indicators, results: results, breakdowns: breakdowns, dataQuality: quality,
            headline: ["requests_received", "resolution_rate", "grid_party_branch_coverage"],
            rankings: ["resolution_rate"], barCharts: ["resolution_rate", "grid_party_branch_coverage"])
    }

    static let findings: [Finding] = [
        Finding(
            severity: .error, code: .typeError, dataset: "requests", file: "requests-绣林街道.csv", line: 12,
            column: "received_at", value: "2022-13-45", message: LocalizedText(zh: "日期无效", en: "invalid date")),
        Finding(
            severity: .error, code: .unknownUnit, dataset: "requests", file: "requests-绣林街道.csv", line: 40,
            column: "community", value: "<b>不存在社区</b>", message: LocalizedText(zh: "找不到单位", en: "no such unit")),
        Finding(
            severity: .warning, code: .outOfPeriod, dataset: "requests", file: "requests-绣林街道.csv", line: 7,
            column: "received_at", value: "2022-03-31", message: LocalizedText(zh: "不在统计期内", en: "outside the period")),
        Finding(
            severity: .warning, code: .missingFile, dataset: "services", message: LocalizedText(zh: "缺少服务记录文件", en: "no services file")),
    ]
}
