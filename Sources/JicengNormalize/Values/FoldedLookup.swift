import JicengCore

/// An immutable table from names to values that matches names the way the contract does (§2):
/// after trimming, dropping BOMs, folding full-width to half-width and ignoring ASCII case.
///
/// Exists because header names, enumeration synonyms and unit names are looked up once per cell
/// on 10 million rows. Most cells are spelled exactly like a key (or its folded form), so the
/// trimmed bytes are first looked up as they are, in an open-addressing hash table, without
/// allocating; only on a miss are the bytes folded with `TextFolding.fold` (which builds a
/// `String`) and looked up again. Immutable after `init`, so it can be read from many threads; a
/// class so that taking a table out of an array of them (once per cell) costs one retain, not three.
public final class FoldedLookup<Value: Sendable>: Sendable {
    /// One table slot: a key (a range of `keyBytes`) and the index of its value; `value < 0` is empty.
    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var keyStart: Int32 = 0
        var keyLength: Int32 = 0
        var value: Int32 = -1
    }

    /// Power-of-two sized, at most half full, so a probe always ends at an empty slot.
    private let slots: [Slot]
    private let keyBytes: [UInt8]
    /// One value per distinct folded key.
    private let values: [Value]

    /// Builds the table.
    ///
    /// Each key is stored under its folded form (`TextFolding.fold`) and under its own spelling
    /// with surrounding spaces trimmed; both give the same value. Entries whose folded keys are
    /// equal share one value, `combine(earlier, later)` applied in entry order — callers use it to
    /// notice names that are ambiguous after folding.
    public init(_ entries: [(key: String, value: Value)], combine: (Value, Value) -> Value) {
        var values: [Value] = []
        var valueOfFoldedKey: [String: Int] = [:]
        var spellings: [(text: String, value: Int)] = []
        for entry in entries {
            let folded = TextFolding.fold(entry.key)
            let index: Int
            if let existing = valueOfFoldedKey[folded] {
                index = existing
                values[index] = combine(values[index], entry.value)
            } else {
                index = values.count
                values.append(entry.value)
                valueOfFoldedKey[folded] = index
                spellings.append((folded, index))
            }
            let spelling = entry.key.trimmingSpaces()
            if spelling != folded { spellings.append((spelling, index)) }
        }

        var capacity = 8
        while capacity < spellings.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        var keyBytes: [UInt8] = []
        for spelling in spellings {
            var text = spelling.text
            text.withUTF8 { key in
                let probe = Self.probe(slots, keyBytes, for: key)
                // The same spelling twice always folds alike, so it already has this value.
                guard slots[probe.slot].value < 0 else { return }
                slots[probe.slot] = Slot(
                    hash: probe.hash, keyStart: Int32(keyBytes.count),
                    keyLength: Int32(key.count), value: Int32(spelling.value))
                keyBytes.append(contentsOf: key)
            }
        }
        self.slots = slots
        self.keyBytes = keyBytes
        self.values = values
    }

    private init(slots: [Slot], keyBytes: [UInt8], values: [Value]) {
        self.slots = slots
        self.keyBytes = keyBytes
        self.values = values
    }

    /// A copy with buffers of its own, for one worker thread (see `RecordProcessor.forWorker`);
    /// `copyValue` copies a value that holds a buffer itself (an array of units).
    func privateCopy(copyValue: (Value) -> Value = { $0 }) -> FoldedLookup<Value> {
        FoldedLookup(slots: slots.map { $0 }, keyBytes: keyBytes.map { $0 }, values: values.map(copyValue))
    }

    /// The value of the name in `bytes` (UTF-8), or nil when no key matches it.
    public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        valueIndex(bytes).map { values[$0] }
    }

    /// The index (in `valuesInOrder`) of the name's value, or nil: for callers that keep their
    /// values in flat tables of their own, so that a lookup returns no reference to retain.
    func valueIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let trimmed = ByteTrimming.trimmed(bytes)
        if let index = exactIndex(trimmed) { return index }
        var folded = TextFolding.fold(utf8: trimmed)
        return folded.withUTF8 { exactIndex($0) }
    }

    /// Every value, in the order `valueIndex` numbers them.
    var valuesInOrder: [Value] { values }

    /// The value of the name in `text`, or nil when no key matches it.
    public func lookup(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { lookup($0) }
    }

    /// The index of the value stored under exactly these bytes.
    private func exactIndex(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let index = slots[Self.probe(slots, keyBytes, for: key).slot].value
        return index < 0 ? nil : Int(index)
    }

    /// Linear probing: the slot holding `key`, or the empty slot where it would go.
    private static func probe(
        _ slots: [Slot], _ keyBytes: [UInt8],
        for key: UnsafeBufferPointer<UInt8>
    ) -> (slot: Int, hash: UInt64) {
        let hash = ByteHash.hash(key)
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { stored in
                var i = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[i]
                    if slot.value < 0 { return (i, hash) }
                    if slot.hash == hash && Int(slot.keyLength) == key.count
                        && equal(stored, from: Int(slot.keyStart), key)
                    {
                        return (i, hash)
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// Eight bytes at a time (keys are names of a few characters: one to three words).
    @inline(__always)
    private static func equal(
        _ stored: UnsafeBufferPointer<UInt8>, from start: Int,
        _ key: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let n = key.count
        guard n > 0, let a = stored.baseAddress, let b = key.baseAddress else { return true }
        let left = UnsafeRawPointer(a + start)
        let right = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= n {
            if left.loadUnaligned(fromByteOffset: i, as: UInt64.self) != right.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[start + i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
