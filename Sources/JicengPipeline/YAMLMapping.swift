/// The entries of one YAML mapping, in file order, with lookups by key.
///
/// Exists because pipeline files are read in the analyst's order (columns, enum values) while the
/// loader also needs "is this key there?" lookups; produced by `YAMLCursor.mapping(allowed:…)`
/// after unknown and duplicate keys have been rejected.
struct YAMLMapping {
    struct Entry {
        var key: String
        /// Points at the key itself (for "unknown key" and "duplicate" errors).
        var keyCursor: YAMLCursor
        var value: YAMLCursor
    }

    let owner: YAMLCursor
    let entries: [Entry]

    subscript(key: String) -> YAMLCursor? { entries.first { $0.key == key }?.value }

    func has(_ key: String) -> Bool { self[key] != nil }
}
