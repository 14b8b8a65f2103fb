import JicengCore
import JicengPipeline

/// Which accepted header a header that names no column was probably meant to be: `单位编号` for
/// `单位编码`, `Request_No` for `request_id`.
///
/// Exists because a header one character away from an alias is the commonest reason a file is
/// not read (`missing-column`) or a column is ignored (`unknown-column`), and a finding that names
/// the accepted spelling next to the one written is fixed at a glance. Headers and spellings are
/// compared after the contract's folding (§2: full-width → half-width, case ignored), by
/// `Suggestion`'s edit distance.
enum HeaderSuggestions {
    /// A header of the file and the accepted spelling it most resembles.
    struct Match: Equatable {
        /// The header as the file wrote it (trimmed).
        var header: String
        /// The accepted spelling: the column's canonical name or one of its aliases.
        var spelling: String
        /// How messages name the column by that spelling: `单位编码 (unit_id)`, or `unit_id`.
        var label: String
    }

    /// The header among `headers` closest to a spelling (name or alias) of one of `columns` of
    /// `spec`, when it is close enough to be a typo of it; nil otherwise.
    static func nearest(to headers: [String], columns: [Int], of spec: DatasetSpec) -> Match? {
        var written: [String: String] = [:]
        for h in headers {
            let folded = TextFolding.fold(h.trimmingSpaces())
            if !folded.isEmpty && written[folded] == nil { written[folded] = h.trimmingSpaces() }
        }
        var spellings: [String: (spelling: String, column: String)] = [:]
        var order: [String] = []
        for c in columns {
            let column = spec.columns[c]
            for spelling in [column.name] + column.aliases {
                let folded = TextFolding.fold(spelling.trimmingSpaces())
                guard !folded.isEmpty, spellings[folded] == nil else { continue }
                spellings[folded] = (spelling, column.name)
                order.append(folded)
            }
        }
        let words = headers.map { TextFolding.fold($0.trimmingSpaces()) }.filter { !$0.isEmpty }
        guard let pair = Suggestion.nearestPair(words: words, candidates: order),
            let header = written[pair.word], let target = spellings[pair.candidate]
        else { return nil }
        return Match(
            header: header, spelling: target.spelling,
            label: FindingMessages.columnLabel(header: target.spelling, column: target.column))
    }
}
