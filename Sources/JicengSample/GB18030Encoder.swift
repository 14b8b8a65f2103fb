import JicengCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts UTF-8 text to GB18030 with the C library's iconv.
///
/// It exists because real drops include files saved by Excel on Chinese Windows, and the generator
/// must write such a file for the pipeline's encoding detection to be exercised. Input is always
/// given in whole characters (writers flush between fields), so no state is carried between calls.
final class GB18030Encoder {
    private let descriptor: iconv_t
    private var output: UnsafeMutablePointer<UInt8>
    private var outputCapacity: Int

    init() throws {
        let handle = iconv_open("GB18030", "UTF-8")
        guard let handle, handle != iconv_t(bitPattern: -1) else {
            throw JicengError(.ioFailure, "iconv cannot convert UTF-8 to GB18030 on this system")
        }
        descriptor = handle
        outputCapacity = 1 << 16
        output = .allocate(capacity: outputCapacity)
    }

    deinit {
        iconv_close(descriptor)
        output.deallocate()
    }

    /// Converts `count` bytes at `input`; the result is valid until the next call.
    func convert(_ input: UnsafeMutablePointer<UInt8>, count: Int) throws -> UnsafeBufferPointer<UInt8> {
        // GB18030 needs at most 4 bytes per character, UTF-8 at least 1: 4× is always enough.
        if outputCapacity < count * 4 {
            output.deallocate()
            outputCapacity = count * 4
            output = .allocate(capacity: outputCapacity)
        }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input).assumingMemoryBound(to: CChar.self)
        var inLeft = count
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output).assumingMemoryBound(to: CChar.self)
        var outLeft = outputCapacity
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        guard result != -1, inLeft == 0 else {
            throw JicengError(.ioFailure, "iconv failed to convert text to GB18030 (errno \(errno))")
        }
        return UnsafeBufferPointer(start: output, count: outputCapacity - outLeft)
    }
}
