import JicengAggregate
import JicengCore
import JicengIngest
import JicengNormalize

/// The last step for a facts dataset: every row repeating an earlier unique key is reported
/// (`unique-error`, the first occurrence stays), written to the quarantine, taken back out of the
/// measure totals and of the canonical files, and moved from accepted to rejected in its file's
/// summary.
///
/// Rows are counted while the files are read in parallel, before it is known which repeat a key;
/// so the files with duplicates are re-read, only at those lines.
struct DuplicateTakeBack {
    /// Per file index and line, the row repeating an earlier key.
    let duplicates: [Int32: [Int: DuplicateRow]]
    /// Per file index, the file and how it was read.
    let files: [Int32: DatasetFiles.FileRead]

    func run(_ reading: DropReading) throws {
        for (file, byLine) in duplicates.sorted(by: { $0.key < $1.key }) {
            guard let read = files[file] else { continue }
            try takeBack(byLine, in: read, reading)
        }
    }

    private func takeBack(_ byLine: [Int: DuplicateRow], in read: DatasetFiles.FileRead, _ reading: DropReading) throws {
        let name = read.name
        var context = read.context
        context.onlyLines = Set(byLine.keys)
        context.quarantine = false
        let dataset = context.dataset.spec
        let reader = try CSVFileReader(path: reading.path(name), options: reading.options.read)
        guard case .header = try reader.readHeader() else { return }
        let sink = reading.measureSink(dataset: dataset.name, unitCount: reading.totals?.unitCount ?? 0)
        let probe = TakeBackProcessor(
            inner: FactProcessor(context: context, sink: sink), keyColumns: byLine.mapValues(\.column),
            keepsRecords: reading.quarantine.isWriting)
        var accepted = 0
        let states = try reader.readRecords(with: probe) { out in
            accepted += out.accepted
            for row in out.rows {
                guard let dup = byLine[row.line] else { continue }
                let column = dataset.columns[dup.column].name
                let f = Finding(
                    severity: .error, code: .uniqueError, dataset: dataset.name, file: name, line: row.line,
                    column: column, value: SensitiveDataMasker.mask(row.key),
                    message: FindingMessages.duplicateKey(
                        context.mapping.columnLabels[dup.column],
                        firstFile: files[dup.firstFile]?.name ?? "",
                        firstLine: dup.firstLine))
                reading.log.add(f)
                if reading.quarantine.isWriting {
                    reading.quarantine.write(
                        QuarantineRecord(
                            dataset: dataset.name, file: name, line: row.line, findings: [f],
                            maskedRecord: row.maskedRecord
                        ).utf8)
                }
            }
        }
        try reading.quarantine.throwIfFailed()
        for s in states { reading.totals?.add(s.sinkState) }
        if let folder = reading.options.canonicalFolder {
            try CanonicalFileFilter.drop(lines: Set(byLine.keys), from: folder + "/" + name, options: reading.options.read)
        }
        if let i = reading.summaries.firstIndex(where: { $0.file == name }) {
            reading.summaries[i].rowsAccepted -= Int64(accepted)
            reading.summaries[i].rowsRejected += Int64(accepted)
        }
    }
}
