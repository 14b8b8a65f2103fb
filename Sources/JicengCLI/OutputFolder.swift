import Foundation
import JicengCore

/// Writes a stage's outputs into a temporary folder beside the destination and moves it into
/// place only when complete, so a run killed at any moment leaves the previous complete outputs
/// (or none), never a mix.
struct OutputFolder {
    let destination: String
    let temporary: String

    init(destination: String) throws {
        let dest = destination.hasSuffix("/") && destination.count > 1 ? String(destination.dropLast()) : destination
        self.destination = dest
        let parent = (dest as NSString).deletingLastPathComponent
        let base = (dest as NSString).lastPathComponent
        temporary = (parent.isEmpty ? "." : parent) + "/.\(base).partial-\(getpid())"
        let fm = FileManager.default
        try? fm.removeItem(atPath: temporary)
        do {
            try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        } catch {
            throw JicengError(.ioFailure, "cannot create \(temporary): \(error.localizedDescription)")
        }
    }

    func path(_ name: String) -> String { temporary + "/" + name }

    func write(_ text: String, to name: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path(name))) } catch {
            throw JicengError(.ioFailure, "cannot write \(name): \(error.localizedDescription)")
        }
    }

    /// Replaces the destination with the finished folder.
    func commit() throws {
        let fm = FileManager.default
        let old = temporary + ".old"
        do {
            if fm.fileExists(atPath: destination) { try fm.moveItem(atPath: destination, toPath: old) }
            try fm.moveItem(atPath: temporary, toPath: destination)
            try? fm.removeItem(atPath: old)
        } catch {
            throw JicengError(.ioFailure, "cannot move the outputs into \(destination): \(error.localizedDescription)")
        }
    }

    func discard() { try? FileManager.default.removeItem(atPath: temporary) }

    /// Creates the folder, runs `body` to fill it, and moves it into place only if `body` returns;
    /// on any error the partial folder is removed and the destination is left as it was.
    static func produce(at destination: String, _ body: (OutputFolder) throws -> Void) throws {
        let folder = try OutputFolder(destination: destination)
        do {
            try body(folder)
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
    }
}
