import ArgumentParser
import Foundation
import JicengAggregate
import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline
import JicengReport
import JicengRun

/// `jiceng ingest`: stage 1 alone. Reads every CSV file of a drop that `DropInventory` assigns to
/// a dataset (any encoding the contract allows) and writes it as UTF-8 CSV with LF: the header as
/// found, then `_cells` and `_line`. Each record has the header's width (a short one padded with
/// empty cells, a long one cut), `_cells` holds its number of cells in the drop when that differs
/// from the header's, `_line` its line in the drop. Blank records are left out, as every command
/// skips them. Findings: the inventory's (`missing-file`, `unknown-file`) and the CSV structure's
/// (unreadable headers, malformed and oversized records), as `validate` reports them, so that
/// `normalise` of this folder reports exactly what `validate` of the drop does.
struct IngestCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: localized(
            zh: "第 1 阶段：把数据包解码为 UTF-8 CSV，保留原始行号。", en: "Stage 1: decode a drop into UTF-8 CSV with original line numbers."),
        discussion: examples([
            (
                "jiceng ingest --data 数据包 --out 阶段/1", "run 的四个阶段可以逐个运行，每个阶段读上一阶段的目录",
                "the four stages of run, one at a time, each reading the previous stage's folder"
            ),
            ("jiceng normalise --data 阶段/1 --period 2022Q2 --out 阶段/2", "第 2 阶段", "stage 2"),
            ("jiceng aggregate --in 阶段/2 --out 阶段/3", "第 3 阶段", "stage 3"),
            ("jiceng report --in 阶段/3 --out 报告", "第 4 阶段", "stage 4"),
        ]))

    @OptionGroup var drop: DropOptions
    @Option(name: .long, help: ArgumentHelp.outputFolder, completion: .directory) var out: String

    var language: Language { drop.lang }

    func run() throws {
        let destination = try OutputDestination(out, inputs: [("--data", drop.data)])
        let pipeline = try drop.loadPipeline()
        var datasets: [String: CompiledDataset] = [:]
        for d in pipeline.datasets { datasets[d.name] = try CompiledDataset(d, parameters: pipeline.parameters) }
        let inventory = try DropInventory(folder: drop.data, pipeline: pipeline, datasets: datasets)
        try OutputFolder.produce(at: destination, command: "ingest") { folder in
            var log = FindingLog(limit: drop.maxFindings)
            for f in inventory.findings { log.add(f) }
            for spec in pipeline.datasets {
                for name in inventory.files(of: spec.name) {
                    let reader = try CSVFileReader(path: drop.data + "/" + name)
                    let maxFieldBytes = reader.options.maxFieldBytes
                    let outcome = try reader.readHeader()
                    if let f = StructuralFindings.header(outcome, dataset: spec.name, file: name, maxFieldBytes: maxFieldBytes) {
                        log.add(f)
                    }
                    guard case .header(let header) = outcome else { continue }
                    let provenance = [HeaderMapping.cellCountHeader, HeaderMapping.provenanceLineHeader]
                    var writer = try QuarantineWriter(path: folder.path(name), header: CSVText.record(header.fields + provenance) + "\n")
                    var chunk = ChunkFindings(listLimit: drop.maxFindings)
                    // The first failed write is thrown once the reader returns; later chunks are not written.
                    var writeFailure: (any Error)?
                    _ = try reader.readRecords(with: RecordCopier(width: header.fields.count, fromGB18030: header.encoding == .gb18030)) {
                        out in
                        if writeFailure == nil {
                            do { try writer.write(out.bytes) } catch { writeFailure = error }
                        }
                        for m in out.malformed { chunk.add(StructuralFindings.malformed(m, dataset: spec.name, file: name)) }
                        for a in out.abandoned {
                            chunk.add(StructuralFindings.abandoned(a, dataset: spec.name, file: name, maxFieldBytes: maxFieldBytes))
                        }
                        // Not copied: what `normalise` would find, found here (as the normaliser does).
                        for o in out.oversizedBeyondHeader {
                            if let f = StructuralFindings.cellCount(
                                expected: header.fields.count, found: o.cells, dataset: spec.name,
                                file: name, line: o.line)
                            {
                                chunk.add(f)
                            }
                            chunk.add(
                                StructuralFindings.oversizedField(
                                    column: nil, dataset: spec.name, file: name, line: o.line,
                                    maxFieldBytes: maxFieldBytes))
                        }
                    }
                    if let writeFailure { throw writeFailure }
                    try writer.close()
                    log.add(chunk, file: name)
                }
            }
            let doc = FindingsDocument(errors: log.errors, warnings: log.warnings, findings: log.findings(dataset: { _ in nil }))
            try folder.write(doc.json(language: drop.lang), to: "findings.json")
            let quality = DataQualitySummary(files: [], findingCounts: [], absentDatasets: [], errors: log.errors, warnings: log.warnings)
            try StageIO.writeStage(
                StageRecord(
                    stage: .ingest, period: nil, pipeline: pipeline.name, dataQuality: quality,
                    findings: log.listed, unlisted: log.unlisted), to: folder)
        }
    }
}

