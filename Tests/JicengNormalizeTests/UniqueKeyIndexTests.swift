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

    @Test("in memory") func inMemory() {
        let index = UniqueKeyIndex()
        fill(index)
        check(index.duplicates())
    }

    @Test("spilled to many sorted runs gives the same answer") func spilled() {
        let index = UniqueKeyIndex(bufferLimit: 16)
        fill(index)
        #expect(index.count == 1101)
        check(index.duplicates())
    }

    @Test("the first occurrence is the earliest by file, then line, whatever the insertion order") func order() {
        let index = UniqueKeyIndex(bufferLimit: 16)
        index.add(KeyOccurrence(key: key("X"), file: 2, line: 5))
        index.add(KeyOccurrence(key: key("X"), file: 0, line: 9))
        index.add(KeyOccurrence(key: key("X"), file: 0, line: 3))
        #expect(index.duplicates() == [
            UniqueKeyIndex.Duplicate(file: 0, line: 9, firstFile: 0, firstLine: 3),
            UniqueKeyIndex.Duplicate(file: 2, line: 5, firstFile: 0, firstLine: 3),
        ])
    }
}
