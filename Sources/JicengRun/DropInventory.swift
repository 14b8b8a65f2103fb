import Foundation
import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline

/// Which CSV files of a drop are read as which dataset (contract §1 and v2 §9), with the
/// `missing-file` and `unknown-file` findings that follow.
///
/// Exists so that one place decides it for every command that reads a drop (`validate`, `run`,
/// `normalise` through `DropAnalyzer`, and `ingest`): `ingest → normalise` and `validate` then read
/// the same files and report the same findings.
///
/// - A file whose name starts with a dataset's file prefix (ignoring case) and ends in `.csv` (any
///   case) belongs to that dataset, as before.
/// - Any other CSV file is recognised by its header, read with `CSVFileReader` (encoding detection,
///   BOM, GB18030) and matched as `HeaderMapping` matches (aliases, folding, case, trimming): it
///   belongs to the one dataset whose required columns the header carries — for a facts dataset
///   with unit references, also at least one of them, `street` included (§2, §9) — and gets an
///   `unknown-file` warning naming that dataset. When it carries those of no dataset or of several,
///   or its header cannot be read, it gets an `unknown-file` warning and is not read. So no CSV
///   file of a drop is ignored without a finding.
/// - Hidden files (names starting with `.`, such as the `._x.csv` macOS leaves on USB sticks) and
///   files not ending in `.csv` are not part of a drop and are passed over silently.
public struct DropInventory: Sendable {
    /// Per dataset name, the files read as it, in byte order of their names.
    let files: [String: [String]]
    /// `missing-file` for each dataset without a file (the hierarchy first, then the pipeline's
    /// order), then `unknown-file` for each CSV file recognised by its header or left unread.
    public let findings: [Finding]

    /// Lists `folder` and classifies its CSV files. `trustProvenance`: the folder was written by a
    /// Jiceng stage (its `_line` and `_cells` columns are not data).
    public init(
        folder: String, pipeline: Pipeline, datasets: [String: CompiledDataset], read: CSVReadOptions = CSVReadOptions(),
        trustProvenance: Bool = false
    ) throws {
        let specs = pipeline.datasets
        var files: [String: [String]] = [:]
        var unknown: [Finding] = []
        for name in try Self.csvNames(in: folder) {
            let lower = name.lowercased()
            let byName = specs.filter { lower.hasPrefix($0.filePrefix.lowercased()) }
            if !byName.isEmpty {
                for spec in byName { files[spec.name, default: []].append(name) }
                continue
            }
            let reader = try CSVFileReader(path: folder + "/" + name, options: read)
            guard case .header(let header) = try reader.readHeader() else {
                unknown.append(
                    Finding(severity: .warning, code: .unknownFile, file: name, message: FindingMessages.unknownFileUnreadable(name)))
                continue
            }
            let matches = specs.filter { spec in
                datasets[spec.name].map { Self.carriesRequiredColumns(header, of: $0, file: name, trustProvenance: trustProvenance) }
                    ?? false
            }
            if matches.count == 1, let spec = matches.first {
                files[spec.name, default: []].append(name)
                unknown.append(
                    Finding(
                        severity: .warning, code: .unknownFile, dataset: spec.name, file: name,
                        message: FindingMessages.unknownFileRead(name, dataset: spec.name, prefix: spec.filePrefix)))
            } else if matches.isEmpty {
                unknown.append(
                    Finding(severity: .warning, code: .unknownFile, file: name, message: FindingMessages.unknownFileUnmatched(name)))
            } else {
                unknown.append(
                    Finding(
                        severity: .warning, code: .unknownFile, file: name,
                        message: FindingMessages.unknownFileAmbiguous(name, datasets: matches.map(\.name))))
            }
        }
        var missing: [Finding] = []
        let ordered = specs.filter { $0.role == .hierarchy } + specs.filter { $0.role != .hierarchy }
        for spec in ordered where files[spec.name, default: []].isEmpty {
            missing.append(
                Finding(
                    severity: spec.required ? .error : .warning, code: .missingFile, dataset: spec.name,
                    message: FindingMessages.missingFile(dataset: spec.name, required: spec.required)))
        }
        self.files = files
        self.findings = missing + unknown
    }

    /// The files read as `dataset`, in byte order of their names.
    public func files(of dataset: String) -> [String] { files[dataset] ?? [] }

    /// Whether a header carries every required column of `dataset` (after aliases and folding;
    /// a column with a default need not be there) and, when the dataset names its unit through
    /// reference columns, at least one of them (`street` included, v2 §9): exactly when
    /// `HeaderMapping` finds the file readable as that dataset.
    static func carriesRequiredColumns(_ header: CSVHeader, of dataset: CompiledDataset, file: String, trustProvenance: Bool) -> Bool {
        HeaderMapping(header: header, dataset: dataset, file: file, trustProvenance: trustProvenance).isUsable
    }

    /// The names in `folder` ending in `.csv` (any case), hidden ones left out, in byte order.
    static func csvNames(in folder: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw JicengError(
                .usage,
                LocalizedText(
                    zh: "数据目录 \(folder) 不存在或不是目录；请用 --data 指定各单位报送的 CSV 文件所在的目录",
                    en: "the data folder \(folder) does not exist or is not a folder"))
        }
        guard let dir = opendir(folder) else {
            let code = errno
            throw JicengError.ioFailure(LocalizedText(zh: "无法列出", en: "cannot list"), folder, code: code)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                let code = errno
                if code != 0 { throw JicengError.ioFailure(LocalizedText(zh: "无法列出", en: "cannot list"), folder, code: code) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") || !name.lowercased().hasSuffix(".csv") { continue }
            names.append(name)
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
