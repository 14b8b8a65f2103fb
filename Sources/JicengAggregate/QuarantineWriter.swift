import Foundation
import JicengNormalize

/// Appends CSV text to a file: `quarantine.csv` (every rejected record with its findings,
/// personal data masked) and the canonical files of the `normalise` stage.
public struct QuarantineWriter {
    private let handle: FileHandle

    public static let header = "dataset,file,line,codes,columns,message,record\n"

    public init(path: String, header: String = QuarantineWriter.header) throws {
        FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw JicengError(.ioFailure, "cannot write \(path)")
        }
        h.seekToEndOfFile()
        handle = h
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        try handle.write(contentsOf: Data(bytes))
    }

    public func close() throws { try handle.close() }
}
import JicengCore
