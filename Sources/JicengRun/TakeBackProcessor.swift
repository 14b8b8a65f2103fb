import JicengAggregate
import JicengIngest
import JicengNormalize

/// Re-reads the lines of duplicate rows: gives back the text of the key that repeated and, with
/// `keepsRecords`, the whole record (as masked CSV text, for the quarantine file, like every other
/// rejected row) and takes accepted rows out of the totals with weight -1.
struct TakeBackProcessor: RecordProcessor {
    let inner: FactProcessor<MeasureSink>
    /// For each line re-read, the unique column whose key repeated there.
    let keyColumns: [Int: Int]
    let keepsRecords: Bool

    /// A duplicate row re-read: its line, the text of its repeated key and its masked record
    /// (empty unless `keepsRecords`).
    struct Row: Sendable {
        var line: Int
        var key: String
        var maskedRecord: String
    }

    struct Output: Sendable {
        var accepted: Int
        var rows: [Row]
    }

    func makeWorkerState() -> FactProcessor<MeasureSink>.WorkerState { inner.makeWorkerState() }

    func process(_ batch: RecordBatch, state: inout FactProcessor<MeasureSink>.WorkerState) -> Output {
        var rows: [Row] = []
        for r in 0..<batch.count {
            let line = inner.originalLine(batch, r, batch.fieldCount(r))
            guard let c = keyColumns[line] else { continue }
            let f = inner.context.mapping.columnToField[c]
            let text = f >= 0 && f < batch.fieldCount(r) ? String(decoding: ByteTrimming.trimmed(batch.field(r, f)), as: UTF8.self) : ""
            let record =
                keepsRecords
                ? QuarantineRecord.maskedRecord((0..<batch.fieldCount(r)).map { String(decoding: batch.field(r, $0), as: UTF8.self) })
                : ""
            rows.append(Row(line: line, key: text, maskedRecord: record))
        }
        let taken = inner.takeBack(batch, state: &state)
        return Output(accepted: taken, rows: rows)
    }
}
