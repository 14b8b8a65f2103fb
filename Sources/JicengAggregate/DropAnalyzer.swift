import Foundation
import JicengCore
import JicengIngest
import JicengPipeline
import JicengNormalize

/// Settings of one pass over a drop.
public struct DropAnalysisOptions: Sendable {
    public var period: Period?
    public var read: CSVReadOptions
    /// Findings listed per code and file before they are summarised (contract §7).
    public var maxFindings: Int
    /// Where to write rejected records, or nil.
    public var quarantinePath: String?
    /// Where to write accepted rows in canonical form (the `normalise` stage), or nil.
    public var canonicalFolder: String?
    /// Honour `_line` provenance columns: only when reading a folder written by a Jiceng stage.
    public var trustProvenance = false
    /// Add accepted rows to the measure totals. `validate` needs findings only and turns it off.
    public var computeMeasures = true
    /// Report the drop's `missing-file` and `unknown-file` findings (`DropInventory`). Off when
    /// `normalise` reads an ingest folder: `ingest` reported them for the drop, and the folder
    /// holds only the files it could read.
    public var reportsInventory = true
    /// More rows repeating an earlier unique key than this (in one dataset) is an export merged
    /// twice or a wrong column, not a few slips: one error for the dataset, whose indicators are
    /// then left out. Bounds the memory the list of duplicates takes (about 50 bytes each).
    public var maxDuplicateKeys = 250_000

    public init(period: Period?, read: CSVReadOptions = CSVReadOptions(), maxFindings: Int = 1000, quarantinePath: String? = nil,
                canonicalFolder: String? = nil) {
        self.period = period
        self.read = read
        self.maxFindings = maxFindings
        self.quarantinePath = quarantinePath
        self.canonicalFolder = canonicalFolder
    }
}

/// How far reading has got: the file being read, how many files are done, and bytes and rows
/// read of the current file.
public struct ReadProgress: Sendable {
    public var file: String
    public var filesDone: Int
    public var bytesInFile: Int64
    public var rowsInFile: Int64
}

/// Counts bytes and rows of the file being read and passes them to the progress callback.
final class ProgressMeter {
    private var progress: ReadProgress
    private let report: ((ReadProgress) -> Void)?

    init(file: String, filesDone: Int, report: ((ReadProgress) -> Void)?) {
        progress = ReadProgress(file: file, filesDone: filesDone, bytesInFile: 0, rowsInFile: 0)
        self.report = report
    }

    func addBytes(_ n: Int) {
        progress.bytesInFile += Int64(n)
        report?(progress)
    }

    func addRows(_ n: Int64) {
        progress.rowsInFile += n
        report?(progress)
    }
}

/// Everything learned from reading a drop once.
public struct DropAnalysis: Sendable {
    public var findings: FindingLog
    public var files: [FileSummary]
    public var absentDatasets: [String]
    public var presentDatasets: Set<String>
    /// Columns that no readable file of a present dataset carries, whose indicators are left out.
    public var absentColumns: [AbsentColumn]
    public var directory: UnitDirectory?
    public var measures: CompiledMeasures
    /// Rolled-up totals per unit (nil when the hierarchy could not be built).
    public var totals: MeasureTotals?

    /// Findings in report order, with dataset names filled in for summary findings.
    public func listedFindings() -> [Finding] {
        let datasetOf = Dictionary(files.map { ($0.file, $0.dataset) }, uniquingKeysWith: { a, _ in a })
        return findings.findings(dataset: { datasetOf[$0] })
    }

    public func dataQuality() -> DataQualitySummary {
        DataQualitySummary(
            files: files,
            findingCounts: findings.totals.sorted { $0.key < $1.key }.map { .init(code: $0.key.code, severity: $0.key.severity, count: $0.value) },
            absentDatasets: absentDatasets, absentColumns: absentColumns, errors: findings.errors, warnings: findings.warnings)
    }
}

