/// Cell spellings a messy drop mixes in: integers in full-width digits or with quoted thousands
/// separators, booleans as 是/否, 有/无, √/× and the other pairs of contract §2, and the several
/// missing-value markers.
///
/// It exists so that every writer varies these cells the same way and stays within the forms the
/// contract names explicitly.
extension CSVFileWriter {
    /// A count: plain digits, or in a messy file sometimes `１２３` or `"1,234"`.
    @inline(__always)
    func count(_ value: Int, messy: Bool, rng: inout SampleRandom) {
        guard messy else { return int(value) }
        let roll = rng.below(100)
        if roll < 4 {
            fullWidthInt(value)
        } else if value >= 1000 && roll < 45 {
            groupedInt(value)
        } else {
            int(value)
        }
    }

    /// A boolean in one of the spellings of contract §2 (`true`/`false` in a plain file).
    func boolean(_ value: Bool, messy: Bool, rng: inout SampleRandom) {
        guard messy else { return text(value ? "true" : "false") }
        let pairs = SampleVocabulary.booleans
        let pair = pairs[rng.weighted([60, 15, 15, 3, 3, 2, 2])]
        text(value ? pair.yes : pair.no)
    }

    /// A missing value: empty in a plain file, in a messy one sometimes `-`, `—`, `N/A`, `NULL`….
    @inline(__always)
    func missing(messy: Bool, rng: inout SampleRandom, markers: [ByteSlice]) {
        guard messy, rng.chance(25) else { return }
        slice(markers[1 + rng.below(markers.count - 1)])
    }
}
