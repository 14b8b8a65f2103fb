import JicengAggregate
import JicengCore
import JicengNormalize
import JicengPipeline

/// Step two of a pass, once per facts dataset: its files normalised on parallel workers, each
/// accepted row attached to its unit and added to the measure totals (and, for `normalise`,
/// written in canonical form); then the checks across its files (unique keys, the period) and
/// the duplicates taken back.
struct FactsStep {
    let files: DatasetFiles

    func run(_ reading: DropReading) throws {
        guard let directory = reading.directory else {
            // Without a hierarchy no row can be attached; the units findings say why.
            reading.absent.append(files.spec.name)
            return
        }
        let options = reading.options
        let outcome = try files.read(into: reading) { reader, context, tally in
            let measureSink = reading.measureSink(dataset: files.spec.name, unitCount: directory.count)
            let canonical = CanonicalCSVSink(
                dataset: files.dataset, mapping: context.mapping, directory: directory,
                enabled: options.canonicalFolder != nil)
            let canonicalFile = ChunkWriter(
                try options.canonicalFolder.map {
                    try QuarantineWriter(path: $0 + "/" + context.fileName, header: canonical.header + "\n")
                })
            let processor = FactProcessor(context: context, sink: FactsRowSink(measures: measureSink, canonical: canonical))
            let states = try reader.readRecords(with: processor) { out in
                tally.absorb(out)
                canonicalFile.write(out.sink)
            }
            try reading.quarantine.throwIfFailed()
            try canonicalFile.close()
            for s in states {
                if reading.totals == nil { reading.totals = s.sinkState.totals } else { reading.totals!.add(s.sinkState.totals) }
            }
        }
        let keys = try UniqueKeyCheck(outcome.keyIndexes, of: files.dataset, limit: options.maxDuplicateKeys, log: &reading.log)
        let wrongPeriod = WrongPeriodCheck.isWrongPeriod(outcome.dates, of: files.spec, period: options.period, log: &reading.log)
        reading.settle(files.spec, outcome: outcome, keys: keys, wrongPeriod: wrongPeriod)
        try DuplicateTakeBack(duplicates: keys.duplicates, files: outcome.contexts).run(reading)
    }
}
