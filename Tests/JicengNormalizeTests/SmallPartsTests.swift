import JicengCore
import JicengPipeline
import Testing

@testable import JicengNormalize

@Suite("KeyHash")
struct KeyHashTests {
    private func hash(_ bytes: [UInt8]) -> KeyHash { bytes.withUnsafeBufferPointer { KeyHash($0) } }

    @Test("equal bytes hash alike wherever they sit in memory; different bytes differ")
    func equality() {
        // The same 20 bytes at offsets 0…7 of larger buffers (unaligned 8-byte loads).
        let key = Array("GD2022040100001-abcd".utf8)
        let reference = hash(key)
        for offset in 0..<8 {
            let buffer = Array(repeating: UInt8(0x7A), count: offset) + key + [0x7A]
            let h = buffer.withUnsafeBufferPointer { KeyHash(UnsafeBufferPointer(rebasing: $0[offset..<(offset + key.count)])) }
            #expect(h == reference, "offset \(offset)")
        }
        // One byte changed, a byte more, a byte less, a trailing NUL: all different.
        var changed = key
        changed[19] = 0x65
        #expect(hash(changed) != reference)
        #expect(hash(key + [0x20]) != reference)
        #expect(hash(Array(key.dropLast())) != reference)
        #expect(hash([]) != hash([0]))
        #expect(hash([0]) != hash([0, 0]))
        // The empty key, with and without a base address.
        #expect(KeyHash(UnsafeBufferPointer(start: nil, count: 0)) == hash([]))
    }

