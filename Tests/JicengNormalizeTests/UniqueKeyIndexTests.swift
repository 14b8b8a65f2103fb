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

    @Test("spilled to partition files gives the same answer") func spilled() throws {
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

    /// A fresh folder, and the index filled with `fill` spilled into it; the partition files.
    private func spilledIndex() throws -> (folder: String, index: UniqueKeyIndex, files: [String]) {
        let folder = NSTemporaryDirectory() + "jiceng-keys-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let index = UniqueKeyIndex(bufferLimit: 16, temporaryFolder: folder)
        fill(index)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("jiceng-keys-") }.sorted()
        return (folder, index, files)
    }

    @Test("a partition file cut short in the middle of an entry: an io-failure, never a shorter list")
    func partitionCutShort() throws {
        let (folder, index, files) = try spilledIndex()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 1,101 occurrences of 1,000 keys spread by their hash over at most 128 partitions.
        #expect(files.count > 64 && files.count <= UniqueKeyIndex.partitionCount)
        // Entries are 24 bytes: 30 keeps one and a quarter.
        #expect(truncate(folder + "/" + files[0], 30) == 0)
        #expect(throws: JicengError.self) { _ = try index.duplicates() }
    }

    @Test("a partition file with an extra byte: an io-failure too")
    func partitionTooLong() throws {
        let (folder, index, files) = try spilledIndex()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/" + files[0]))
        handle.seekToEndOfFile()
        handle.write(Data([0]))
        try handle.close()
        #expect(throws: JicengError.self) { _ = try index.duplicates() }
    }

    @Test("spilled and in memory agree with a count made independently, on 300,000 keys with repeats in random order")
    func agreesWithDictionary() throws {
        var random = SystemRandomNumberGenerator()
        var occurrences: [KeyOccurrence] = []
        for i in 0..<300_000 {
            // Keys K0…K199999: about a third of them repeat, some three times.
            let k = i < 200_000 ? i : Int.random(in: 0..<200_000, using: &random)
            occurrences.append(KeyOccurrence(key: key("K\(k)"), file: Int32(i / 100_000), line: i % 100_000 + 2))
        }
        // Expected, by a dictionary of first positions over occurrences in (file, line) order.
        var first: [KeyHash: (Int32, Int)] = [:]
        var expected: [UniqueKeyIndex.Duplicate] = []
        for o in occurrences {
            if let f = first[o.key] {
                expected.append(UniqueKeyIndex.Duplicate(file: o.file, line: o.line, firstFile: f.0, firstLine: f.1))
            } else {
                first[o.key] = (o.file, o.line)
            }
        }
        for bufferLimit in [1 << 20, 1 << 12] {
            let inOrder = UniqueKeyIndex(bufferLimit: bufferLimit)
            inOrder.add(contentsOf: occurrences)
            let (listed, count) = try inOrder.duplicates()
            #expect(count == 100_000)
            #expect(listed == expected)
            let shuffled = UniqueKeyIndex(bufferLimit: bufferLimit)
            shuffled.add(contentsOf: occurrences.shuffled())
            #expect(try shuffled.duplicates().listed == expected)
        }
    }
}