/// Copies the records of one file for `ingest`: each as RFC 4180 CSV of the header's `width`
/// (padded with empty cells or cut), then `_cells` (the record's cells in the drop, written only
/// when they differ from the header's) and `_line`. Writes bytes directly, no String per cell.
///
/// Blank records are not copied (every command skips them, and a stage record is never taken for
/// blank). Nor is a record longer than the header whose first oversized field lies beyond it:
/// cutting it would hide that field, so its findings are reported here instead.
struct RecordCopier: RecordProcessor {
    let width: Int
    /// The file was GB18030: its undecodable bytes arrive as U+FFFD and are marked again.
    let fromGB18030: Bool

    struct Output: Sendable {
        var bytes: [UInt8]
        var malformed: [MalformedRecord]
        var abandoned: [AbandonedRecord]
        /// Records not copied because of an oversized field beyond the header: line and cells.
        var oversizedBeyondHeader: [(line: Int, cells: Int)]
    }

    func makeWorkerState() -> Int { 0 }

    func process(_ batch: RecordBatch, state: inout Int) -> Output {
        var out = Output(bytes: [], malformed: batch.malformed, abandoned: batch.abandoned, oversizedBeyondHeader: [])
        for r in 0..<batch.count {
            if BlankRecord.isBlank(batch, r) { continue }
            let cells = batch.fieldCount(r)
            if cells > width, let big = batch.oversizedField(r), big >= width {
                out.oversizedBeyondHeader.append((batch.line(r), cells))
                continue
            }
            for f in 0..<width {
                if f > 0 { out.bytes.append(0x2C) }
                if f < cells { CSVText.appendDropField(batch.field(r, f), fromGB18030: fromGB18030, to: &out.bytes) }
            }
            out.bytes.append(0x2C)
            if cells != width { CSVText.appendDecimal(cells, to: &out.bytes) }
            out.bytes.append(0x2C)
            CSVText.appendDecimal(batch.line(r), to: &out.bytes)
            out.bytes.append(0x0A)
        }
        return out
    }
}

