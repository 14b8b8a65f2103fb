import Foundation
import GRDB
import JicengHistory
import Testing

/// Files that must not be written to, and stores that cannot be written (contract §8).
@Suite("History store: what is refused, untouched")
struct StoreValidationTests {
    func expectRefused(_ path: String, _ code: HistoryStoreError.Code, forReading: Bool = true) throws {
        let before = FileManager.default.contents(atPath: path)
        do {
            _ = try HistoryStore.openForRecording(path: path)
            Issue.record("\(path) was accepted for recording")
        } catch let error as HistoryStoreError {
            #expect(error.code == code, "\(error)")
            #expect(error.description.contains(path))
        }
        if forReading {
            #expect(throws: HistoryStoreError.self) { _ = try HistoryStore.openForReading(path: path) }
        }
        #expect(FileManager.default.contents(atPath: path) == before)
    }

    /// A store with one run, closed.
    func realStore(_ path: String) throws {
        let store = try HistoryStore.openForRecording(path: path)
        try store.record(HistoryFixture.run("2022Q1", values: ["C": ["requests_received": 1]]), rows: HistoryFixture.rows("q1"))
        try store.close()
    }

    @Test("another application's SQLite database")
    func foreign() throws {
        let folder = TemporaryFolder("foreign")
        let path = folder.file("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write {
            try $0.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x')")
        }
        try queue.close()
        try expectRefused(path, .notAStore)
        // One with an application_id of its own too.
        let marked = folder.file("marked.sqlite")
        let other = try DatabaseQueue(path: marked)
        try other.write { try $0.execute(sql: "PRAGMA application_id = 1234; CREATE TABLE t (a)") }
        try other.close()
        try expectRefused(marked, .notAStore)
    }

    @Test("a text file, an SQLite header and nothing else, a folder")
    func notSQLite() throws {
        let folder = TemporaryFolder("text")
        let text = folder.file("h.sqlite")
        try Data("year,indicator\n2022,x\n".utf8).write(to: URL(fileURLWithPath: text))
        try expectRefused(text, .notAStore)
        let header = folder.file("header.sqlite")
        try Data("SQLite format 3\0".utf8 + [UInt8](repeating: 0xFF, count: 200)).write(to: URL(fileURLWithPath: header))
        try expectRefused(header, .notAStore)
        let directory = folder.file("dir.sqlite")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        try expectRefused(directory, .notAStore)
    }

    @Test("a truncated store")
    func truncated() throws {
        let folder = TemporaryFolder("truncated")
        let path = folder.file("h.sqlite")
        try realStore(path)
        let data = try #require(FileManager.default.contents(atPath: path))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        try expectRefused(path, .notAStore)
    }

    @Test("a store of a newer schema, by its version or by a migration this binary does not know")
    func newer() throws {
        let folder = TemporaryFolder("newer")
        let path = folder.file("h.sqlite")
        try realStore(path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE jiceng_meta SET value = '2' WHERE key = 'schema_version'") }
        try queue.close()
        try expectRefused(path, .newerSchema)

        let other = folder.file("migrated.sqlite")
        try realStore(other)
        let q = try DatabaseQueue(path: other)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2')") }
        try q.close()
        try expectRefused(other, .newerSchema)
    }

    @Test("a store that cannot be created or written; a store that does not exist, for reading")
    func unwritable() throws {
        let folder = TemporaryFolder("unwritable")
        for path in [folder.file("missing/h.sqlite"), folder.file("a-file/h.sqlite")] {
            if path.contains("a-file") { try Data("x".utf8).write(to: URL(fileURLWithPath: folder.file("a-file"))) }
            #expect(throws: HistoryStoreError.self) { _ = try HistoryStore.openForRecording(path: path) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        do {
            _ = try HistoryStore.openForRecording(path: folder.file("missing/h.sqlite"))
        } catch let error as HistoryStoreError {
            #expect(error.code == .unwritable && error.description.contains("does not exist"))
        }
        do {
            _ = try HistoryStore.openForReading(path: folder.file("none.sqlite"))
            Issue.record("a missing store was opened for reading")
        } catch let error as HistoryStoreError {
            #expect(error.code == .missing)
        }
        if getuid() != 0 {
            let path = folder.file("read-only.sqlite")
            try realStore(path)
            chmod(path, 0o444)
            try expectRefused(path, .unwritable, forReading: false)
            #expect(try HistoryStore.openForReading(path: path).recordedRuns().count == 1)
        }
    }
}
