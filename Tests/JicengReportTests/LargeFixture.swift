import JicengAggregate
import JicengCore
import JicengReport

/// A city-sized evaluation (8 streets, 64 communities, 15 indicators) generated deterministically,
/// for layout checks in a browser: long CJK names, many rows, every status, hostile names.
enum LargeFixture {
    private struct Counts {
        var received = 0.0, resolved = 0.0, inProgress = 0.0, explained = 0.0, ontime = 0.0, days = 0.0
        var rated = 0.0, satisfied = 0.0, grids = 0.0, branches = 0.0, residents = 0.0, workers = 0.0, services = 0.0

        static func + (a: Counts, b: Counts) -> Counts {
            Counts(
                received: a.received + b.received, resolved: a.resolved + b.resolved, inProgress: a.inProgress + b.inProgress,
                explained: a.explained + b.explained, ontime: a.ontime + b.ontime, days: a.days + b.days,
                rated: a.rated + b.rated, satisfied: a.satisfied + b.satisfied, grids: a.grids + b.grids,
                branches: a.branches + b.branches, residents: a.residents + b.residents, workers: a.workers + b.workers,
                services: a.services + b.services)
        }
    }

    private struct Random {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int>) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
        }
    }

    private struct Spec {
        let name: String
        let zh: String
        let en: String
        let display: IndicatorInfo.Display
        let ratio: Bool
        let target: (Double, Comparator, Double)?
    }

    private static let specs: [Spec] = [
        Spec(name: "requests_received", zh: "受理诉求数", en: "Requests received", display: .count, ratio: false, target: nil),
        Spec(name: "requests_resolved", zh: "已解决诉求数", en: "Requests resolved", display: .count, ratio: false, target: nil),
        Spec(name: "requests_in_progress", zh: "办理中诉求数", en: "Requests in progress", display: .count, ratio: false, target: nil),
        Spec(name: "requests_explained", zh: "已解释诉求数", en: "Requests explained", display: .count, ratio: false, target: nil),
        Spec(name: "requests_open", zh: "未办理诉求数", en: "Requests open", display: .count, ratio: false, target: nil),
        Spec(name: "resolution_rate", zh: "诉求解决率", en: "Resolution rate", display: .percent, ratio: true, target: (0.9, .atLeast, 0.02)),
        Spec(name: "response_rate", zh: "诉求响应率", en: "Response rate", display: .percent, ratio: true, target: (0.98, .atLeast, 0.01)),
        Spec(name: "ontime_rate", zh: "按时办结率", en: "On-time rate", display: .percent, ratio: true, target: (0.85, .atLeast, 0.03)),
        Spec(name: "mean_days_to_close", zh: "平均办结天数", en: "Mean days to close", display: .decimal, ratio: true, target: (10, .atMost, 1)),
        Spec(
            name: "satisfaction_rate", zh: "群众满意率", en: "Satisfaction rate", display: .percent, ratio: true, target: (0.9, .atLeast, 0.02)),
        Spec(name: "grids", zh: "网格数", en: "Grids", display: .count, ratio: false, target: nil),
        Spec(
            name: "grid_party_branch_coverage", zh: "网格党支部覆盖率", en: "Grid party branch coverage", display: .percent, ratio: true,
            target: (0.8, .atLeast, 0.05)),
        Spec(
            name: "residents_per_grid_worker", zh: "网格员人均服务居民数", en: "Residents per grid worker", display: .decimal, ratio: true,
            target: (500, .atMost, 50)),
        Spec(name: "services_delivered", zh: "服务活动次数", en: "Services delivered", display: .count, ratio: false, target: nil),
        Spec(
            name: "services_per_1000_residents", zh: "每千名居民服务次数", en: "Services per 1,000 residents", display: .decimal, ratio: true,
            target: (5, .atLeast, 1)),
    ]

    static func evaluation() -> Evaluation {
        let streets = ["绣林", "笔架山", "东升", "新厂", "小河口", "调关", "玉湖", "杨家码头"]
        let prefixes = ["东方", "红星", "幸福", "和平", "光明", "建设", "胜利", "新华", "团结", "长江", "滨江", "民主", "育才", "文化", "朝阳", "解放"]
        var random = Random(state: 2022)
        var units = [UnitInfo(id: "C01", name: "示范市", level: .city, parentId: nil, depth: 0)]
        var communityCounts: [(String, Counts)] = []
        var streetCounts: [(String, Counts)] = []
        for (s, street) in streets.enumerated() {
            let streetId = "S" + String(format2: s + 1)
            units.append(UnitInfo(id: streetId, name: street + "街道", level: .street, parentId: "C01", depth: 1))
            var total = Counts()
            for c in 0..<8 {
                let id = "M" + String(format2: s * 8 + c + 1)
                var name = prefixes[(s * 3 + c) % prefixes.count] + "社区"
                if s == 2 && c == 3 { name = "<script>alert(1)</script>" }
                if s == 5 && c == 1 { name = "A&B \"x\" 城中村改造安置小区联合社区居民委员会" }
                units.append(UnitInfo(id: id, name: name, level: .community, parentId: streetId, depth: 2))
                var k = Counts()
                k.received = random.next(80...400)
                k.resolved = (k.received * random.next(82...97) / 100).rounded()
                k.inProgress = ((k.received - k.resolved) * 0.7).rounded()
                k.explained = k.received - k.resolved - k.inProgress - (s == 1 ? random.next(0...3) : 0)
                k.ontime = (k.resolved * random.next(78...98) / 100).rounded()
                k.days = k.resolved * random.next(6...13)
                k.rated = (k.resolved * 0.6).rounded()
                k.satisfied = (k.rated * random.next(85...99) / 100).rounded()
                k.grids = s == 7 && c < 2 ? 0 : random.next(3...9)
                k.branches = min(k.grids, (k.grids * random.next(60...100) / 100).rounded())
                k.residents = k.grids * random.next(900...1600)
                k.workers = k.grids * random.next(3...5)
                k.services = random.next(20...90)
                communityCounts.append((id, k))
                total = total + k
            }
            streetCounts.append((streetId, total))
        }
        let city = streetCounts.reduce(Counts()) { $0 + $1.1 }
        var results: [IndicatorResult] = []
        for (id, k) in [("C01", city)] + streetCounts + communityCounts {
            for spec in specs {
                results.append(result(id, spec, k))
            }
        }
        let slices: [(String, String, String, Double)] = [
            ("hotline", "12345热线", "Hotline", 0.46), ("online", "网络", "Online", 0.3), ("visit", "走访", "Visit", 0.15),
            ("media", "媒体", "Media", 0.05), ("letter", "来信来访", "Letter", 0.03), ("other", "其他", "Other", 0.01),
        ]
        let channel = BreakdownResult(
            name: "requests_by_channel", title: LocalizedText(zh: "诉求受理渠道", en: "Requests by channel"),
            slices: slices.map {
                .init(value: $0.0, title: LocalizedText(zh: $0.1, en: $0.2), count: Int64((city.received * $0.3).rounded()))
            })
        let categories: [(String, String, String)] = [
            ("elderly", "关爱老人", "Elderly"), ("culture_sports", "文化体育", "Culture and sports"), ("livelihood", "民生事务", "Livelihood"),
            ("youth", "关心下一代", "Youth"), ("security", "治安维稳", "Security"), ("policy_law", "政策法规", "Policy and law"),
            ("women", "妇女维权", "Women"), ("environment", "环境整治", "Environment"), ("other", "其他", "Other"),
        ]
        let services = BreakdownResult(
            name: "services_by_category", title: LocalizedText(zh: "服务活动类别", en: "Services by category"),
            slices: categories.enumerated().map {
                .init(value: $0.element.0, title: LocalizedText(zh: $0.element.1, en: $0.element.2), count: Int64(120 - $0.offset * 11))
            })
        let quality = DataQualitySummary(
            files: [
                FileSummary(
                    dataset: "units", file: "units.csv", encoding: "UTF-8", sha256: "", bytes: 4096, rowsRead: 73, rowsAccepted: 73,
                    rowsRejected: 0, rowsOutOfPeriod: 0),
                FileSummary(
                    dataset: "grids", file: "grids.csv", encoding: "UTF-8 (BOM)", sha256: "", bytes: 20_000, rowsRead: 380,
                    rowsAccepted: 378, rowsRejected: 2, rowsOutOfPeriod: 0),
                FileSummary(
                    dataset: "services", file: "services.csv", encoding: "GB18030", sha256: "", bytes: 90_000, rowsRead: 1400,
                    rowsAccepted: 1300, rowsRejected: 4, rowsOutOfPeriod: 96),
                FileSummary(
                    dataset: "requests", file: "requests-绣林街道.csv", encoding: "GB18030", sha256: "", bytes: 400_000, rowsRead: 9000,
                    rowsAccepted: 8890, rowsRejected: 11, rowsOutOfPeriod: 99),
                FileSummary(
                    dataset: "requests", file: "requests-其他街道-2022年第二季度导出（最终版）.csv", encoding: "UTF-8", sha256: "", bytes: 300_000,
                    rowsRead: 8000, rowsAccepted: 8000, rowsRejected: 0, rowsOutOfPeriod: 0),
            ],
            findingCounts: [
                .init(code: .outOfPeriod, severity: .warning, count: 195), .init(code: .typeError, severity: .error, count: 9),
                .init(code: .unknownUnit, severity: .error, count: 6), .init(code: .ruleError, severity: .error, count: 2),
                .init(code: .unknownColumn, severity: .warning, count: 1), .init(code: .missingFile, severity: .warning, count: 1),
            ],
            absentDatasets: ["property_companies"], errors: 17, warnings: 197)
        return Evaluation(
            period: Period(year: 2022, quarter: 2), pipelineName: "党建引领基层治理 v1", toolVersion: "0.1.0",
            units: units,
            indicators: specs.map {
                IndicatorInfo(name: $0.name, title: LocalizedText(zh: $0.zh, en: $0.en), display: $0.display, isRatio: $0.ratio)
            },
            results: results.sorted { ($0.unitId, $0.indicator) < ($1.unitId, $1.indicator) },
            breakdowns: [channel, services], dataQuality: quality,
            headline: [
                "requests_received", "resolution_rate", "response_rate", "satisfaction_rate", "grid_party_branch_coverage",
                "services_per_1000_residents",
            ],
            rankings: ["resolution_rate", "satisfaction_rate"], barCharts: ["resolution_rate", "grid_party_branch_coverage"])
    }

    private static func result(_ unit: String, _ spec: Spec, _ k: Counts) -> IndicatorResult {
        let open = k.received - k.resolved - k.inProgress - k.explained
        let (value, numerator, denominator): (Double?, Double?, Double?) = {
            func ratio(_ n: Double, _ d: Double, _ factor: Double = 1) -> (Double?, Double?, Double?) {
                (d > 0 ? n * factor / d : nil, n * factor, d)
            }
            switch spec.name {
            case "requests_received": return (k.received, nil, nil)
            case "requests_resolved": return (k.resolved, nil, nil)
            case "requests_in_progress": return (k.inProgress, nil, nil)
            case "requests_explained": return (k.explained, nil, nil)
            case "requests_open": return (open, nil, nil)
            case "resolution_rate": return ratio(k.resolved, k.received)
            case "response_rate": return ratio(k.resolved + k.inProgress + k.explained, k.received)
            case "ontime_rate": return ratio(k.ontime, k.resolved)
            case "mean_days_to_close": return ratio(k.days, k.resolved)
            case "satisfaction_rate": return ratio(k.satisfied, k.rated)
            case "grids": return (k.grids, nil, nil)
            case "grid_party_branch_coverage": return ratio(k.branches, k.grids)
            case "residents_per_grid_worker": return ratio(k.residents, k.workers)
            case "services_delivered": return (k.services, nil, nil)
            default: return ratio(k.services, k.residents, 1000)
            }
        }()
        guard let (target, comparator, warning) = spec.target else {
            return IndicatorResult(
                unitId: unit, indicator: spec.name, value: value, numerator: numerator, denominator: denominator,
                target: nil, comparator: nil, status: .noTarget)
        }
        var status = TargetStatus.noData
        if let value {
            let gap = comparator == .atLeast ? target - value : value - target
            status = gap <= 0 ? .met : gap <= warning ? .warning : .missed
        }
        return IndicatorResult(
            unitId: unit, indicator: spec.name, value: value, numerator: numerator, denominator: denominator,
            target: target, comparator: comparator, status: status)
    }
}

