/// "Did you mean …?" for misspelt keys and names in pipeline and targets files, for the headers
/// of a data file that name no column, and for mistyped options and subcommands.
///
/// Exists because the loader rejects unknown keys (a typo must not be silently ignored), and an
/// error that also names the likely intended word is much quicker to fix; the same holds for a
/// header such as `单位编号` written where the accepted name is `单位编码`. Public so that the
/// targets reader, the normaliser and the command line give the same suggestions.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased().unicodeScalars))
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (candidate, d) = best else { return nil }
        return d <= limit(forLength: target.count) ? candidate : nil
    }

    /// Of several written words, the one closest to a candidate, with that candidate: the pair at
    /// the smallest edit distance that is still a likely typo of the word (ties: the first word,
    /// then the first candidate). nil when no word is close to any candidate.
    public static func nearestPair(words: [String], candidates: [String]) -> (word: String, candidate: String)? {
        var best: (word: String, candidate: String, distance: Int)?
        for word in words {
            guard let candidate = closest(to: word, among: candidates) else { continue }
            let d = distance(Array(word.lowercased().unicodeScalars), Array(candidate.lowercased().unicodeScalars))
            if best == nil || d < best!.distance { best = (word, candidate, d) }
        }
        return best.map { ($0.word, $0.candidate) }
    }

    /// The largest distance that still reads as a typo of a word of `length` characters: one edit
    /// for up to three characters (two Chinese characters differ in half their length), up to
    /// three for longer words.
    static func limit(forLength length: Int) -> Int {
        length <= 3 ? 1 : max(2, min(3, length / 3))
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
