import Testing

@testable import JicengNormalize

@Suite struct ValuesFoldedLookupTests {
    private func table(_ entries: [(key: String, value: Int)]) -> FoldedLookup<[Int]> {
        FoldedLookup(entries.map { (key: $0.key, value: [$0.value]) }, combine: +)
    }

    private func lookupBytes<V>(_ t: FoldedLookup<V>, _ text: String) -> V? {
        withValueBytes(text) { t.lookup($0) }
    }

    @Test func fullWidthKeyIsFoundByHalfWidthLowerCase() {
        let t = table([("ＡＢＣ社区", 1), ("绣林街道", 2)])
        for text in ["abc社区", "ABC社区", "ＡＢＣ社区", "ａｂｃ社区", "Abc社区"] {
            #expect(t.lookup(text) == [1], "\(text)")
            #expect(lookupBytes(t, text) == [1], "\(text)")
        }
        #expect(t.lookup("绣林街道") == [2])
        #expect(t.lookup("abd社区") == nil)
        #expect(t.lookup("abc") == nil)
        #expect(t.lookup("abc社区x") == nil)
    }

    @Test func halfWidthKeyIsFoundByFullWidthText() {
        let t = table([("Hotline", 7), ("12345热线", 8)])
        #expect(lookupBytes(t, "ＨＯＴＬＩＮＥ") == [7])
        #expect(lookupBytes(t, "hotline") == [7])
        #expect(lookupBytes(t, "１２３４５热线") == [8])
    }

    @Test func surroundingSpacesAreIgnored() {
        let t = table([("  东湖社区 ", 3)])
        #expect(lookupBytes(t, "东湖社区") == [3])
        #expect(lookupBytes(t, "  东湖社区\t") == [3])
        #expect(lookupBytes(t, "\u{3000}东湖社区\u{3000}") == [3])
        #expect(lookupBytes(t, "\u{FEFF}东湖社区\u{A0}") == [3])
        #expect(t.lookup(" 东湖社区 ") == [3])
        #expect(lookupBytes(t, "东湖 社区") == nil)
    }

    @Test func keysThatFoldAlikeAreCombined() {
        let t = table([("ABC", 1), ("ａｂｃ", 2), ("abc ", 3), ("other", 4)])
        // Every spelling, including the exact original ones, sees the combined value.
        #expect(t.lookup("ABC") == [1, 2, 3])
        #expect(t.lookup("ａｂｃ") == [1, 2, 3])
        #expect(t.lookup("abc") == [1, 2, 3])
        #expect(t.lookup("Ａbc") == [1, 2, 3])
        #expect(t.lookup("other") == [4])
    }

    @Test func ambiguityCanBeDetectedWithCombine() {
        enum Match: Equatable, Sendable {
            case unit(String)
            case ambiguous
        }
        let t = FoldedLookup(
            [
                (key: "东湖社区", value: Match.unit("C1")),
                (key: "东湖社区", value: Match.unit("C2")),
                (key: "西湖社区", value: Match.unit("C3")),
            ],
            combine: { _, _ in .ambiguous })
        #expect(t.lookup("东湖社区") == .ambiguous)
        #expect(t.lookup("西湖社区") == .unit("C3"))
    }

    @Test func emptyTableAndEmptyInput() {
        let empty = FoldedLookup<Int>([], combine: { a, _ in a })
        #expect(empty.lookup("x") == nil)
        #expect(empty.lookup("") == nil)
        #expect(empty.lookup(valuesNilBuffer) == nil)
        let t = table([("a", 1)])
        #expect(t.lookup(valuesNilBuffer) == nil)
        #expect(t.lookup("   ") == nil)
    }

    @Test func invalidUTF8DoesNotMatch() {
        let t = table([("a", 1)])
        #expect(withValueBytes([0x61, 0xFF]) { t.lookup($0) } == nil)
    }

    @Test func manyKeysAreAllFound() {
        let count = 5_000
        let t = table((0..<count).map { (key: "社区\($0)号", value: $0) })
        for i in 0..<count {
            #expect(t.lookup("社区\(i)号") == [i])
        }
        #expect(t.lookup("社区\(count)号") == nil)
        // Keys longer than one 8-byte word, differing only in the last byte.
        let long = table([(String(repeating: "x", count: 17) + "1", 1), (String(repeating: "x", count: 17) + "2", 2)])
        #expect(long.lookup(String(repeating: "X", count: 17) + "2") == [2])
    }

    @Test func readsFromSeveralTasksAtOnce() async {
        let count = 2_000
        let t = FoldedLookup((0..<count).map { (key: "Ｇrid-\($0)", value: $0) }, combine: { a, _ in a })
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<5 {
                        for i in 0..<count {
                            // Alternate exact spellings, folded spellings (miss path) and byte lookups.
                            let text = (i + task + round) % 3 == 0 ? "Ｇrid-\(i)" : ((i + task) % 3 == 1 ? "grid-\(i)" : " GRID-\(i) ")
                            let found = withValueBytes(text) { t.lookup($0) }
                            if found != i { wrong += 1 }
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
