import JicengAggregate
import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline

/// Reads a drop folder the way contract §1–§4 and §9 describe, in named steps: the files of each
/// dataset (as `DropInventory` assigns them), the units first to build the hierarchy
/// (`HierarchyStep`), then every facts dataset normalised on parallel workers and added to
/// per-unit measure totals (`FactsStep`, which takes duplicates back with `DuplicateTakeBack`),
/// and last the totals rolled up the hierarchy.
///
/// The one driver of Ingest and Normalise over a whole drop, for `validate`, `run` and `normalise`.
public struct DropAnalyzer {
    let pipeline: Pipeline
    let options: DropAnalysisOptions
    /// Hashes each input for the manifest; nil when no one needs the hashes (`validate`), so
    /// that no time goes into them.
    let makeHasher: (@Sendable () -> any ContentHasher)?

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
        let inventory = try DropInventory(
            folder: folder, pipeline: pipeline, datasets: compiled, read: options.read,
            trustProvenance: options.trustProvenance)

        let reading = try DropReading(
            folder: folder, pipeline: pipeline, options: options, measures: measures, makeHasher: makeHasher,
            progress: progress)
        if options.reportsInventory {
            for f in inventory.findings { reading.log.add(f) }
        }
        // Units first.
        let ordered = pipeline.datasets.filter { $0.role == .hierarchy } + pipeline.datasets.filter { $0.role == .facts }
        for spec in ordered {
            let files = inventory.files(of: spec.name)
            guard !files.isEmpty else {
                // Its missing-file finding is the inventory's.
                reading.absent.append(spec.name)
                continue
            }
            let datasetFiles = DatasetFiles(spec: spec, dataset: compiled[spec.name]!, files: files)
            if spec.role == .hierarchy {
                try HierarchyStep(files: datasetFiles).run(reading)
            } else {
                try FactsStep(files: datasetFiles).run(reading)
            }
        }
        return try reading.analysis()
    }
}
