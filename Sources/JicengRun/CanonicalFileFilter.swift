import Foundation
import JicengCore
import JicengIngest
import JicengNormalize

/// Removes rows found to be duplicates (after they were written) from a canonical file of the
/// `normalise` stage, by their `_line`. Only runs when a drop has duplicates.
enum CanonicalFileFilter {
    struct Copy: RecordProcessor {
        let lineField: Int
        let drop: Set<Int>

        func makeWorkerState() -> Int { 0 }

        func process(_ batch: RecordBatch, state: inout Int) -> [UInt8] {
            var out: [UInt8] = []
            for r in 0..<batch.count {
                let fields = (0..<batch.fieldCount(r)).map { String(decoding: batch.field(r, $0), as: UTF8.self) }
                if lineField < fields.count, let line = Int(fields[lineField]), drop.contains(line) { continue }
                out.append(contentsOf: Array((CSVText.record(fields) + "\n").utf8))
            }
            return out
        }
    }

    static func drop(lines: Set<Int>, from path: String, options: CSVReadOptions) throws {
        let reader = try CSVFileReader(path: path, options: options)
        guard case .header(let header) = try reader.readHeader(),
            let lineField = header.fields.firstIndex(of: HeaderMapping.provenanceLineHeader)
        else { return }
        let temporary = path + ".filtering"
        do {
            let writer = ChunkWriter(try QuarantineWriter(path: temporary, header: CSVText.record(header.fields) + "\n"))
            _ = try reader.readRecords(with: Copy(lineField: lineField, drop: lines)) { writer.write($0) }
            try writer.close()
            guard rename(temporary, path) == 0 else {
                let code = errno
                throw JicengError.ioFailure(LocalizedText(zh: "无法替换", en: "cannot replace"), path, code: code)
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
