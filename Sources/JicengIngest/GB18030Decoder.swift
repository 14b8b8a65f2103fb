#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streaming GB18030 → UTF-8 conversion through the C library's iconv.
///
/// Input may be fed in arbitrary blocks: a multi-byte character cut by a block's end is kept
/// for the next call. Bytes that are not GB18030 become U+FFFD, and the count of such
/// replacements is kept so the reader can report an `encoding-error`.
public struct GB18030Decoder: ~Copyable {
    private let cd: iconv_t
    private var pending: [UInt8] = []
    public private(set) var replacements = 0

    public init() {
        cd = iconv_open("UTF-8", "GB18030")
        precondition(cd != iconv_t(bitPattern: -1), "iconv does not know GB18030")
    }

    deinit { iconv_close(cd) }

    /// Converts `input` (after any bytes kept from the previous call) and appends UTF-8 to `output`.
    /// With `final`, a trailing incomplete character is replaced rather than kept.
    /// Returns how many bytes this call replaced with U+FFFD.
    @discardableResult
    public mutating func decode(_ input: UnsafeBufferPointer<UInt8>, final: Bool, into output: inout [UInt8]) -> Int {
        var bytes = pending
        bytes.append(contentsOf: input)
        pending.removeAll(keepingCapacity: true)
        guard !bytes.isEmpty else { return 0 }
        var outChunk = [UInt8](repeating: 0, count: max(64, bytes.count * 2 + 16))
        let cd = self.cd
        var consumedAll = 0
        var replaced = 0
        bytes.withUnsafeMutableBufferPointer { inBuf in
            outChunk.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                while inLeft > 0 {
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let produced = outBuf.count - outLeft
                    output.append(contentsOf: UnsafeBufferPointer(start: outBuf.baseAddress, count: produced))
                    if r != -1 { break }
                    let e = errno
                    if e == E2BIG { continue }
                    if e == EINVAL && !final {
                        // Incomplete character at the end: keep it for the next block.
                        break
                    }
                    // EILSEQ (or EINVAL at the end): replace one byte and go on.
                    output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    replaced += 1
                    inPtr = inPtr! + 1
                    inLeft -= 1
                    // Reset conversion state after an error.
                    iconv(cd, nil, nil, nil, nil)
                }
                consumedAll = inBuf.count - inLeft
            }
        }
        replacements += replaced
        if consumedAll < bytes.count {
            pending.append(contentsOf: bytes[consumedAll...])
        }
        return replaced
    }

    /// Whether `sample` decodes as GB18030 without a single invalid sequence.
    public static func decodesCleanly(_ sample: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool) -> Bool {
        var decoder = GB18030Decoder()
        var out: [UInt8] = []
        out.reserveCapacity(sample.count * 2)
        decoder.decode(sample, final: !allowTruncatedEnd, into: &out)
        return decoder.replacements == 0
    }
}
