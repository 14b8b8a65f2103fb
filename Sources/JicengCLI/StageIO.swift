import Foundation
import JicengAggregate
import JicengCore
import JicengPipeline
import JicengReport
import JicengRun

/// Reading and writing the files that stage folders share: findings, stage record, evaluation.
enum StageIO {
    static func writeFindings(_ analysis: DropAnalysis, language: Language, to folder: OutputFolder) throws -> FindingsDocument {
        let doc = FindingsDocument(
            errors: analysis.findings.errors, warnings: analysis.findings.warnings, findings: analysis.listedFindings())
        try folder.write(doc.json(language: language), to: "findings.json")
        return doc
    }

    static func writeStage(_ record: StageRecord, to folder: OutputFolder) throws {
        try folder.write(try jsonText(record), to: StageRecord.fileName)
    }

    /// `indicators.json`, written row by row (`IndicatorsJSON`).
    static func writeIndicatorsJSON(_ evaluation: Evaluation, to folder: OutputFolder) throws {
        let file = try BufferedOutputFile(creating: folder.path("indicators.json"))
        try IndicatorsJSON.write(evaluation, to: file)
        try file.close()
    }

    /// `indicators.csv`, written row by row (`IndicatorsCSV`).
    static func writeIndicatorsCSV(_ evaluation: Evaluation, to folder: OutputFolder) throws {
        let file = try BufferedOutputFile(creating: folder.path("indicators.csv"))
        try IndicatorsCSV.write(evaluation, to: file)
        try file.close()
    }

    static func readStage(_ folder: String) throws -> StageRecord {
        let path = folder + "/" + StageRecord.fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JicengError(
                .stageInputInvalid,
                LocalizedText(
                    zh: "\(folder) 不是 jiceng 的阶段目录（没有 \(StageRecord.fileName)）",
                    en: "\(folder) is not a stage folder of jiceng (no \(StageRecord.fileName))"))
        }
        do { return try JSONDecoder().decode(StageRecord.self, from: data) } catch {
            throw JicengError(.stageInputInvalid, LocalizedText(zh: "无法读取 \(path)：\(error)", en: "\(path) cannot be read: \(error)"))
        }
    }

    /// The stage record of `folder`, or nil when it has no stage.json (a drop). A stage.json that
    /// exists but cannot be read or decoded is an error, never taken for its absence.
    static func readStageIfPresent(_ folder: String) throws -> StageRecord? {
        let path = folder + "/" + StageRecord.fileName
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw JicengError(
                .ioFailure,
                LocalizedText(
                    zh: "无法读取 \(path)：\(SystemErrorText.chinese(forReason: systemReason(error)))",
                    en: "cannot read \(path): \(systemReason(error))"))
        }
        do { return try JSONDecoder().decode(StageRecord.self, from: data) } catch {
            throw JicengError(
                .stageInputInvalid,
                LocalizedText(
                    zh: "\(path) 不是 jiceng 的阶段记录（\(error)）；如果 \(folder) 是数据包，请删除这个文件，否则请重新运行该阶段",
                    en: "\(path) is not a stage record of jiceng (\(error)); remove it if \(folder) is a drop, or run the stage again"))
        }
    }

    /// The system's reason for a Foundation file error (its POSIX error), else its description.
    private static func systemReason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }

    static func readEvaluation(_ folder: String) throws -> Evaluation {
        let path = folder + "/indicators.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JicengError(
                .stageInputInvalid,
                LocalizedText(
                    zh: "\(folder) 中没有 indicators.json：请给出 aggregate 或 run 的输出目录",
                    en: "\(folder) holds no indicators.json: give an aggregate or run folder"))
        }
        do { return try JSONDecoder().decode(Evaluation.self, from: data) } catch {
            throw JicengError(.stageInputInvalid, LocalizedText(zh: "无法读取 \(path)：\(error)", en: "\(path) cannot be read: \(error)"))
        }
    }

    /// Writes everything a report folder holds: indicators.csv, summary.html/.md, indicators.xlsx,
    /// findings.json, indicators.json, stage.json and manifest.json.
    static func writeReports(
        _ evaluation: Evaluation, findings: [Finding], language: Language, pipeline: Pipeline,
        targets: TargetLayers, targetWarnings: [TargetWarning], history: ReportHistory? = nil,
        to folder: OutputFolder
    ) throws {
        // The pipeline's indicators the evaluation lacks (their datasets absent or unusable), for the reports' notice.
        let present = Set(evaluation.indicators.map(\.name))
        let leftOut = pipeline.name == evaluation.pipelineName ? pipeline.indicators.filter { !present.contains($0.name) }.map(\.title) : []
        // The machine-readable files are written while the workbook is (ReportWriter).
        try ReportWriter(language: language).write(
            evaluation, findings: findings, history: history, leftOut: leftOut,
            to: folder.temporary
        ) {
            let doc = FindingsDocument(errors: evaluation.dataQuality.errors, warnings: evaluation.dataQuality.warnings, findings: findings)
            try folder.write(doc.json(language: language), to: "findings.json")
            try writeIndicatorsJSON(evaluation, to: folder)
            try writeStage(
                StageRecord(
                    stage: .report, period: evaluation.period, pipeline: evaluation.pipelineName,
                    dataQuality: evaluation.dataQuality, findings: findings), to: folder)
            try folder.write(
                Manifest(
                    evaluation: evaluation, pipeline: pipeline, targets: targets, targetWarnings: targetWarnings,
                    language: language
                ).json(), to: "manifest.json")
        }
    }
}