/// Reads a drop folder the way contract §1–§4 and §9 describe: the files of each dataset (as
/// `DropInventory` assigns them), units first to build the hierarchy, then every facts dataset
/// normalised on parallel workers and aggregated into per-unit measure totals.
public struct DropAnalyzer {
    public let pipeline: Pipeline
    public let options: DropAnalysisOptions
    /// Hashes each input for the manifest; nil when no one needs the hashes (`validate`), so
    /// that no time goes into them.
    public let makeHasher: (@Sendable () -> any ContentHasher)?

    /// Told about reading progress (on the reading thread), e.g. for a progress line on a terminal.
    public var progress: ((ReadProgress) -> Void)?

    public init(pipeline: Pipeline, options: DropAnalysisOptions, makeHasher: (@Sendable () -> any ContentHasher)?) {
        self.pipeline = pipeline
        self.options = options
        self.makeHasher = makeHasher
    }

    public func analyze(drop folder: String) throws -> DropAnalysis {
        var compiled: [String: CompiledDataset] = [:]
        for d in pipeline.datasets { compiled[d.name] = try CompiledDataset(d, parameters: pipeline.parameters) }
        let measures = try CompiledMeasures(pipeline: pipeline, datasets: compiled)
        let inventory = try DropInventory(folder: folder, pipeline: pipeline, datasets: compiled, read: options.read,
                                          trustProvenance: options.trustProvenance)

        var log = FindingLog(limit: options.maxFindings)
        if options.reportsInventory {
            for f in inventory.findings { log.add(f) }
        }
        var summaries: [FileSummary] = []
        var absent: [String] = []
        var present = Set<String>()
        var absentColumns: [AbsentColumn] = []
        var quarantine = try options.quarantinePath.map { try QuarantineWriter(path: $0) }
        // A write that fails inside a chunk callback (which cannot throw) is kept here and thrown
        // as soon as the file's reading returns.
        var writeFailure: Error?
        func write(_ bytes: [UInt8], to writer: inout QuarantineWriter?) {
            guard writeFailure == nil, !bytes.isEmpty else { return }
            do { try writer?.write(bytes) } catch { writeFailure = error }
        }
        func throwWriteFailure() throws {
            if let writeFailure { throw writeFailure }
        }

        // Units first.
        let ordered = pipeline.datasets.filter { $0.role == .hierarchy } + pipeline.datasets.filter { $0.role == .facts }
        var directory: UnitDirectory?
        var totals: MeasureTotals?
        var fileIndex: Int32 = 0
        for spec in ordered {
            let ds = compiled[spec.name]!
            let files = inventory.files(of: spec.name)
            if files.isEmpty {
                // Its missing-file finding is the inventory's.
                absent.append(spec.name)
                continue
            }
            if spec.role == .facts && directory == nil {
                // Without a hierarchy no row can be attached; the units findings say why.
                absent.append(spec.name)
                continue
            }
            var usableFiles = 0
            // Per column, whether a readable file carries it; per units file, its unit_id label.
            var carried = [Bool](repeating: false, count: spec.columns.count)
            var idLabels: [String: String] = [:]
            var unitRows: [UnitRow] = []
            let keyIndexes = ds.uniqueColumns.map { _ in UniqueKeyIndex(temporaryFolder: NSTemporaryDirectory()) }
            var fileContexts: [Int32: (name: String, context: FactFileContext)] = [:]
            var dates = DateSpan()
            for name in files {
                let path = folder + "/" + name
                var hasher = makeHasher?()
                let reader = try CSVFileReader(path: path, options: options.read)
                let meter = ProgressMeter(file: name, filesDone: Int(fileIndex), report: progress)
                reader.rawObserver = { bytes in
                    hasher?.update(bytes)
                    meter.addBytes(bytes.count)
                }
                var counts = RowCounts()
                let outcome = try reader.readHeader()
                if let f = StructuralFindings.header(outcome, dataset: spec.name, file: name, maxFieldBytes: options.read.maxFieldBytes) {
                    log.add(f)
                }
                if case .header(let header) = outcome {
                    let mapping = HeaderMapping(header: header, dataset: ds, file: name, trustProvenance: options.trustProvenance)
                    for f in mapping.findings { log.add(f) }
                    if mapping.isUsable {
                        usableFiles += 1
                        for c in carried.indices where mapping.columnToField[c] >= 0 { carried[c] = true }
                        if let id = spec.columns.firstIndex(where: { $0.name == "unit_id" }) { idLabels[name] = mapping.columnLabels[id] }
                        let context = FactFileContext(
                            dataset: ds, mapping: mapping, directory: directory ?? UnitDirectory(units: []),
                            period: spec.role == .facts ? options.period : nil, fileName: name, fileIndex: fileIndex,
                            fileEncoding: header.encoding, maxFieldBytes: options.read.maxFieldBytes,
                            listLimit: options.maxFindings, quarantine: quarantine != nil,
                            distinctTextColumns: options.computeMeasures ? measures.distinctTextColumns(of: ds) : [])
                        fileContexts[fileIndex] = (name, context)
                        var chunkFindings = ChunkFindings(listLimit: Int.max)
                        func absorb<S>(_ out: FactChunkOutput<S>) {
                            meter.addRows(out.counts.read)
                            chunkFindings.merge(out.findings)
                            counts.add(out.counts)
                            for k in out.keys.indices { keyIndexes[k].add(contentsOf: out.keys[k]) }
                            write(out.quarantine, to: &quarantine)
                        }
                        if spec.role == .hierarchy {
                            let sink = try UnitRowSink(mapping: mapping, dataset: ds, fileName: name)
                            _ = try reader.readRecords(with: FactProcessor(context: context, sink: sink)) { out in
                                absorb(out)
                                unitRows.append(contentsOf: out.sink)
                            }
                        } else {
                            let measureSink = measureSink(measures, dataset: spec.name, unitCount: directory!.count)
                            let canonical = CanonicalCSVSink(dataset: ds, mapping: mapping, directory: directory!,
                                                             enabled: options.canonicalFolder != nil)
                            var canonicalFile = try options.canonicalFolder.map {
                                try QuarantineWriter(path: $0 + "/" + name, header: canonical.header + "\n")
                            }
                            let states = try reader.readRecords(with: FactProcessor(context: context, sink: PairSink(measureSink, canonical))) { out in
                                absorb(out)
                                write(out.sink.second, to: &canonicalFile)
                            }
                            try throwWriteFailure()
                            try canonicalFile?.close()
                            for s in states {
                                if totals == nil { totals = s.sinkState.first } else { totals!.add(s.sinkState.first) }
                            }
                        }
                        try throwWriteFailure()
                        log.add(chunkFindings, file: name)
                        if counts.read == 0 {
                            log.add(Finding(severity: .warning, code: .emptyFile, dataset: spec.name, file: name, message: FindingMessages.headerOnly))
                        }
                    }
                }
                try reader.drainRaw()
                dates.add(counts.dates)
                summaries.append(FileSummary(
                    dataset: spec.name, file: name, encoding: reader.encoding?.rawValue ?? "", sha256: hasher?.hexDigest() ?? "",
                    bytes: reader.rawBytesRead, rowsRead: counts.read, rowsAccepted: counts.accepted,
                    rowsRejected: counts.rejected, rowsOutOfPeriod: counts.outOfPeriod))
                fileIndex += 1
            }
            // Uniqueness across all files of the dataset.
            var duplicates: [Int32: [Int: DuplicateRow]] = [:]
            var tooManyDuplicates = false
            for (k, c) in ds.uniqueColumns.enumerated() {
                let (listed, count) = try keyIndexes[k].duplicates(limit: options.maxDuplicateKeys + 1)
                if count > options.maxDuplicateKeys {
                    log.add(Finding(severity: .error, code: .uniqueError, dataset: spec.name, column: spec.columns[c].name,
                                    message: FindingMessages.tooManyDuplicates(spec.columns[c].name, count: count, limit: options.maxDuplicateKeys)))
                    tooManyDuplicates = true
                    continue
                }
                for dup in listed {
                    duplicates[dup.file, default: [:]][dup.line] = DuplicateRow(column: c, firstFile: dup.firstFile, firstLine: dup.firstLine)
                }
            }
            if tooManyDuplicates { duplicates = [:] }
            // The wrong period (contract v2 §9): valid dates, none of them in the period.
            let wrongPeriod = spec.role == .facts && options.period != nil && dates.noneInPeriod
            if wrongPeriod, let period = options.period, let column = spec.periodColumn, let first = dates.earliest, let last = dates.latest {
                log.add(Finding(severity: .error, code: .outOfPeriod, dataset: spec.name, column: column, value: "\(first)/\(last)",
                                message: FindingMessages.noDateInPeriod(dataset: spec.name, column: column, period: period,
                                                                        earliest: first, latest: last)))
            }
            // A dataset none of whose files could be read, with too many duplicates or with no row
            // in the period is absent: its indicators are left out rather than reported as zero
            // (its findings say why).
            if usableFiles > 0 && !tooManyDuplicates && !wrongPeriod {
                present.insert(spec.name)
                // A column no readable file carries: what reads it is left out, with a warning.
                for a in AbsentColumn.find(in: spec, carried: carried, pipeline: pipeline) {
                    absentColumns.append(a)
                    let column = spec.column(named: a.column)!
                    log.add(a.finding(accepted: [column.name] + column.aliases))
                }
            } else {
                absent.append(spec.name)
            }
            if spec.role == .hierarchy {
                // Units: duplicates are handled by the hierarchy builder (it keeps the first).
                let built = UnitHierarchyBuilder.build(unitRows.sorted { ($0.file, $0.line) < ($1.file, $1.line) }, idLabels: idLabels)
                for f in built.findings { log.add(f) }
                directory = built.directory
                if let folder = options.canonicalFolder, let d = directory {
                    try CanonicalUnits.write(d, rows: unitRows, to: folder)
                }
                if let d = directory, d.count > 0 {
                    totals = MeasureTotals(units: d.count, measures: measures.count)
                }
                continue
            }
            try takeBack(duplicates, contexts: fileContexts, folder: folder, measures: measures, log: &log,
                         summaries: &summaries, totals: &totals, quarantine: &quarantine)
        }
        try quarantine?.close()
        if var t = totals, let d = directory {
            if let m = t.distinctOverflow.min() {
                throw JicengError(.pipelineInvalid, "measure \(measures.measures[m].name) (distinct_count): more than "
                                  + "\(t.distinctLimit) distinct values across units, beyond what is kept in memory; distinct_count "
                                  + "is for small sets of values (categories, providers), not ids: count rows with 'aggregate: count'")
            }
            t.rollUp(parents: d.units.map(\.parent))
            totals = t
        }
        return DropAnalysis(findings: log, files: summaries, absentDatasets: absent, presentDatasets: present,
                            absentColumns: absentColumns, directory: directory, measures: measures, totals: totals)
    }

