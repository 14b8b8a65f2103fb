/// The pooled spellings of one enum column: the canonical value and its synonyms.
///
/// It exists so that a writer picks a value's spelling with one random draw and one copy; plain
/// drops always use the canonical word, messy drops mostly a Chinese synonym.
struct SynonymSlices {
    private let canonical: [ByteSlice]
    private let synonyms: [[ByteSlice]]

    init(pool: BytePool, values: [(canonical: String, synonyms: [String])]) {
        canonical = values.map { pool.field($0.canonical) }
        synonyms = values.map { value in
            value.synonyms.isEmpty ? [pool.field(value.canonical)] : value.synonyms.map { pool.field($0) }
        }
    }

    @inline(__always)
    func pick(_ value: Int, messy: Bool, rng: inout SampleRandom) -> ByteSlice {
        guard messy else { return canonical[value] }
        if rng.chance(15) { return canonical[value] }
        let options = synonyms[value]
        return options.count == 1 ? options[0] : options[rng.below(options.count)]
    }
}
