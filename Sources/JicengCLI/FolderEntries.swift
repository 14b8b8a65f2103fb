import Foundation
import JicengCore

/// The entries of a folder and what they are, read with POSIX calls (no link is followed).
///
/// It exists so that the checks of `--out` see a folder exactly as it is: a link is a link, not
/// its target, and a failure to read is an `io-failure` with the system's reason.
enum FolderEntries {
    /// Every entry of `folder` but `.` and `..`, in byte order.
    static func names(in folder: String) throws -> [String] {
        guard let dir = opendir(folder) else {
            let code = errno
            throw JicengError.ioFailure(LocalizedText(zh: "无法列出", en: "cannot list"), folder, code: code)
        }
        defer { closedir(dir) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        let code = errno
        if code != 0 { throw JicengError.ioFailure(LocalizedText(zh: "无法列出", en: "cannot list"), folder, code: code) }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The size of `path` when it is a regular file (not a link, folder or device).
    static func regularFileSize(_ path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