    /// The sink that adds a dataset's accepted rows to its measures; one that counts nothing
    /// when the analysis computes no measures (`validate`).
    private func measureSink(_ measures: CompiledMeasures, dataset: String, unitCount: Int) -> MeasureSink {
        MeasureSink(measures: measures, dataset: options.computeMeasures ? dataset : nil, unitCount: unitCount)
    }

    /// Reports duplicates of unique keys and takes rows that were counted back out of the totals
    /// (the first occurrence stays; every later one is an error).
    private func takeBack(_ duplicates: [Int32: [Int: DuplicateRow]], contexts: [Int32: (name: String, context: FactFileContext)],
                          folder: String, measures: CompiledMeasures, log: inout FindingLog, summaries: inout [FileSummary],
                          totals: inout MeasureTotals?, quarantine: inout QuarantineWriter?) throws {
        for (file, byLine) in duplicates.sorted(by: { $0.key < $1.key }) {
            guard let (name, baseContext) = contexts[file] else { continue }
            var context = baseContext
            context.onlyLines = Set(byLine.keys)
            context.quarantine = false
            let reader = try CSVFileReader(path: folder + "/" + name, options: options.read)
            guard case .header = try reader.readHeader() else { continue }
            let sink = measureSink(measures, dataset: context.dataset.spec.name, unitCount: totals?.unitCount ?? 0)
            let processor = FactProcessor(context: context, sink: sink)
            let probe = TakeBackProcessor(inner: processor, keyColumns: byLine.mapValues(\.column), keepsRecords: quarantine != nil)
            var accepted = 0
            var writeFailure: Error?
            let states = try reader.readRecords(with: probe) { out in
                accepted += out.accepted
                for (line, raw, record) in out.raw {
                    guard let dup = byLine[line] else { continue }
                    let column = context.dataset.spec.columns[dup.column].name
                    let f = Finding(severity: .error, code: .uniqueError, dataset: context.dataset.spec.name, file: name, line: line,
                                    column: column, value: SensitiveDataMasker.mask(raw),
                                    message: FindingMessages.duplicateKey(context.mapping.columnLabels[dup.column],
                                                                          firstFile: contexts[dup.firstFile]?.name ?? "",
                                                                          firstLine: dup.firstLine))
                    log.add(f)
                    if quarantine != nil && writeFailure == nil {
                        do {
                            try quarantine?.write(Array((CSVText.record([context.dataset.spec.name, name, String(line), f.code.rawValue,
                                                                         f.column ?? "", f.message.zh, record]) + "\n").utf8))
                        } catch {
                            writeFailure = error
                        }
                    }
                }
            }
            if let writeFailure { throw writeFailure }
            for s in states { totals?.add(s.sinkState) }
            if let folder = options.canonicalFolder {
                try CanonicalFileFilter.drop(lines: Set(byLine.keys), from: folder + "/" + name, options: options.read)
            }
            if let i = summaries.firstIndex(where: { $0.file == name }) {
                summaries[i].rowsAccepted -= Int64(accepted)
                summaries[i].rowsRejected += Int64(accepted)
            }
        }
    }
}

