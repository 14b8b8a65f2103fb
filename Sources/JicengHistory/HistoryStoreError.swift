/// Why a history store cannot be used (contract §8): the file is not a Jiceng store, it was
/// written by a newer Jiceng, it cannot be written, or SQLite failed while reading or recording.
///
/// A typed error rather than SQLite's, so that the CLI can say which file is wrong and why in the
/// analyst's terms, and exit 2 (a configuration error) without touching the file.
public struct HistoryStoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Not an SQLite file, a damaged or truncated one, or another application's database.
        case notAStore = "history-not-a-store"
        /// A Jiceng store whose schema is newer than this binary knows.
        case newerSchema = "history-newer-schema"
        /// The file (or its folder) cannot be created or written.
        case unwritable = "history-unwritable"
        /// `history list` / `export` on a file that does not exist.
        case missing = "history-missing"
        /// SQLite failed while reading or recording (disk full, I/O error, lock timeout).
        case failure = "history-failure"
    }

    public var code: Code
    /// The store's path, as given.
    public var path: String
    /// What is wrong, for people.
    public var reason: String

    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch code {
        case .notAStore:
            return "\(code.rawValue): \(path) is not a Jiceng history store (\(reason)); it was left unchanged"
        case .newerSchema:
            return "\(code.rawValue): \(path) \(reason); it was left unchanged — use a newer jiceng or another --history file"
        case .unwritable:
            return "\(code.rawValue): the history store \(path) cannot be written: \(reason)"
        case .missing:
            return "\(code.rawValue): there is no history store at \(path)"
        case .failure:
            return "\(code.rawValue): the history store \(path): \(reason)"
        }
    }
}
