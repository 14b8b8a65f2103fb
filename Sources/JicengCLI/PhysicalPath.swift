import Foundation

/// A path as the file system sees it: absolute, with `.`, `..` and the symbolic links of its
/// existing part resolved.
///
/// It exists so that two spellings of one folder (`out`, `./out`, `../wt/out`, a link to it)
/// compare equal when `--out` is checked against the current folder and the inputs.
enum PhysicalPath {
    /// `path` made absolute; its longest existing prefix is resolved by `realpath` (links
    /// included), the rest, which does not exist and so holds no link, by name.
    static func resolve(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : currentFolder() + "/" + path
        let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var existing = components.count
        var resolved: [String] = []
        while true {
            let prefix = "/" + components[0..<existing].joined(separator: "/")
            if let real = realPath(prefix) {
                resolved = real.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
                break
            }
            if existing == 0 { break }
            existing -= 1
        }
        for component in components[existing...] {
            switch component {
            case ".": continue
            case "..": _ = resolved.popLast()
            default: resolved.append(component)
            }
        }
        return "/" + resolved.joined(separator: "/")
    }

    /// Whether `inner` lies strictly inside `outer` (both resolved).
    static func isInside(_ inner: String, _ outer: String) -> Bool {
        let prefix = outer.hasSuffix("/") ? outer : outer + "/"
        return inner != outer && inner.hasPrefix(prefix)
    }

    /// The current folder, resolved.
    static func currentFolder() -> String {
        FileManager.default.currentDirectoryPath
    }

    private static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
