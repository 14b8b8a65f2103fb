import ArgumentParser
import Foundation
import JicengAggregate
import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline

/// `jiceng ingest`: stage 1 alone. Reads every dataset file of a drop (any encoding the contract
/// allows) and writes it as UTF-8 CSV with LF, the header as found, and a `_line` column holding
/// each record's line in the original file; findings about encodings and CSV structure.
struct IngestCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Stage 1: decode a drop into UTF-8 CSV with original line numbers.")

    @OptionGroup var drop: DropOptions
    @Option(name: .long, help: "Output folder: new, empty or an earlier Jiceng output.") var out: String

    var language: Language { drop.lang }

    func run() throws {
        let destination = try OutputDestination(out, inputs: [("--data", drop.data)])
        let pipeline = try drop.loadPipeline()
        guard FolderMaker.isFolder(drop.data) else {
            throw JicengError(.usage, "the data folder \(drop.data) does not exist or is not a folder")
        }
        let names = try FolderEntries.names(in: drop.data)
        try OutputFolder.produce(at: destination, command: "ingest") { folder in
            var log = FindingLog(limit: drop.maxFindings)
            for spec in pipeline.datasets {
                let files = DropAnalyzer.files(in: drop.data, for: spec, all: names)
                if files.isEmpty {
                    log.add(Finding(severity: spec.required ? .error : .warning, code: .missingFile, dataset: spec.name,
                                    message: FindingMessages.missingFile(dataset: spec.name, required: spec.required)))
                }
                for name in files {
                    let reader = try CSVFileReader(path: drop.data + "/" + name)
                    func finding(_ code: FindingCode, line: Int?, _ message: LocalizedText) {
                        log.add(Finding(severity: .error, code: code, dataset: spec.name, file: name, line: line, message: message))
                    }
                    switch try reader.readHeader() {
                    case .empty: finding(.emptyFile, line: nil, FindingMessages.emptyFile)
                    case .undecodable: finding(.encodingError, line: nil, FindingMessages.undecodable)
                    case .malformed(let m): finding(.malformedCSV, line: m.line, FindingMessages.malformed(unterminated: m.unterminatedQuote))
                    case .tooLarge(let a): finding(.fieldTooLarge, line: a.line, FindingMessages.fieldTooLarge(limit: reader.options.maxFieldBytes))
                    case .header(let header):
                        var writer = try QuarantineWriter(path: folder.path(name),
                                                          header: CSVText.record(header.fields + [HeaderMapping.provenanceLineHeader]) + "\n")
                        var chunk = ChunkFindings(listLimit: drop.maxFindings)
                        // The first failed write is thrown once the reader returns; later chunks are not written.
                        var writeFailure: (any Error)?
                        _ = try reader.readRecords(with: RecordCopier()) { out in
                            if writeFailure == nil {
                                do { try writer.write(out.bytes) } catch { writeFailure = error }
                            }
                            for m in out.malformed {
                                chunk.add(Finding(severity: .error, code: .malformedCSV, dataset: spec.name, file: name, line: m.line,
                                                  value: SensitiveDataMasker.mask(m.excerpt), message: FindingMessages.malformed(unterminated: m.unterminatedQuote)))
                            }
                            for a in out.abandoned {
                                chunk.add(Finding(severity: .error, code: a.reason == .fieldTooLarge ? .fieldTooLarge : .extraCell, dataset: spec.name,
                                                  file: name, line: a.line,
                                                  message: a.reason == .fieldTooLarge ? FindingMessages.fieldTooLarge(limit: reader.options.maxFieldBytes) : FindingMessages.recordTooLarge))
                            }
                        }
                        if let writeFailure { throw writeFailure }
                        try writer.close()
                        log.add(chunk, file: name)
                    }
                }
            }
            let doc = FindingsDocument(errors: log.errors, warnings: log.warnings, findings: log.findings(dataset: { _ in nil }))
            try folder.write(doc.json(language: drop.lang), to: "findings.json")
            let quality = DataQualitySummary(files: [], findingCounts: [], absentDatasets: [], errors: log.errors, warnings: log.warnings)
            try StageIO.writeStage(StageRecord(stage: "ingest", period: nil, pipeline: pipeline.name, dataQuality: quality,
                                               findings: doc.findings), to: folder)
        }
    }
}

