import Foundation
import JicengCore

/// Writes a command's outputs into a temporary folder beside OUT and moves it into place only
/// when complete, so a command killed at any moment leaves the previous complete outputs (or
/// none), never a mix; and replaces OUT only when `OutputDestination` found it absent, empty or a
/// previous Jiceng output, checked again just before the move.
///
/// The finished folder gets the `.jiceng-output` marker (`OutputMarker`) naming the command and
/// every file written, so a later command recognises it as Jiceng's own. A replaced output is
/// deleted file by file, exactly the entries that made it Jiceng's: never recursively.
struct OutputFolder {
    let destination: OutputDestination
    /// The command that writes the folder (`run`, `ingest`, …), recorded in the marker.
    let command: String
    let temporary: String

    private init(destination: OutputDestination, command: String) throws {
        self.destination = destination
        self.command = command
        try FolderMaker.create(destination.parent)
        temporary = try OutputFolder.makeTemporary(beside: destination)
    }

    func path(_ name: String) -> String { temporary + "/" + name }

    func write(_ text: String, to name: String) throws {
        try OutputFile.write(text, to: path(name))
    }

    /// `.OUT.partial-PID` in OUT's parent (with a further `-N` if a killed run left that name).
    private static func makeTemporary(beside destination: OutputDestination) throws -> String {
        let base = (destination.parent == "/" ? "/" : destination.parent + "/") + ".\(destination.name).partial-\(getpid())"
        for attempt in 0..<100 {
            let candidate = attempt == 0 ? base : base + "-\(attempt)"
            if mkdir(candidate, 0o777) == 0 { return candidate }
            let code = errno
            if code != EEXIST {
                throw JicengError.ioFailure(LocalizedText(zh: "无法创建临时目录", en: "cannot create the temporary folder"), candidate, code: code)
            }
        }
        throw JicengError(
            .ioFailure,
            LocalizedText(
                zh: "无法在 \(destination.path) 旁创建临时目录：\(base) 及其 99 个变体都已存在",
                en: "cannot create a temporary folder beside \(destination.path): \(base) and 99 variants exist"))
    }

    /// Marks the finished folder as Jiceng's and moves it into place.
    func commit() throws {
        try OutputMarker.describing(folder: temporary, command: command).write(into: temporary)
        let target = destination.path
        switch try destination.inspect() {
        case .absent, .emptyFolder:
            // rename(2) replaces an empty folder in one step and fails on anything else.
            guard rename(temporary, target) == 0 else { throw OutputFolder.moveFailure(target, errno) }
        case .jicengOutput(let entries):
            let old = temporary + ".old"
            guard rename(target, old) == 0 else { throw OutputFolder.moveFailure(target, errno) }
            guard rename(temporary, target) == 0 else {
                let code = errno
                _ = rename(old, target)
                throw OutputFolder.moveFailure(target, code)
            }
            OutputFolder.removeReplaced(old, entries: entries)
        }
    }

    func discard() { try? FileManager.default.removeItem(atPath: temporary) }

    /// Deletes the entries found to be Jiceng's, then the folder; anything that appeared in it
    /// while the command ran is kept, and said.
    private static func removeReplaced(_ folder: String, entries: [String]) {
        for entry in entries { unlink(folder + "/" + entry) }
        if rmdir(folder) != 0 {
            let reason = SystemErrorText.reason(errno)
            let note = LocalizedText(
                zh: "jiceng：旧的输出保留在 \(folder)（\(reason.zh)）：命令运行期间有文件加入其中\n",
                en: "jiceng: kept the previous output in \(folder) (\(reason.en)): it holds files added while the command ran\n")
            FileHandle.standardError.write(Data(note.shown.utf8))
        }
    }

    private static func moveFailure(_ target: String, _ code: Int32) -> JicengError {
        JicengError.ioFailure(LocalizedText(zh: "无法把输出移入", en: "cannot move the outputs into"), target, code: code)
    }

    /// Creates the folder, runs `body` to fill it, and moves it into place only if `body` returns;
    /// on any error the temporary folder is removed and OUT is left as it was.
    static func produce(at destination: OutputDestination, command: String, _ body: (OutputFolder) throws -> Void) throws {
        let folder = try OutputFolder(destination: destination, command: command)
        do {
            try body(folder)
            try folder.commit()
        } catch {
            folder.discard()
            throw error
        }
    }
}
