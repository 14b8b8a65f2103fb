/// One file a generator wrote: what it holds and how it is encoded.
///
/// It exists so that tests can find, e.g., the GB18030 file or the CRLF file of a messy drop, and
/// benchmarks can report bytes and rows without re-reading the drop.
public struct SampleFile: Sendable, Hashable {
    /// File name inside the drop folder.
    public let name: String
    /// Dataset name (units, grids, property_companies, services, requests).
    public let dataset: String
    /// Data records (the header not counted).
    public let records: Int
    /// Physical lines including the header (larger than records + 1 when a quoted field holds a line break).
    public let lines: Int
    public let bytes: Int
    public let encoding: SampleEncoding
    public let crlf: Bool

    public init(name: String, dataset: String, records: Int, lines: Int, bytes: Int, encoding: SampleEncoding, crlf: Bool) {
        self.name = name
        self.dataset = dataset
        self.records = records
        self.lines = lines
        self.bytes = bytes
        self.encoding = encoding
        self.crlf = crlf
    }
}

/// The byte encoding of a written file. Contract §2 allows all three, and the summary names the
/// encoding of each file so that tests can pick the GB18030 or BOM file without sniffing bytes.
public enum SampleEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"
}
