import Foundation
import JicengCore

/// `.jiceng-output`: the marker Jiceng writes into every folder it produces (run, ingest,
/// normalise, aggregate, report, sample), naming the command and every file it wrote with its
/// size.
///
/// It exists so that `--out` can tell Jiceng's own earlier output, which it may replace, from
/// anything else, which it must never destroy. A folder is Jiceng's own when
/// - it holds a `.jiceng-output` whose `tool` is `jiceng`, and every other entry is a regular
///   file that the marker lists, with the size the marker gives (a file added, swapped for a
///   folder or a link, or edited to another size makes the folder no longer Jiceng's); or
/// - it was written before markers existed: it holds a `manifest.json` whose `tool` is `jiceng`
///   with a `version`, a `period` and `inputs`, and nothing but regular files with the names
///   `run` and `report` wrote then (`legacyRunFiles`).
/// A file the marker lists but that is gone does not matter: nothing can be lost by replacing it.
struct OutputMarker: Codable, Equatable {
    static let fileName = ".jiceng-output"
    /// What `run` and `report` wrote before the marker existed.
    static let legacyRunFiles: Set<String> = [
        "findings.json", "indicators.csv", "indicators.json", "indicators.xlsx", "manifest.json",
        "quarantine.csv", "stage.json", "summary.html", "summary.md",
    ]
    /// A marker or manifest larger than this is not Jiceng's (and is not read).
    static let maxReadBytes: Int64 = 16 << 20

    var tool = "jiceng"
    var version: String
    var command: String
    /// Every file of the folder but the marker, with its size in bytes.
    var files: [String: Int64]

    /// The marker of a finished folder: its regular files and their sizes.
    static func describing(folder: String, command: String) throws -> OutputMarker {
        var files: [String: Int64] = [:]
        for name in try FolderEntries.names(in: folder) where name != fileName {
            if let size = FolderEntries.regularFileSize(folder + "/" + name) { files[name] = size }
        }
        return OutputMarker(version: JicengVersion.current, command: command, files: files)
    }

    func write(into folder: String) throws {
        try OutputFile.write(try jsonText(self), to: folder + "/" + OutputMarker.fileName)
    }

    /// The entries of `folder` (listed as `entries`) that make it not Jiceng's own output; empty
    /// when Jiceng may replace it.
    static func foreignEntries(in folder: String, entries: [String]) -> [String] {
        if entries.contains(fileName) {
            guard let marker = read(folder + "/" + fileName), marker.tool == "jiceng" else { return entries }
            return entries.filter { name in
                guard name != fileName else { return false }
                guard let size = FolderEntries.regularFileSize(folder + "/" + name) else { return true }
                return marker.files[name] != size
            }
        }
        guard isLegacyManifest(folder + "/manifest.json") else { return entries }
        return entries.filter { name in
            !legacyRunFiles.contains(name) || FolderEntries.regularFileSize(folder + "/" + name) == nil
        }
    }

    private static func read(_ path: String) -> OutputMarker? {
        guard let data = smallFile(path) else { return nil }
        return try? JSONDecoder().decode(OutputMarker.self, from: data)
    }

    /// A `manifest.json` as `run` and `report` have always written it.
    private static func isLegacyManifest(_ path: String) -> Bool {
        guard let data = smallFile(path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["tool"] as? String == "jiceng" && object["version"] is String && object["period"] is String
            && object["inputs"] is [Any]
    }

    /// The bytes of a regular file of at most `maxReadBytes`.
    private static func smallFile(_ path: String) -> Data? {
        guard let size = FolderEntries.regularFileSize(path), size <= maxReadBytes else { return nil }
        return FileManager.default.contents(atPath: path)
    }
}