/// `jiceng normalise`: stage 2 alone. Reads a drop (or an ingest folder) and writes each file's
/// accepted rows in canonical form, plus quarantine.csv, findings.json and stage.json.
struct NormaliseCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "normalise",
        abstract: localized(zh: "第 2 阶段：规范化的行、数据问题和隔离记录（quarantine.csv）。", en: "Stage 2: canonical rows, findings and quarantine."),
        discussion: examples([
            ("jiceng normalise --data 阶段/1 --period 2022Q2 --out 阶段/2", "读取 ingest 的目录", "from an ingest folder"),
            ("jiceng normalise --data 数据包 --period 2022Q2 --out 阶段/2", "也可以直接读取数据包", "or straight from a drop"),
        ]),
        aliases: ["normalize"])

    @OptionGroup var drop: DropOptions
    @Option(
        name: .long,
        help: ArgumentHelp(zh: "统计期（2022Q2、2022H1 或 2022）。", en: "Period (2022Q2, 2022H1 or 2022).", valueName: ValueName.period),
        transform: Period.argument) var period: Period
    @Option(name: .long, help: ArgumentHelp.outputFolder, completion: .directory) var out: String

    var language: Language { drop.lang }

    func run() throws {
        let destination = try OutputDestination(out, inputs: [("--data", drop.data)])
        let pipeline = try drop.loadPipeline()
        // A folder with a stage.json is a stage folder: it must be an ingest folder, and its
        // stage.json readable (a corrupt one must not turn it into a drop whose `_line` is data).
        let ingest = try StageIO.readStageIfPresent(drop.data)
        if let ingest, ingest.stage != .ingest {
            throw JicengError(
                .stageInputInvalid,
                LocalizedText(
                    zh: "\(drop.data) 是 \(ingest.stage.rawValue) 阶段的目录；normalise 读取数据包或 ingest 阶段的目录",
                    en: "\(drop.data) is the folder of a \(ingest.stage.rawValue) stage; normalise reads a drop or an ingest folder"))
        }
        try OutputFolder.produce(at: destination, command: "normalise") { folder in
            var analyzer = DropAnalyzer(
                pipeline: pipeline,
                options: {
                    var o = DropAnalysisOptions(
                        period: period, maxFindings: drop.maxFindings, quarantinePath: folder.path("quarantine.csv"),
                        canonicalFolder: folder.temporary)
                    // An ingest folder's `_line` and `_cells` columns hold the drop's lines and cell
                    // counts; a raw drop's are data. Its files and their findings are ingest's.
                    o.trustProvenance = ingest != nil
                    o.reportsInventory = ingest == nil
                    return o
                }(),
                makeHasher: { SHA256Hasher() })
            let display = ProgressDisplay.make(folder: drop.data, language: drop.lang)
            analyzer.progress = display.map { d in { d.update($0) } }
            var analysis = try analyzer.analyze(drop: drop.data)
            display?.finish()
            // Reading an ingest folder: its findings (files, malformed records, encodings) belong to this drop.
            for f in ingest?.findings ?? [] { analysis.findings.add(f) }
            for u in ingest?.unlisted ?? [] { analysis.findings.add(u) }
            let doc = try StageIO.writeFindings(analysis, language: drop.lang, to: folder)
            try StageIO.writeStage(
                StageRecord(
                    stage: .normalise, period: period, pipeline: pipeline.name,
                    dataQuality: analysis.dataQuality(), findings: doc.findings), to: folder)
        }
    }
}

/// `jiceng aggregate`: stages 3–4 alone. Reads a normalise folder and writes the indicator table
/// (indicators.json, indicators.csv) with targets applied, carrying the drop's findings forward.
struct AggregateCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: localized(zh: "第 3 阶段：由 normalise 的目录计算指标。", en: "Stage 3: indicators from a normalise folder."),
        discussion: examples([
            (
                "jiceng aggregate --in 阶段/2 --out 阶段/3", "指标表 indicators.csv 和 indicators.json",
                "the indicator table, indicators.csv and indicators.json"
            )
        ]))

    @OptionGroup var stage: StageFolderOptions

    var language: Language { stage.lang }

    func run() throws {
        let destination = try stage.destination()
        let (pipeline, record, targetLayers) = try stage.load()
        let book = targetLayers.book
        guard let period = record.period else {
            throw JicengError(.stageInputInvalid, LocalizedText(zh: "\(stage.in) 没有统计期", en: "\(stage.in) has no period"))
        }
        var options = DropAnalysisOptions(period: period)
        options.trustProvenance = true  // a normalise folder: its `_line` columns hold the drop's lines
        let analyzer = DropAnalyzer(pipeline: pipeline, options: options, makeHasher: { SHA256Hasher() })
        let analysis = try analyzer.analyze(drop: stage.in)
        guard let directory = analysis.directory, let totals = analysis.totals else {
            throw JicengError(
                .dataErrors, LocalizedText(zh: "无法从 \(stage.in) 建立单位层级", en: "the unit hierarchy could not be built from \(stage.in)"))
        }
        TargetNotices.print(targetLayers.warnings(year: period.year, units: directory.units.map { ($0.id, $0.name) }), language: stage.lang)
        // Datasets absent from the drop stay absent (not supplied, unreadable, no row in the period,
        // too many duplicates): the normalise stage says which, whatever its canonical files hold.
        let evaluation = IndicatorComputer.evaluate(
            pipeline: pipeline, measures: analysis.measures, totals: totals, directory: directory,
            presentDatasets: analysis.presentDatasets.subtracting(record.dataQuality.absentDatasets), targets: book, period: period,
            toolVersion: JicengVersion.current,
            dataQuality: record.dataQuality)
        try OutputFolder.produce(at: destination, command: "aggregate") { folder in
            try StageIO.writeIndicatorsJSON(evaluation, to: folder)
            try StageIO.writeIndicatorsCSV(evaluation, to: folder)
            let doc = FindingsDocument(errors: record.dataQuality.errors, warnings: record.dataQuality.warnings, findings: record.findings)
            try folder.write(doc.json(language: stage.lang), to: "findings.json")
            try StageIO.writeStage(
                StageRecord(
                    stage: .aggregate, period: period, pipeline: pipeline.name,
                    dataQuality: record.dataQuality, findings: record.findings), to: folder)
        }
    }
}