/// Copies records as RFC 4180 CSV with their line appended.
struct RecordCopier: RecordProcessor {
    struct Output: Sendable {
        var bytes: [UInt8]
        var malformed: [MalformedRecord]
        var abandoned: [AbandonedRecord]
    }

    func makeWorkerState() -> Int { 0 }

    func process(_ batch: RecordBatch, state: inout Int) -> Output {
        var bytes: [UInt8] = []
        for r in 0..<batch.count {
            var fields = (0..<batch.fieldCount(r)).map { String(decoding: batch.field(r, $0), as: UTF8.self) }
            fields.append(String(batch.line(r)))
            bytes.append(contentsOf: Array((CSVText.record(fields) + "\n").utf8))
        }
        return Output(bytes: bytes, malformed: batch.malformed, abandoned: batch.abandoned)
    }
}

/// `jiceng normalise`: stage 2 alone. Reads a drop (or an ingest folder) and writes each file's
/// accepted rows in canonical form, plus quarantine.csv, findings.json and stage.json.
struct NormaliseCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(commandName: "normalise", abstract: "Stage 2: canonical rows, findings and quarantine.",
                                                    aliases: ["normalize"])

    @OptionGroup var drop: DropOptions
    @Option(name: .long, help: "Period (2022Q2, 2022H1 or 2022).", transform: Period.argument) var period: Period
    @Option(name: .long, help: "Output folder: new, empty or an earlier Jiceng output.") var out: String

    var language: Language { drop.lang }

    func run() throws {
        let destination = try OutputDestination(out, inputs: [("--data", drop.data)])
        let pipeline = try drop.loadPipeline()
        try OutputFolder.produce(at: destination, command: "normalise") { folder in
            var analyzer = DropAnalyzer(
                pipeline: pipeline,
                options: {
                    var o = DropAnalysisOptions(period: period, maxFindings: drop.maxFindings, quarantinePath: folder.path("quarantine.csv"),
                                                canonicalFolder: folder.temporary)
                    // An ingest folder's `_line` columns hold the drop's lines; a raw drop's are data.
                    o.trustProvenance = (try? StageIO.readStage(drop.data))?.stage == "ingest"
                    return o
                }(),
                makeHasher: { SHA256Hasher() })
            let display = ProgressDisplay.make(folder: drop.data, language: drop.lang)
            analyzer.progress = display.map { d in { d.update($0) } }
            var analysis = try analyzer.analyze(drop: drop.data)
            display?.finish()
            // Reading an ingest folder: its findings (malformed records, encodings) belong to this drop.
            if let ingest = try? StageIO.readStage(drop.data), ingest.stage == "ingest" {
                for f in ingest.findings where f.code != .missingFile { analysis.findings.add(f) }
            }
            let doc = try StageIO.writeFindings(analysis, language: drop.lang, to: folder)
            try StageIO.writeStage(StageRecord(stage: "normalise", period: period, pipeline: pipeline.name,
                                               dataQuality: analysis.dataQuality(), findings: doc.findings), to: folder)
        }
    }
}

