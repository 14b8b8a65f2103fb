import JicengAggregate
import JicengCore
import JicengNormalize
import JicengPipeline

/// The state of one pass over a drop, carried from step to step: the findings so far, the files'
/// summaries, which datasets are present or absent, the quarantine file, the hierarchy once it is
/// built and the measure totals.
///
/// A class because every step (`HierarchyStep`, `FactsStep`, `DuplicateTakeBack`) adds to the
/// same pass; `DropAnalyzer` creates one per `analyze` and turns it into a `DropAnalysis`.
final class DropReading {
    let folder: String
    let pipeline: Pipeline
    let options: DropAnalysisOptions
    let measures: CompiledMeasures
    let makeHasher: (@Sendable () -> any ContentHasher)?
    let progress: ((ReadProgress) -> Void)?

    var log: FindingLog
    var summaries: [FileSummary] = []
    var absent: [String] = []
    var present = Set<String>()
    /// Columns that no readable file of a present dataset carries, whose indicators are left out.
    var absentColumns: [AbsentColumn] = []
    /// `quarantine.csv`, or a writer of nothing when no quarantine is asked for.
    let quarantine: ChunkWriter
    /// Numbers the files in reading order across datasets (unique keys name files by it).
    var fileIndex: Int32 = 0
    /// The hierarchy, once the units dataset is read and built.
    var directory: UnitDirectory?
    /// Measure totals per unit (not yet rolled up); nil until there is a hierarchy.
    var totals: MeasureTotals?

    init(
        folder: String, pipeline: Pipeline, options: DropAnalysisOptions, measures: CompiledMeasures,
        makeHasher: (@Sendable () -> any ContentHasher)?, progress: ((ReadProgress) -> Void)?
    ) throws {
        self.folder = folder
        self.pipeline = pipeline
        self.options = options
        self.measures = measures
        self.makeHasher = makeHasher
        self.progress = progress
        log = FindingLog(limit: options.maxFindings)
        quarantine = ChunkWriter(try options.quarantinePath.map { try QuarantineWriter(path: $0) })
    }

    /// The path of a file of the drop.
    func path(_ file: String) -> String { folder + "/" + file }

    /// The sink that adds a dataset's accepted rows to its measures; one that counts nothing
    /// when the pass computes no measures (`validate`).
    func measureSink(dataset: String, unitCount: Int) -> MeasureSink {
        MeasureSink(measures: measures, dataset: options.computeMeasures ? dataset : nil, unitCount: unitCount)
    }

    /// Records whether a dataset whose files were read counts as present: a dataset none of whose
    /// files could be read, with too many duplicates or with no row in the period is absent, its
    /// indicators left out rather than reported as zero (its findings say why).
    /// A present dataset's columns that no readable file carries: what reads them is left out,
    /// with a warning.
    func settle(_ spec: DatasetSpec, outcome: DatasetFiles.Outcome, keys: UniqueKeyCheck, wrongPeriod: Bool) {
        guard outcome.usableFiles > 0 && !keys.tooManyDuplicates && !wrongPeriod else {
            absent.append(spec.name)
            return
        }
        present.insert(spec.name)
        for a in AbsentColumn.find(in: spec, carried: outcome.carried, pipeline: pipeline) {
            absentColumns.append(a)
            let column = spec.column(named: a.column)!
            log.add(a.finding(accepted: [column.name] + column.aliases))
        }
    }

    /// The totals rolled up the hierarchy, checked for distinct counts beyond what is kept in memory.
    func rolledUpTotals() throws -> MeasureTotals? {
        guard var t = totals, let d = directory else { return totals }
        if let m = t.distinctOverflow.min() {
            throw JicengError(
                .pipelineInvalid,
                "measure \(measures.measures[m].name) (distinct_count): more than "
                    + "\(t.distinctLimit) distinct values across units, beyond what is kept in memory; distinct_count "
                    + "is for small sets of values (categories, providers), not ids: count rows with 'aggregate: count'")
        }
        t.rollUp(parents: d.units.map(\.parent))
        return t
    }

    /// What the pass learned, once every step has run.
    func analysis() throws -> DropAnalysis {
        try quarantine.close()
        let totals = try rolledUpTotals()
        return DropAnalysis(
            findings: log, files: summaries, absentDatasets: absent, presentDatasets: present,
            absentColumns: absentColumns, directory: directory, measures: measures, totals: totals)
    }
}
