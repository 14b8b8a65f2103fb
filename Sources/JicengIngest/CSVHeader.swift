/// The header row of a file, decoded to Strings (headers are few, so Strings are fine here).
public struct CSVHeader: Sendable, Hashable {
    public var fields: [String]
    /// The physical line of the header (1 unless blank lines precede it).
    public var line: Int
    public var encoding: FileEncoding
    /// Every byte of the file decodes in `encoding` (the reader checked the whole file before
    /// reading it): its cells need no check of their own. False when only the bytes up to some
    /// record do (each record with undecodable bytes is then an `encoding-error`).
    public var wholeFileDecodes = false
}

/// What the reader found at the start of a file.
public enum HeaderOutcome: Sendable, Hashable {
    case header(CSVHeader)
    /// No bytes, or nothing but a BOM and blank lines.
    case empty
    /// Neither UTF-8 nor GB18030, with undecodable bytes on the file's physical line `line`
    /// (the first line, so the header cannot be read).
    case undecodable(line: Int)
    /// The header row itself could not be parsed.
    case malformed(MalformedRecord)
    /// The header row grew beyond the size bound.
    case tooLarge(AbandonedRecord)
}
