import Foundation
import JicengAggregate
import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline

/// The files of one dataset, read in turn the same way for the hierarchy and for facts: each
/// file hashed and metered, its header checked and mapped, its records handed to the step's
/// reading, its findings logged and its summary kept.
///
/// Exists so that `HierarchyStep` and `FactsStep` differ only in what they do with the records
/// of a usable file.
struct DatasetFiles {
    let spec: DatasetSpec
    let dataset: CompiledDataset
    let files: [String]

    /// What reading the files left for the checks across them.
    struct Outcome {
        /// Files whose header could be mapped and whose records were read.
        var usableFiles = 0
        /// Per unique column of the dataset, the occurrences of its keys.
        var keyIndexes: [UniqueKeyIndex]
        /// Per file index, the file and how it was read (duplicates are re-read the same way).
        var contexts: [Int32: FileRead] = [:]
        /// The dates of the dataset's period column.
        var dates = DateSpan()
        /// Per column of the dataset, whether a usable file carries it.
        var carried: [Bool]
        /// Per units file, the header it used for `unit_id` (hierarchy findings name it).
        var idLabels: [String: String] = [:]
    }

    /// A file read, by name and the context it was read with.
    struct FileRead {
        var name: String
        var context: FactFileContext
    }

    /// Reads every file; `records` reads the records of a usable file, absorbing each chunk's
    /// output into the tally.
    func read(
        into reading: DropReading,
        records: (CSVFileReader, FactFileContext, inout FileTally) throws -> Void
    ) throws -> Outcome {
        let options = reading.options
        var outcome = Outcome(
            keyIndexes: dataset.uniqueColumns.map { _ in UniqueKeyIndex(temporaryFolder: NSTemporaryDirectory()) },
            carried: [Bool](repeating: false, count: spec.columns.count))
        for name in files {
            var hasher = reading.makeHasher?()
            let reader = try CSVFileReader(path: reading.path(name), options: options.read)
            let meter = ProgressMeter(file: name, filesDone: Int(reading.fileIndex), report: reading.progress)
            reader.rawObserver = { bytes in
                hasher?.update(bytes)
                meter.addBytes(bytes.count)
            }
            var tally = FileTally(meter: meter, keyIndexes: outcome.keyIndexes, quarantine: reading.quarantine)
            let headerOutcome = try reader.readHeader()
            if let f = StructuralFindings.header(headerOutcome, dataset: spec.name, file: name, maxFieldBytes: options.read.maxFieldBytes) {
                reading.log.add(f)
            }
            if case .header(let header) = headerOutcome {
                let mapping = HeaderMapping(header: header, dataset: dataset, file: name, trustProvenance: options.trustProvenance)
                for f in mapping.findings { reading.log.add(f) }
                if mapping.isUsable {
                    outcome.usableFiles += 1
                    for c in outcome.carried.indices where mapping.columnToField[c] >= 0 { outcome.carried[c] = true }
                    if let id = spec.columns.firstIndex(where: { $0.name == "unit_id" }) {
                        outcome.idLabels[name] = mapping.columnLabels[id]
                    }
                    let context = FactFileContext(
                        dataset: dataset, mapping: mapping, directory: reading.directory ?? UnitDirectory(units: []),
                        period: spec.role == .facts ? options.period : nil, fileName: name, fileIndex: reading.fileIndex,
                        fileEncoding: header.encoding, wholeFileDecodes: header.wholeFileDecodes, maxFieldBytes: options.read.maxFieldBytes,
                        listLimit: options.maxFindings, quarantine: reading.quarantine.isWriting,
                        distinctTextColumns: options.computeMeasures ? reading.measures.distinctTextColumns(of: dataset) : [])
                    outcome.contexts[reading.fileIndex] = FileRead(name: name, context: context)
                    try records(reader, context, &tally)
                    try reading.quarantine.throwIfFailed()
                    reading.log.add(tally.findings, file: name)
                    if tally.counts.read == 0 {
                        reading.log.add(
                            Finding(
                                severity: .warning, code: .emptyFile, dataset: spec.name, file: name,
                                message: FindingMessages.headerOnly))
                    }
                }
            }
            try reader.drainRaw()
            let counts = tally.counts
            outcome.dates.add(counts.dates)
            reading.summaries.append(
                FileSummary(
                    dataset: spec.name, file: name, encoding: reader.encoding?.rawValue ?? "", sha256: hasher?.hexDigest() ?? "",
                    bytes: reader.rawBytesRead, rowsRead: counts.read, rowsAccepted: counts.accepted,
                    rowsRejected: counts.rejected, rowsOutOfPeriod: counts.outOfPeriod))
            reading.fileIndex += 1
        }
        return outcome
    }
}
