import JicengCore
import JicengNormalize
import JicengPipeline

/// The check of a dataset's unique columns across all its files: which rows repeat an earlier
/// key, or that there are too many of them to be slips (`maxDuplicateKeys`), in which case the
/// dataset is absent and no row is taken back.
struct UniqueKeyCheck {
    /// Per file index and line, the row repeating an earlier key.
    var duplicates: [Int32: [Int: DuplicateRow]] = [:]
    var tooManyDuplicates = false

    /// Checks the key occurrences of `spec`'s unique columns, logging a `unique-error` for each
    /// column with too many duplicates.
    init(_ keyIndexes: [UniqueKeyIndex], of dataset: CompiledDataset, limit: Int, log: inout FindingLog) throws {
        let spec = dataset.spec
        for (k, c) in dataset.uniqueColumns.enumerated() {
            let (listed, count) = try keyIndexes[k].duplicates(limit: limit + 1)
            if count > limit {
                log.add(
                    Finding(
                        severity: .error, code: .uniqueError, dataset: spec.name, column: spec.columns[c].name,
                        message: FindingMessages.tooManyDuplicates(spec.columns[c].name, count: count, limit: limit)))
                tooManyDuplicates = true
                continue
            }
            for dup in listed {
                duplicates[dup.file, default: [:]][dup.line] = DuplicateRow(column: c, firstFile: dup.firstFile, firstLine: dup.firstLine)
            }
        }
        if tooManyDuplicates { duplicates = [:] }
    }
}

/// A row repeating an earlier unique key: which unique column, and where the key first occurs.
/// Kept instead of a whole `Finding` (a tenth of the memory) until the row is re-read.
struct DuplicateRow {
    var column: Int
    var firstFile: Int32
    var firstLine: Int
}
