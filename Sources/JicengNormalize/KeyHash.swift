/// A 128-bit hash of a key's bytes, used to find duplicate ids without keeping the ids: two
/// independent 64-bit multiply-xorshift hashes. For 10 million distinct keys the chance that any
/// two collide is about 10^-25.
struct KeyHash: Sendable, Hashable, Comparable {
    var high: UInt64
    var low: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        (high, low) = Self.hashes(bytes)
    }

    private static let seeds: (UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344)
    private static let multipliers: (UInt64, UInt64) = (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F)

    /// Both halves in one pass over the bytes, each word read once: each half is the hash of one
    /// seed and multiplier (a test computes them one at a time and compares).
    @inline(__always)
    static func hashes(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let (m1, m2) = multipliers
        let n = bytes.count
        var h1 = seeds.0 ^ (UInt64(n) &* m1)
        var h2 = seeds.1 ^ (UInt64(n) &* m2)
        var i = 0
        var tail: UInt64 = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h1 = (h1 ^ w) &* m1
                h1 ^= h1 >> 31
                h2 = (h2 ^ w) &* m2
                h2 ^= h2 >> 31
                i += 8
            }
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
        }
        return (finish(h1, tail, m1), finish(h2, tail, m2))
    }

    @inline(__always)
    private static func finish(_ state: UInt64, _ tail: UInt64, _ multiplier: UInt64) -> UInt64 {
        // The tail is mixed in for every key, so that an empty key hashes alike with or without a
        // base address.
        ByteHash.finalize((state ^ tail) &* multiplier)
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    static func < (a: KeyHash, b: KeyHash) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }
}

/// Where a unique key occurred: which file (by index in read order) and line.
public struct KeyOccurrence: Sendable, Hashable, Comparable {
    var key: KeyHash
    var file: Int32
    var line: Int

    public static func < (a: KeyOccurrence, b: KeyOccurrence) -> Bool {
        if a.key != b.key { return a.key < b.key }
        if a.file != b.file { return a.file < b.file }
        return a.line < b.line
    }
}
