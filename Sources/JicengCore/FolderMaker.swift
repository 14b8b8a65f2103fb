#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates a folder and the parents it lacks (`mkdir -p`), a failure being an `io-failure` naming
/// the folder that could not be made and the system's reason.
///
/// It exists so that the commands that write folders report "cannot create folder X: Not a
/// directory" rather than a Foundation error without its reason.
public enum FolderMaker {
    public static func create(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + component
            if mkdir(built, 0o777) != 0 {
                let code = errno
                if code == EEXIST, isFolder(built) { continue }
                throw JicengError.ioFailure(
                    LocalizedText(zh: "无法创建目录", en: "cannot create folder"), built, code: code == EEXIST ? ENOTDIR : code)
            }
        }
    }

    /// Whether `path` is a folder (following a link, as `mkdir -p` does).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