/// Re-reads the lines of duplicate rows: gives back the text of the key that repeated and, with
/// `keepsRecords`, the whole record (as masked CSV text, for the quarantine file, like every other
/// rejected row) and takes accepted rows out of the totals with weight -1.
struct TakeBackProcessor: RecordProcessor {
    let inner: FactProcessor<MeasureSink>
    /// For each line re-read, the unique column whose key repeated there.
    let keyColumns: [Int: Int]
    let keepsRecords: Bool

    struct Output: Sendable {
        var accepted: Int
        var raw: [(line: Int, key: String, record: String)]
    }

    func makeWorkerState() -> FactProcessor<MeasureSink>.WorkerState { inner.makeWorkerState() }

    func process(_ batch: RecordBatch, state: inout FactProcessor<MeasureSink>.WorkerState) -> Output {
        var raw: [(line: Int, key: String, record: String)] = []
        for r in 0..<batch.count {
            let line = inner.originalLine(batch, r, batch.fieldCount(r))
            guard let c = keyColumns[line] else { continue }
            let f = inner.context.mapping.columnToField[c]
            let text = f >= 0 && f < batch.fieldCount(r) ? String(decoding: ByteTrimming.trimmed(batch.field(r, f)), as: UTF8.self) : ""
            let record = keepsRecords ? CSVText.record((0..<batch.fieldCount(r)).map {
                SensitiveDataMasker.mask(String(decoding: batch.field(r, $0), as: UTF8.self))
            }) : ""
            raw.append((line, text, record))
        }
        let taken = inner.takeBack(batch, state: &state)
        return Output(accepted: taken, raw: raw)
    }
}

/// A row repeating an earlier unique key: which unique column, and where the key first occurs.
/// Kept instead of a whole `Finding` (a tenth of the memory) until the row is re-read.
struct DuplicateRow {
    var column: Int
    var firstFile: Int32
    var firstLine: Int
}