    /// One half of a key's hash as it was defined before both halves were computed in one pass:
    /// the reference the one-pass code must equal (the hashes of keys in earlier runs' temporary
    /// files do not matter, but a change of definition would go unnoticed without it).
    private func referenceHash(_ bytes: [UInt8], seed: UInt64, multiplier: UInt64) -> UInt64 {
        var h = seed ^ (UInt64(bytes.count) &* multiplier)
        var i = 0
        while i + 8 <= bytes.count {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            h = (h ^ w) &* multiplier
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        for k in i..<bytes.count { tail |= UInt64(bytes[k]) << (8 * UInt64(k - i)) }
        h = (h ^ tail) &* multiplier
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    @Test("the one-pass pair of hashes equals each hash computed on its own, for every length 0…40")
    func onePass() {
        for n in 0...40 {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let k = hash(bytes)
            #expect(k.high == referenceHash(bytes, seed: 0x243F_6A88_85A3_08D3, multiplier: 0x9E37_79B9_7F4A_7C15), "length \(n)")
            #expect(k.low == referenceHash(bytes, seed: 0x1319_8A2E_0370_7344, multiplier: 0xC2B2_AE3D_27D4_EB4F), "length \(n)")
        }
    }

    @Test("ten thousand request ids give ten thousand different hashes")
    func distinct() {
        let hashes = Set((0..<10_000).map { hash(Array("R\($0)".utf8)) })
        #expect(hashes.count == 10_000)
    }

    @Test("occurrences order by key, then file, then line")
    func occurrenceOrder() {
        let k = hash(Array("R1".utf8))
        let a = KeyOccurrence(key: k, file: 0, line: 9)
        let b = KeyOccurrence(key: k, file: 1, line: 2)
        let c = KeyOccurrence(key: k, file: 1, line: 3)
        #expect([c, b, a].sorted() == [a, b, c])
    }
}

@Suite("CSVText")
struct CSVTextTests {
    @Test("quotes only when needed, doubling quotes (RFC 4180)")
    func quoting() {
        #expect(CSVText.field("abc") == "abc")
        #expect(CSVText.field("东门社区") == "东门社区")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVText.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVText.field(" lead") == "\" lead\"")
        #expect(CSVText.field("trail ") == "\"trail \"")
        #expect(CSVText.field("\"") == "\"\"\"\"")
        #expect(CSVText.record(["a", "b,c", "", "d\"e"]) == "a,\"b,c\",,\"d\"\"e\"")
        // Replacement works on Chinese text around the quote too.
        #expect(CSVText.field("他说\"好\"") == "\"他说\"\"好\"\"\"")
    }
}

@Suite("SlotCondition and CompiledDataset")
struct SlotConditionTests {
    @Test("the requests dataset compiles to slots: columns, then days_to_close")
    func slots() throws {
        let ds = try NT.dataset("requests")
        let names = [
            "request_id", "received_at", "channel", "grid_id", "unit_id", "community", "street", "category",
            "status", "closed_at", "satisfaction", "days_to_close",
        ]
        #expect(ds.slotNames == names)
        #expect(ds.slotCount == 12)
        #expect(ds.periodSlot == 1)
        // Reference precedence grid_id, unit_id, community, then street alone (contract v2 §9);
        // the street also narrows a community name.
        #expect(ds.referenceColumns.map { ds.slotNames[$0] } == ["grid_id", "unit_id", "community", "street"])
        #expect(ds.streetColumn.map { ds.slotNames[$0] } == "street")
        #expect(ds.uniqueColumns.map { ds.slotNames[$0] } == ["request_id"])
        #expect(ds.column(forHeader: "工单编号") == 0)
        #expect(ds.column(forHeader: " ＳＴＡＴＵＳ ") == 8)
        #expect(ds.column(forHeader: "备注") == nil)
        // grids and services have no derived columns; grids no period.
        #expect(try NT.dataset("grids").periodSlot == nil)
        #expect(try NT.dataset("services").periodSlot == 1)
    }

    private func evaluate(_ text: String, _ values: [String: Int64]) throws -> Bool {
        let ds = try NT.dataset("requests")
        let c = try SlotCondition(
            ConditionParser.parse(text), dataset: ds.spec, slotNames: ds.slotNames,
            parameters: NT.pipeline.parameters)
        var slots = [Int64](repeating: missingSlot, count: ds.slotCount)
        for (name, v) in values { slots[ds.slot(named: name)!] = v }
        return slots.withUnsafeBufferPointer { c.holds($0.baseAddress!) }
    }

    /// The code of a status value, looked up by its canonical name.
    private func status(_ name: String) throws -> Int64 {
        guard case .enumeration(let e)? = try NT.dataset("requests").spec.column(named: "status")?.type else { return -1 }
        return Int64(e.code(of: name)!)
    }

    @Test("conditions of the standard measures evaluate over slots; comparisons with a missing value are false")
    func conditions() throws {
        let resolved = try status("resolved")
        let open = try status("open")
        let explained = try status("explained")
        #expect(try evaluate("status = resolved", ["status": resolved]))
        #expect(try !evaluate("status = resolved", ["status": open]))
        #expect(try !evaluate("status = resolved", [:]))
        #expect(try evaluate("status in (resolved, explained)", ["status": explained]))
        #expect(try !evaluate("status in (resolved, explained)", ["status": open]))
        // On time: 15 days is within the $ontime_limit_days of 15; 16 is not; no days, not on time.
        #expect(try evaluate("status = resolved and days_to_close <= $ontime_limit_days", ["status": resolved, "days_to_close": 15]))
        #expect(try !evaluate("status = resolved and days_to_close <= $ontime_limit_days", ["status": resolved, "days_to_close": 16]))
        #expect(try !evaluate("status = resolved and days_to_close <= $ontime_limit_days", ["status": resolved]))
        #expect(try evaluate("satisfaction is set", ["satisfaction": 0]))
        #expect(try !evaluate("satisfaction is set", [:]))
        // != with a missing value is false too (the row has no status to differ).
        #expect(try !evaluate("status != open", [:]))
        #expect(try evaluate("not (status = open)", [:]))
        #expect(try evaluate("status = open or days_to_close > 3", ["days_to_close": 4]))
    }

    @Test("a condition on an unknown column or value is a pipeline error")
    func invalid() throws {
        let ds = try NT.dataset("requests")
        #expect(throws: JicengError.self) {
            try SlotCondition(ConditionParser.parse("colour = red"), dataset: ds.spec, slotNames: ds.slotNames, parameters: [:])
        }
        #expect(throws: JicengError.self) {
            try SlotCondition(ConditionParser.parse("status = closed"), dataset: ds.spec, slotNames: ds.slotNames, parameters: [:])
        }
        #expect(throws: JicengError.self) {
            try SlotCondition(ConditionParser.parse("days_to_close <= $nope"), dataset: ds.spec, slotNames: ds.slotNames, parameters: [:])
        }
    }
}
