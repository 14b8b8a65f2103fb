import Foundation
import JicengCore

/// The folder named by `--out`, resolved, and the decision whether a command may replace it.
///
/// It exists because `--out` must never destroy: OUT is replaced only when it is absent, an empty
/// folder, or a previous Jiceng output (`OutputMarker`). Anything else — a folder holding other
/// files, a file, a symbolic link, `.`, `..`, `/`, the current folder, an input folder, a folder
/// inside an input or holding one — is refused with an `OutputRefusal` (exit 2) before anything
/// is created, moved or deleted. Paths are compared after resolving `.`, `..` and the links of
/// the parent, so another spelling of the same folder is the same folder.
struct OutputDestination {
    /// What OUT holds now.
    enum Content: Equatable {
        case absent
        case emptyFolder
        /// A previous Jiceng output with these entries (the marker included).
        case jicengOutput(entries: [String])
    }

    /// `--out` as given.
    let given: String
    /// The folder it names: its parent resolved, its last component as given.
    let path: String
    let parent: String
    let name: String

    /// Resolves `given` and refuses it unless it may be replaced; `inputs` are the folders the
    /// command reads (`--data`, `--in`), with their option names.
    init(_ given: String, inputs: [(option: String, path: String)]) throws {
        self.given = given
        let components = given.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let last = components.last, last != ".", last != ".." else {
            throw OutputRefusal.notAFolderName(given).error
        }
        let parentGiven =
            given.hasPrefix("/")
            ? "/" + components.dropLast().joined(separator: "/")
            : (components.count == 1 ? "." : components.dropLast().joined(separator: "/"))
        parent = PhysicalPath.resolve(parentGiven)
        name = last
        path = parent == "/" ? "/" + last : parent + "/" + last

        for input in inputs {
            let folder = PhysicalPath.resolve(input.path)
            if folder == path { throw OutputRefusal.isInput(shown, option: input.option, input: input.path).error }
            if PhysicalPath.isInside(path, folder) { throw OutputRefusal.insideInput(shown, option: input.option, input: input.path).error }
            if PhysicalPath.isInside(folder, path) { throw OutputRefusal.holdsInput(shown, option: input.option, input: input.path).error }
        }
        let current = PhysicalPath.resolve(".")
        if current == path || PhysicalPath.isInside(current, path) { throw OutputRefusal.holdsCurrentFolder(shown).error }
        _ = try inspect()
    }

    /// The path as given, and as resolved when that differs.
    var shown: String { given == path ? given : "\(given) (\(path))" }

    /// What is at `path` now; throws the refusal when it is not Jiceng's to replace.
    func inspect() throws -> Content {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            // ENOTDIR: a parent is a file; creating the parent will say so as an io-failure.
            if code == ENOENT || code == ENOTDIR { return .absent }
            throw JicengError.ioFailure(LocalizedText(zh: "无法查看", en: "cannot examine"), path, code: code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw OutputRefusal.symbolicLink(shown).error
        case S_IFDIR: break
        default: throw OutputRefusal.notAFolder(shown).error
        }
        let entries = try FolderEntries.names(in: path)
        if entries.isEmpty { return .emptyFolder }
        let foreign = OutputMarker.foreignEntries(in: path, entries: entries)
        guard foreign.isEmpty else { throw OutputRefusal.foreignEntries(shown, foreign).error }
        return .jicengOutput(entries: entries)
    }
}
