import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deliberately small, independent CSV reader for the tests: decodes a file (UTF-8 with or
/// without BOM, else GB18030 through iconv), splits RFC 4180 records and remembers the physical
/// line each record starts on. It shares no code with the generator, so it can check it.
struct TestCSV {
    struct Record {
        var line: Int
        var cells: [String]
    }

    var header: [String]
    var records: [Record]
    var wasGB18030: Bool
    var hadBOM: Bool
    var usedCRLF: Bool

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var bytes = [UInt8](data)
        hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadBOM { bytes.removeFirst(3) }
        let text: String
        if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
            wasGB18030 = false
        } else {
            text = try TestCSV.decodeGB18030(bytes)
            wasGB18030 = true
        }
        usedCRLF = bytes.contains(0x0D)
        var all = TestCSV.parse(text)
        guard !all.isEmpty else { throw TestFailure("empty file \(path)") }
        header = all.removeFirst().cells
        records = all
    }

    static func decodeGB18030(_ bytes: [UInt8]) throws -> String {
        guard let cd = iconv_open("UTF-8", "GB18030"), cd != iconv_t(bitPattern: -1) else {
            throw TestFailure("no iconv GB18030")
        }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int = try input.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                guard iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else {
                    throw TestFailure("not GB18030")
                }
                return outBuffer.count - outLeft
            }
        }
        return String(decoding: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// RFC 4180 split; `\r\n` and `\n` end records outside quotes.
    static func parse(_ text: String) -> [Record] {
        var records: [Record] = []
        var cells: [String] = []
        var cell = [UInt8]()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        let bytes = Array(text.utf8)
        var i = 0
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                        cell.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == 0x0A { line += 1 }
                    cell.append(b)
                }
            } else if b == 0x22 && cell.isEmpty {
                inQuotes = true
            } else if b == 0x2C {
                endCell()
            } else if b == 0x0A || (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) {
                if b == 0x0D { i += 1 }
                endCell()
                records.append(Record(line: recordLine, cells: cells))
                cells.removeAll()
                line += 1
                recordLine = line
            } else {
                cell.append(b)
            }
            i += 1
        }
        if !cell.isEmpty || !cells.isEmpty {
            endCell()
            records.append(Record(line: recordLine, cells: cells))
        }
        return records
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