/// `jiceng report`: stages 4–5 alone. Applies (possibly other) targets to an aggregate or run folder
/// and renders every report without reading the drop again.
struct ReportCommand: ParsableCommand, LanguageChoosing {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: localized(
            zh: "第 4–5 阶段：由 aggregate 或 run 的目录对照目标值、写出报告。", en: "Stage 4–5: targets and reports from an aggregate folder."),
        discussion: examples([
            ("jiceng report --in 阶段/3 --out 报告", "写出报告", "write the reports"),
            (
                "jiceng report --in 报告 --out 新报告 --targets 新目标.csv", "换一套目标值重新出报告，不必重读数据包",
                "the reports again against other targets, without reading the drop again"
            ),
        ]))

    @OptionGroup var stage: StageFolderOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "历史库（SQLite），报告从中读取年度累计、环比、同比与走势，并写出 indicators_ytd.csv；默认取 $JICENG_HISTORY。",
            en:
                "History store (SQLite) to read the year from: year-to-date, changes and trends in the reports, indicators_ytd.csv; default: $JICENG_HISTORY.",
            valueName: ValueName.file),
        completion: .file())
    var history: String?

    var language: Language { stage.lang }

    func run() throws {
        let destination = try stage.destination()
        let (pipeline, record, targetLayers) = try stage.load()
        let book = targetLayers.book
        let evaluation = TargetEvaluator.apply(book, to: try StageIO.readEvaluation(stage.in))
        let targetWarnings = targetLayers.warnings(year: evaluation.period.year, units: evaluation.units.map { ($0.id, $0.name) })
        TargetNotices.print(targetWarnings, language: stage.lang)
        // History (contract §8): read only, and read before anything is written.
        let year = try ReportHistoryInput.rerender(
            store: HistoryLocation.resolve(explicit: history), pipeline: pipeline, targets: book,
            evaluation: evaluation, findings: record.findings)
        try OutputFolder.produce(at: destination, command: "report") { folder in
            try year.writeYearToDate(to: folder)
            try StageIO.writeReports(
                year.evaluation, findings: year.findings, language: stage.lang, pipeline: pipeline,
                targets: targetLayers, targetWarnings: targetWarnings, history: year.report, to: folder)
        }
    }
}

/// The options of the stages that read a stage folder (`aggregate`, `report`).
struct StageFolderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "上一阶段写出的目录（aggregate 读 normalise 的；report 读 aggregate 或 run 的）。",
            en: "A folder written by an earlier stage (`normalise` for aggregate; `aggregate` or `run` for report).",
            valueName: ValueName.folder),
        completion: .directory)
    var `in`: String
    @Option(name: .long, help: ArgumentHelp.outputFolder, completion: .directory) var out: String
    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "流水线文件（YAML）；默认用内置的标准流水线。",
            en: "Pipeline file (YAML); default: the built-in standard pipeline.", valueName: ValueName.file),
        completion: .file(extensions: ["yaml", "yml"]))
    var pipeline: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "目标值文件（CSV）；默认用流水线的目标值。", en: "Targets file; default: the pipeline's.",
            valueName: ValueName.file),
        completion: .file(extensions: ["csv"]))
    var targets: String?
    @Option(name: .long, help: ArgumentHelp.targetsOverlay, completion: .file(extensions: ["csv"])) var targetsOverlay: [String] = []
    @Option(name: .long, help: ArgumentHelp.language) var lang: Language = InterfaceLanguage.current

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
