import JicengCore
import JicengNormalize
import JicengPipeline

/// Turns rolled-up measure totals into the indicator table of one period and checks each value
/// against its target: the aggregate stage.
public enum IndicatorComputer {
    public static func evaluate(
        pipeline: Pipeline, measures: CompiledMeasures, totals: MeasureTotals, directory: UnitDirectory,
        presentDatasets: Set<String>, targets: TargetBook, period: Period, toolVersion: String,
        dataQuality: DataQualitySummary
    ) -> Evaluation {
        let units = directory.units.map { u in
            UnitInfo(id: u.id, name: u.name, level: u.level, parentId: u.parent.map { directory.units[$0].id }, depth: u.depth)
        }
        // Indicators whose datasets are all present, and none of whose measures reads a column
        // that no file of its dataset carried (`AbsentColumn`).
        let leftOut = dataQuality.leftOutMeasures
        let included = pipeline.indicators.filter {
            pipeline.datasets(for: $0).isSubset(of: presentDatasets) && leftOut.isDisjoint(with: $0.measures)
        }
        var results: [IndicatorResult] = []
        for (u, unit) in directory.units.enumerated() {
            for ind in included {
                var value: Double?
                var numerator: Double?
                var denominator: Double?
                switch ind.formula {
                case .value(let m):
                    value = Double(totals[u, measures.index(of: m)!])
                case .ratio(let n, let d, let factor):
                    let num = Double(totals[u, measures.index(of: n)!])
                    let den = Double(totals[u, measures.index(of: d)!])
                    numerator = num
                    denominator = den
                    value = den == 0 ? nil : num / den * factor
                }
                let result = IndicatorResult(
                    unitId: unit.id, indicator: ind.name, value: value, numerator: numerator,
                    denominator: denominator, target: nil, comparator: nil, status: .noTarget)
                results.append(result)
            }
        }
        results.sort { a, b in
            a.unitId != b.unitId
                ? a.unitId.utf8.lexicographicallyPrecedes(b.unitId.utf8)
                : a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8)
        }
        let breakdowns: [BreakdownResult] = measures.breakdowns.compactMap { b in
            guard presentDatasets.contains(b.spec.dataset), !directory.units.isEmpty,
                !dataQuality.absentColumns.contains(where: { $0.breakdowns.contains(b.spec.name) })
            else { return nil }
            return BreakdownResult(
                name: b.spec.name, title: b.spec.title,
                slices: b.slices.map { s in
                    BreakdownResult.Slice(
                        value: s.value.name, title: s.value.title ?? LocalizedText(zh: s.value.name, en: s.value.name),
                        count: totals[0, s.measure])
                })
        }
        let infos = included.map {
            IndicatorInfo(
                name: $0.name, title: $0.title, display: $0.display,
                isRatio: {
                    if case .ratio = $0.formula { return true } else { return false }
                }($0))
        }
        let names = Set(included.map(\.name))
        let computed = Evaluation(
            period: period, pipelineName: pipeline.name, toolVersion: toolVersion, units: units, indicators: infos,
            results: results, breakdowns: breakdowns, dataQuality: dataQuality,
            headline: pipeline.report.headline.filter(names.contains), rankings: pipeline.report.rankings.filter(names.contains),
            barCharts: pipeline.report.barCharts.filter(names.contains))
        return TargetEvaluator.apply(targets, to: computed)
    }
}