extension String {
    fileprivate init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }

}

extension LargeFixture {
    /// A year view for a large evaluation (2022Q2): year-to-date rows that repeat the quarter's
    /// values against the same targets (counts half done at the half year), and three earlier
    /// quarters of the top unit's headline indicators, each a little lower than the next.
    static func history(_ e: Evaluation) -> ReportHistory {
        let ytd = e.results.map { r in
            YearToDateResult(
                unitId: r.unitId, indicator: r.indicator, value: r.value, numerator: r.numerator, denominator: r.denominator,
                target: r.target, comparator: r.comparator, paceTarget: r.target,
                completion: r.target.flatMap { t in r.value.map { $0 / t / 2 } }, status: r.status)
        }
        let top = e.units.first { $0.parentId == nil }!
        var recorded: [RecordedValue] = []
        for (k, period) in [Period(year: 2021, quarter: 2), Period(year: 2021, quarter: 4), Period(year: 2022, quarter: 1)].enumerated() {
            for r in e.results where r.unitId == top.id && e.headline.contains(r.indicator) {
                recorded.append(
                    RecordedValue(
                        period: period, indicator: r.indicator, value: r.value.map { $0 * (0.97 + 0.01 * Double(k)) },
                        status: r.status))
            }
        }
        return ReportHistory(yearToDate: YearToDateTable(period: e.period, quarters: 2, units: e.units, results: ytd), recorded: recorded)
    }
}
