import JicengCore
import JicengIngest

/// The findings about a file's CSV structure — what the reader found at its start, malformed and
/// abandoned records, a record's cell count against the header, an oversized field — built in one
/// place, because two commands report them: `validate` and `run` (through the normaliser) and
/// `ingest`, and `ingest → normalise` must report exactly what `validate` does.
public enum StructuralFindings {
    /// The finding for a file whose header could not be read; nil when it was.
    public static func header(_ outcome: HeaderOutcome, dataset: String, file: String, maxFieldBytes: Int) -> Finding? {
        switch outcome {
        case .header:
            return nil
        case .empty:
            return Finding(severity: .error, code: .emptyFile, dataset: dataset, file: file, message: FindingMessages.emptyFile)
        case .undecodable(let line):
            return Finding(
                severity: .error, code: .encodingError, dataset: dataset, file: file, line: line, message: FindingMessages.undecodable)
        case .malformed(let m):
            return malformed(m, dataset: dataset, file: file)
        case .tooLarge(let a):
            return Finding(
                severity: .error, code: .fieldTooLarge, dataset: dataset, file: file, line: a.line,
                message: FindingMessages.fieldTooLarge(limit: maxFieldBytes))
        }
    }

    /// A record libcsv could not parse.
    public static func malformed(_ m: MalformedRecord, dataset: String, file: String) -> Finding {
        Finding(
            severity: .error, code: .malformedCSV, dataset: dataset, file: file, line: m.line,
            value: m.excerpt.isEmpty ? nil : SensitiveDataMasker.mask(m.excerpt),
            message: FindingMessages.malformed(unterminated: m.unterminatedQuote))
    }

    /// A record the reader dropped because it grew beyond the memory bound.
    public static func abandoned(_ a: AbandonedRecord, dataset: String, file: String, maxFieldBytes: Int) -> Finding {
        a.reason == .fieldTooLarge
            ? Finding(
                severity: .error, code: .fieldTooLarge, dataset: dataset, file: file, line: a.line,
                message: FindingMessages.fieldTooLarge(limit: maxFieldBytes))
            : Finding(
                severity: .error, code: .extraCell, dataset: dataset, file: file, line: a.line,
                message: FindingMessages.recordTooLarge)
    }

    /// `missing-cell` or `extra-cell` for a record of `found` cells under a header of `expected`;
    /// nil when they are equal.
    public static func cellCount(expected: Int, found: Int, dataset: String, file: String, line: Int) -> Finding? {
        if found < expected {
            return Finding(
                severity: .error, code: .missingCell, dataset: dataset, file: file, line: line,
                message: FindingMessages.missingCell(expected: expected, found: found))
        }
        if found > expected {
            return Finding(
                severity: .error, code: .extraCell, dataset: dataset, file: file, line: line,
                message: FindingMessages.extraCell(expected: expected, found: found))
        }
        return nil
    }

    /// A record with a field over the size limit (`column`: the canonical column of that field).
    public static func oversizedField(column: String?, dataset: String, file: String, line: Int, maxFieldBytes: Int) -> Finding {
        Finding(
            severity: .error, code: .fieldTooLarge, dataset: dataset, file: file, line: line, column: column,
            message: FindingMessages.fieldTooLarge(limit: maxFieldBytes))
    }
}
