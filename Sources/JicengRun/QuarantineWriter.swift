import JicengCore
import JicengNormalize

/// Appends CSV text to a file: `quarantine.csv` (every rejected record with its findings,
/// personal data masked) and the canonical files of the `normalise` stage.
///
/// Every failure (creating, writing, closing) is an `io-failure` naming the file and the system's
/// reason.
public struct QuarantineWriter {
    private let file: OutputFile

    public init(path: String, header: String = QuarantineRecord.header) throws {
        file = try OutputFile(creating: path)
        try file.write(header)
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        try file.write(bytes)
    }

    public func close() throws { try file.close() }
}
