import JicengAggregate
import JicengCore
import JicengNormalize
import JicengPipeline

/// Step one of a pass: the units dataset read into unit rows and built into the hierarchy
/// (contract §2), which every facts row is then attached to. Duplicate units are left to the
/// hierarchy builder (it keeps the first).
struct HierarchyStep {
    let files: DatasetFiles

    func run(_ reading: DropReading) throws {
        var unitRows: [UnitRow] = []
        let outcome = try files.read(into: reading) { reader, context, tally in
            let sink = try UnitRowSink(mapping: context.mapping, dataset: files.dataset, fileName: context.fileName)
            _ = try reader.readRecords(with: FactProcessor(context: context, sink: sink)) { out in
                tally.absorb(out)
                unitRows.append(contentsOf: out.sink)
            }
        }
        let keys = try UniqueKeyCheck(outcome.keyIndexes, of: files.dataset, limit: reading.options.maxDuplicateKeys, log: &reading.log)
        reading.settle(files.spec, outcome: outcome, keys: keys, wrongPeriod: false)

        let built = UnitHierarchyBuilder.build(unitRows.sorted { ($0.file, $0.line) < ($1.file, $1.line) }, idLabels: outcome.idLabels)
        for f in built.findings { reading.log.add(f) }
        reading.directory = built.directory
        if let folder = reading.options.canonicalFolder, let d = built.directory {
            try CanonicalUnits.write(d, rows: unitRows, to: folder)
        }
        if let d = built.directory, d.count > 0 {
            reading.totals = MeasureTotals(units: d.count, measures: reading.measures.count)
        }
    }
}
