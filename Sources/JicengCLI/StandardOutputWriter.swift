import Foundation
import JicengCore

/// Buffered writing to standard output for output too large to build as one string
/// (`jiceng history export`): bytes are collected up to 1 MB and written with write(2).
struct StandardOutputWriter {
    private var buffer: [UInt8] = []
    private let limit = 1 << 20

    init() { buffer.reserveCapacity(limit + 4096) }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    mutating func append(bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    mutating func flushIfFull() throws {
        if buffer.count >= limit { try flush() }
    }

    mutating func flush() throws {
        var offset = 0
        try buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let n = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    throw JicengError.ioFailure(
                        LocalizedText(zh: "无法写入", en: "cannot write to"), localized(zh: "标准输出", en: "standard output"),
                        code: code)
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
