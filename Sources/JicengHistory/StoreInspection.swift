import Foundation
import GRDB

/// What an existing file holds, found out through a read-only SQLite connection before anything
/// is written to it.
///
/// Opening a store for recording switches it to WAL mode, which rewrites two bytes of the SQLite
/// header; so a file is inspected read-only first, and only a Jiceng store of a schema this
/// binary knows (or an SQLite file with no tables at all) is ever opened for writing.
enum StoreInspection: Equatable {
    /// No file, or an empty one (as `mktemp` leaves): a new store is created.
    case absent
    /// An SQLite database with no schema yet (e.g. a store another run is creating right now).
    case blank
    /// A Jiceng store of this schema version.
    case jiceng(schemaVersion: Int)

    /// Inspects `path` without writing to it. Throws `notAStore`, `newerSchema` or `unwritable`.
    static func inspect(_ path: String) throws -> StoreInspection {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        if isDirectory.boolValue { throw HistoryStoreError(.notAStore, path: path, "it is a folder") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        if size == 0 { return .absent }
        if access(path, R_OK) != 0 {
            throw HistoryStoreError(.unwritable, path: path, "it cannot be read (\(String(cString: strerror(errno))))")
        }

        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(HistoryStore.busyTimeout)
            configuration.label = "jiceng-history-inspection"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try state(db, path: path) }
        } catch {
            if let error = error as? HistoryStoreError { throw error }
            throw classify(error, path: path)
        }
    }

    /// The state of an open database: blank, a Jiceng store of a known schema, or an error.
    static func state(_ db: Database, path: String) throws -> StoreInspection {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if applicationID != HistorySchema.applicationID {
            // A store being created by another run has at most GRDB's migration table so far.
            if applicationID == 0 && Set(tables).isSubset(of: ["grdb_migrations"]) { return .blank }
            let listed = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw HistoryStoreError(
                .notAStore, path: path,
                "an SQLite database of another application: application_id \(applicationID), tables \(listed.isEmpty ? "none" : listed)")
        }
        guard tables.contains("jiceng_meta") else {
            throw HistoryStoreError(.notAStore, path: path, "it carries Jiceng's application_id but no jiceng_meta table")
        }
        let meta = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM jiceng_meta").map {
                (String.fromDatabaseValue($0[0]) ?? "", String.fromDatabaseValue($0[1]) ?? "")
            })
        guard meta["format"] == HistorySchema.formatName, let version = meta["schema_version"].flatMap({ Int($0) }), version >= 1 else {
            throw HistoryStoreError(
                .notAStore, path: path, "its jiceng_meta table does not name the format \(HistorySchema.formatName) and a schema version")
        }
        if version > HistorySchema.version {
            throw HistoryStoreError(
                .newerSchema, path: path,
                "has history schema version \(version), newer than the version \(HistorySchema.version) this jiceng knows")
        }
        if tables.contains("grdb_migrations"), try HistorySchema.migrator.hasBeenSuperseded(db) {
            throw HistoryStoreError(.newerSchema, path: path, "holds schema migrations of a newer jiceng")
        }
        return .jiceng(schemaVersion: version)
    }

    /// An SQLite error met while opening or inspecting `path`, in the store's terms.
    static func classify(_ error: Error, path: String) -> HistoryStoreError {
        guard let error = error as? DatabaseError else {
            return HistoryStoreError(.failure, path: path, "\(error)")
        }
        let message = "\(error.message ?? "SQLite error") (SQLite code \(error.resultCode.rawValue))"
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return HistoryStoreError(.notAStore, path: path, "not an SQLite database: \(message)")
        case .SQLITE_CORRUPT:
            return HistoryStoreError(.notAStore, path: path, "a damaged or truncated SQLite file: \(message)")
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return HistoryStoreError(.unwritable, path: path, message)
        default:
            return HistoryStoreError(.failure, path: path, message)
        }
    }
}
