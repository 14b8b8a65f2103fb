import JicengCore

/// One column of a dataset: its canonical name, the header aliases real exports use, its type and
/// its constraints.
public struct ColumnSpec: Sendable, Hashable {
    public var name: String
    public var aliases: [String]
    public var type: ColumnType
    /// The column must be present in the header (● in the contract). For unit references the
    /// requirement is on the group: see `DatasetSpec.unitReference`.
    public var required: Bool
    /// Every row must have a value. Defaults to `required`.
    public var valueRequired: Bool
    /// Values must be unique across all files of the dataset.
    public var unique: Bool
    /// Used where a row has no value: the file has no such column, or the cell is empty (e.g.
    /// `volunteers` defaults to 0, a web platform's `channel` to `online`).
    public var defaultValue: ColumnDefault?
    public var title: LocalizedText?

    public init(
        name: String, aliases: [String] = [], type: ColumnType, required: Bool = false,
        valueRequired: Bool? = nil, unique: Bool = false, defaultValue: ColumnDefault? = nil, title: LocalizedText? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.type = type
        self.required = required
        self.valueRequired = valueRequired ?? required
        self.unique = unique
        self.defaultValue = defaultValue
        self.title = title
    }
}
