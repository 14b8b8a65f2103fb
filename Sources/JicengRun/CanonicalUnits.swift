import Foundation
import JicengCore
import JicengNormalize

/// Writes the kept units in canonical form (one file per input units file, rows in input order),
/// for the `normalise` stage.
enum CanonicalUnits {
    static func write(_ directory: UnitDirectory, rows: [UnitRow], to folder: String) throws {
        let kept = Set(directory.units.map(\.id))
        let parentOf = Dictionary(
            directory.units.map { u in (u.id, u.parent.map { directory.units[$0].id } ?? "") },
            uniquingKeysWith: { a, _ in a })
        var byFile: [String: [UnitRow]] = [:]
        for r in rows where kept.contains(r.id) { byFile[r.file, default: []].append(r) }
        for (file, list) in byFile {
            var text = CSVText.record(["unit_id", "name", "level", "parent_id", "aliases", HeaderMapping.provenanceLineHeader]) + "\n"
            for r in list.sorted(by: { $0.line < $1.line }) {
                text +=
                    CSVText.record([r.id, r.name, r.level.rawValue, parentOf[r.id] ?? "", r.aliases.joined(separator: ";"), String(r.line)])
                    + "\n"
            }
            guard FileManager.default.createFile(atPath: folder + "/" + file, contents: Data(text.utf8)) else {
                throw JicengError(.ioFailure, LocalizedText(zh: "无法写入 \(folder)/\(file)", en: "cannot write \(folder)/\(file)"))
            }
        }
    }
}
