import Foundation
import GRDB

/// A history store (contract §8): an SQLite file, through GRDB, that holds recorded runs so that
/// a quarter can be read against the year.
///
/// Opened for recording (`openForRecording`, by `jiceng run --history`) it is a `DatabasePool` in
/// WAL mode with a busy timeout, so that two runs recording at once both succeed (one waits for
/// the other's transaction) and readers never block a recording. Opened for reading
/// (`openForReading`, by `jiceng history list` / `export`) it is a read-only connection.
///
/// Either way the file is checked before anything is written to it (see `StoreInspection`): a file
/// that is not a Jiceng store, or a store of a newer schema, is a `HistoryStoreError` and is left
/// byte for byte as it was.
public final class HistoryStore: Sendable {
    /// How long a recording waits for another run's recording to finish before giving up.
    public static let busyTimeout: TimeInterval = 300

    /// The path as given.
    public let path: String
    /// Reads; nil for a file that holds no store yet (empty), which reads as holding nothing.
    let reader: (any DatabaseReader)?
    /// Writes; nil when opened for reading.
    let writer: DatabasePool?

    private init(path: String, reader: (any DatabaseReader)?, writer: DatabasePool?) {
        self.path = path
        self.reader = reader
        self.writer = writer
    }

    /// Opens the store at `path` for recording, creating it when the file is missing or empty and
    /// upgrading an older schema. Everything that could stop a recording is found here, before
    /// the run does any work: a missing or read-only folder, a read-only file, another
    /// application's file, a damaged one, a newer schema. Nothing here waits for another run's
    /// recording (unless the store must first be created or upgraded): a run waits, if at all,
    /// when it records.
    public static func openForRecording(path: String) throws -> HistoryStore {
        switch try StoreInspection.inspect(path) {
        case .absent:
            try checkCreatable(path)
        case .blank, .jiceng:
            if access(path, W_OK) != 0 {
                throw HistoryStoreError(.unwritable, path: path, String(cString: strerror(errno)))
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "jiceng-history"
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: configuration) } catch {
            throw StoreInspection.classify(error, path: path)
        }
        do {
            try migrate(pool)
            let state = try pool.read { db in try StoreInspection.state(db, path: path) }
            guard state == .jiceng(schemaVersion: HistorySchema.version) else {
                throw HistoryStoreError(.failure, path: path, "the schema could not be brought to version \(HistorySchema.version)")
            }
        } catch let error as HistoryStoreError {
            throw error
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
        return HistoryStore(path: path, reader: pool, writer: pool)
    }

    /// Opens the store at `path` for reading (nothing is written); the file must exist.
    public static func openForReading(path: String) throws -> HistoryStore {
        guard FileManager.default.fileExists(atPath: path) else { throw HistoryStoreError(.missing, path: path, "") }
        switch try StoreInspection.inspect(path) {
        case .absent, .blank:
            return HistoryStore(path: path, reader: nil, writer: nil)
        case .jiceng:
            var configuration = Configuration()
            // Only reads either way; a connection that may write is, when it closes last, the
            // one that removes the -wal and -shm files SQLite keeps beside a WAL store.
            configuration.readonly = access(path, W_OK) != 0
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "jiceng-history-reader"
            do {
                return HistoryStore(path: path, reader: try DatabaseQueue(path: path, configuration: configuration), writer: nil)
            } catch {
                throw StoreInspection.classify(error, path: path)
            }
        }
    }

    /// Closes the connections; the last one out of a WAL store folds the WAL file back into the
    /// database file, leaving one file.
    public func close() throws {
        do {
            if let writer {
                // The pool's reader connections go first, so that the writer is the last
                // connection and SQLite checkpoints and removes the WAL file when it closes.
                writer.releaseMemory()
                try writer.close()
            } else if let queue = reader as? DatabaseQueue {
                try queue.close()
            }
        } catch {
            throw StoreInspection.classify(error, path: path)
        }
    }

    /// Runs the migrations. Two runs creating one store at the same moment both find it empty;
    /// the second one's migration then fails (the tables exist) and, run again, finds it applied.
    private static func migrate(_ pool: DatabasePool) throws {
        do {
            try HistorySchema.migrator.migrate(pool)
        } catch {
            try HistorySchema.migrator.migrate(pool)
        }
    }

    /// A missing file can be created when its folder exists and can be written.
    private static func checkCreatable(_ path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HistoryStoreError(.unwritable, path: path, "the folder \(folder) does not exist")
        }
        if access(folder, W_OK | X_OK) != 0 {
            throw HistoryStoreError(.unwritable, path: path, "the folder \(folder) cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}
