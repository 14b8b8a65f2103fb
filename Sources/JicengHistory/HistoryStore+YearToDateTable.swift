import JicengAggregate
import JicengCore
import JicengNormalize
import JicengPipeline

/// Whether the store can give the year-to-date table of a quarter.
public enum YearToDateTableOutcome: Sendable {
    /// Every quarter `yQ1 … yQn` is recorded: the table, checked against the given targets.
    case complete(YearToDateTable)
    /// These quarters of `yQ1 … yQn` are not recorded.
    case missing([Period])
}

extension HistoryStore {
    /// The year-to-date table through the quarter `period` for the units of an earlier run's
    /// evaluation, from the recorded quarters alone: what `jiceng report --history` shows when it
    /// re-renders a run folder, possibly with other targets, without the drop.
    ///
    /// The same computation as `run --history` (`yearToDate`, then `YearToDateEvaluator`); the
    /// measures are compiled from `pipeline` and the hierarchy rebuilt from `units`, so the table
    /// equals the one the run wrote when the store and the targets are the same.
    public func yearToDateTable(
        pipeline: Pipeline, units: [UnitInfo], targets: TargetBook, through period: Period,
        toolVersion: String
    ) throws -> YearToDateTableOutcome {
        var compiled: [String: CompiledDataset] = [:]
        for d in pipeline.datasets { compiled[d.name] = try CompiledDataset(d, parameters: pipeline.parameters) }
        let measures = try CompiledMeasures(pipeline: pipeline, datasets: compiled)
        let rows = units.enumerated().map { i, unit in
            UnitRow(
                id: unit.id, name: unit.name, level: unit.level, parentId: unit.parentId, aliases: [], file: "indicators.json", line: i + 2)
        }
        guard let directory = UnitHierarchyBuilder.build(rows).directory, directory.count == units.count else {
            throw HistoryStoreError(.failure, path: path, "the units of the run to re-render do not form one hierarchy")
        }
        // The totals are indexed like the directory, whatever order `units` came in.
        let ordered = directory.units.map { u in
            UnitInfo(id: u.id, name: u.name, level: u.level, parentId: u.parent.map { directory.units[$0].id }, depth: u.depth)
        }
        switch try yearToDate(pipeline: pipeline, measures: measures, units: ordered, through: period) {
        case .missing(let quarters):
            return .missing(quarters)
        case .complete(let ytd):
            return .complete(
                YearToDateEvaluator.evaluate(
                    pipeline: pipeline, measures: measures, totals: ytd.totals, directory: directory,
                    availableMeasures: ytd.availableMeasures, targets: targets, period: period, toolVersion: toolVersion))
        }
    }
}