/// `jiceng aggregate`: stages 3–4 alone. Reads a normalise folder and writes the indicator table
/// (indicators.json, indicators.csv) with targets applied, carrying the drop's findings forward.
struct AggregateCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(commandName: "aggregate", abstract: "Stage 3: indicators from a normalise folder.")

    @OptionGroup var stage: StageFolderOptions

    var language: Language { stage.lang }

    func run() throws {
        let destination = try stage.destination()
        let (pipeline, record, targetLayers) = try stage.load()
        let book = targetLayers.book
        guard let period = record.period else { throw JicengError(.stageInputInvalid, "\(stage.in) has no period") }
        var options = DropAnalysisOptions(period: period)
        options.trustProvenance = true   // a normalise folder: its `_line` columns hold the drop's lines
        let analyzer = DropAnalyzer(pipeline: pipeline, options: options, makeHasher: { SHA256Hasher() })
        let analysis = try analyzer.analyze(drop: stage.in)
        guard let directory = analysis.directory, let totals = analysis.totals else {
            throw JicengError(.dataErrors, "the unit hierarchy could not be built from \(stage.in)")
        }
        TargetNotices.print(targetLayers.warnings(year: period.year, units: directory.units.map { ($0.id, $0.name) }), language: stage.lang)
        // Datasets absent from the drop stay absent; the normalised files exist only for present ones.
        let evaluation = IndicatorComputer.evaluate(
            pipeline: pipeline, measures: analysis.measures, totals: totals, directory: directory,
            presentDatasets: analysis.presentDatasets, targets: book, period: period, toolVersion: JicengVersion.current,
            dataQuality: record.dataQuality)
        try OutputFolder.produce(at: destination, command: "aggregate") { folder in
            try folder.write(try jsonText(evaluation), to: "indicators.json")
            try folder.write(IndicatorsText.csv(evaluation), to: "indicators.csv")
            let doc = FindingsDocument(errors: record.dataQuality.errors, warnings: record.dataQuality.warnings, findings: record.findings)
            try folder.write(doc.json(language: stage.lang), to: "findings.json")
            try StageIO.writeStage(StageRecord(stage: "aggregate", period: period, pipeline: pipeline.name,
                                               dataQuality: record.dataQuality, findings: record.findings), to: folder)
        }
    }
}

struct ReportCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Stage 4–5: targets and reports from an aggregate folder.")

    @OptionGroup var stage: StageFolderOptions

    var language: Language { stage.lang }

    func run() throws {
        let destination = try stage.destination()
        let (pipeline, record, targetLayers) = try stage.load()
        let evaluation = TargetEvaluator.apply(targetLayers.book, to: try StageIO.readEvaluation(stage.in))
        let targetWarnings = targetLayers.warnings(year: evaluation.period.year, units: evaluation.units.map { ($0.id, $0.name) })
        TargetNotices.print(targetWarnings, language: stage.lang)
        try OutputFolder.produce(at: destination, command: "report") { folder in
            try StageIO.writeReports(evaluation, findings: record.findings, language: stage.lang, pipeline: pipeline,
                                     targets: targetLayers, targetWarnings: targetWarnings, to: folder)
        }
    }
}

/// The options of the stages that read a stage folder (`aggregate`, `report`).
struct StageFolderOptions: ParsableArguments {
    @Option(name: .long, help: "A folder written by an earlier stage (`normalise` for aggregate; `aggregate` or `run` for report).")
    var `in`: String
    @Option(name: .long, help: "Output folder: new, empty or an earlier Jiceng output.") var out: String
    @Option(name: .long, help: "Pipeline file (YAML); default: the built-in standard pipeline.") var pipeline: String?
    @Option(name: .long, help: "Targets file; default: the pipeline's.") var targets: String?
    @Option(name: .long, help: TargetSource.overlayHelp) var targetsOverlay: [String] = []
    @Option(name: .long, help: "Language: zh or en.") var lang: Language = .zh

    /// `--out`, checked against `--in` and what it holds now.
    func destination() throws -> OutputDestination {
        try OutputDestination(out, inputs: [("--in", self.in)])
    }

    /// The pipeline, the stage record of `in`, and the targets.
    func load() throws -> (Pipeline, StageRecord, TargetLayers) {
        let pipeline = try self.pipeline.map(PipelineLoader.load(path:)) ?? PipelineLoader.standard
        let record = try StageIO.readStage(self.in)
        return (pipeline, record, try TargetSource.load(explicit: targets, overlays: targetsOverlay, pipeline: pipeline))
    }
}
