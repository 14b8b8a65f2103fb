import JicengAggregate
import JicengIngest

/// Collects every record of a small file as strings with its line, and the lines of the records
/// that could not be read (targets files are a few dozen rows; the data never goes this way).
struct StringRowsProcessor: RecordProcessor {
    struct Output: Sendable {
        var rows: [(line: Int, fields: [String])]
        var malformed: [Int]
    }

    func makeWorkerState() -> Int { 0 }

    func process(_ batch: RecordBatch, state: inout Int) -> Output {
        var rows: [(line: Int, fields: [String])] = []
        for r in 0..<batch.count {
            rows.append((batch.line(r), (0..<batch.fieldCount(r)).map { String(decoding: batch.field(r, $0), as: UTF8.self) }))
        }
        return Output(rows: rows, malformed: batch.malformed.map(\.line) + batch.abandoned.map(\.line))
    }
}
