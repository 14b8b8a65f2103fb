import Foundation
import JicengCore
import Testing

@testable import JicengNormalize

@Suite("UniqueKeyIndex")
struct UniqueKeyIndexTests {
    private func key(_ text: String) -> KeyHash {
        Array(text.utf8).withUnsafeBufferPointer { KeyHash($0) }
    }

    /// 1,000 ids over two files; ids R0…R99 appear again in file 1 (lines 2…101), and R7 a third
    /// time at file 1 line 500. Expected duplicates, worked out by hand: the 100 repeats plus
    /// the third R7, each pointing at its first occurrence in file 0 (line = index + 2).
    private func fill(_ index: UniqueKeyIndex) {
        for i in 0..<1000 { index.add(KeyOccurrence(key: key("R\(i)"), file: 0, line: i + 2)) }
        for i in 0..<100 { index.add(KeyOccurrence(key: key("R\(i)"), file: 1, line: i + 2)) }
        index.add(KeyOccurrence(key: key("R7"), file: 1, line: 500))
    }

    private func check(_ dups: [UniqueKeyIndex.Duplicate]) {
        #expect(dups.count == 101)
        #expect(dups.first == UniqueKeyIndex.Duplicate(file: 1, line: 2, firstFile: 0, firstLine: 2))
        #expect(dups.contains(UniqueKeyIndex.Duplicate(file: 1, line: 500, firstFile: 0, firstLine: 9)))
        #expect(dups.allSatisfy { $0.file == 1 && $0.firstFile == 0 })
    }

    @Test("in memory") func inMemory() throws {
        let index = UniqueKeyIndex()
        fill(index)
        check(try index.duplicates().listed)
    }

    @Test("spilled to many sorted runs gives the same answer") func spilled() throws {
        let index = UniqueKeyIndex(bufferLimit: 16)
        fill(index)
        #expect(index.count == 1101)
        check(try index.duplicates().listed)
    }

    @Test("the first occurrence is the earliest by file, then line, whatever the insertion order") func order() throws {
        let index = UniqueKeyIndex(bufferLimit: 16)
        index.add(KeyOccurrence(key: key("X"), file: 2, line: 5))
        index.add(KeyOccurrence(key: key("X"), file: 0, line: 9))
        index.add(KeyOccurrence(key: key("X"), file: 0, line: 3))
        #expect(
            try index.duplicates().listed == [
                UniqueKeyIndex.Duplicate(file: 0, line: 9, firstFile: 0, firstLine: 3),
                UniqueKeyIndex.Duplicate(file: 2, line: 5, firstFile: 0, firstLine: 3),
            ])
    }

    @Test("beyond the limit duplicates are counted, not listed", arguments: [1 << 18, 16])
    func limit(bufferLimit: Int) throws {
        let index = UniqueKeyIndex(bufferLimit: bufferLimit)
        fill(index)
        let (listed, count) = try index.duplicates(limit: 10)
        #expect(count == 101)
        #expect(listed.count == 10)
        #expect(listed.allSatisfy { $0.file == 1 && $0.firstFile == 0 && $0.firstLine == $0.line || $0.line == 500 })
    }

    @Test("no temporary folder to spill into: an io-failure naming the folder, not a crash")
    func unwritableFolder() {
        let index = UniqueKeyIndex(bufferLimit: 16, temporaryFolder: "/nonexistent-jiceng-folder")
        fill(index)
        #expect {
            _ = try index.duplicates()
        } throws: { error in
            guard let e = error as? JicengError else { return false }
            return e.code == .ioFailure && e.message.contains("/nonexistent-jiceng-folder") && e.message.contains("No such file")
        }
    }

    @Test("a run file cut short in the middle of an entry: an io-failure, never a shorter list")
    func runCutShort() throws {
        let folder = NSTemporaryDirectory() + "jiceng-keys-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = UniqueKeyIndex(bufferLimit: 16, temporaryFolder: folder)
        fill(index)
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("jiceng-keys-") }.sorted()
        #expect(runs.count == 1101 / 16)
        // 16 entries of 24 bytes each; keep one and a quarter.
        #expect(truncate(folder + "/" + runs[0], 30) == 0)
        #expect(throws: JicengError.self) { _ = try index.duplicates() }
    }
}
