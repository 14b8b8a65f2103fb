import Testing

/// Calls a byte-level value API with the UTF-8 bytes of `text` (the parsers never take Strings).
func withValueBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try Array(text.utf8).withUnsafeBufferPointer(body)
}

/// Calls a byte-level value API with raw bytes, for input that is not valid UTF-8.
func withValueBytes<R>(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try bytes.withUnsafeBufferPointer(body)
}

/// The empty buffer with no base address, as an empty field can arrive from C code.
var valuesNilBuffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

@Suite struct ValuesTestSupportTests {
    @Test func helperPassesTheExactUTF8Bytes() {
        #expect(withValueBytes("a是") { Array($0) } == [0x61, 0xE6, 0x98, 0xAF])
        #expect(withValueBytes("") { $0.count } == 0)
    }
}
