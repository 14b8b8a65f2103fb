import JicengCore

/// One organisational unit of a synthetic drop, as written to the units file.
///
/// It exists so that tests and benchmarks can find unit ids by name or level without parsing
/// the units file, e.g. to look up the expected totals of one street.
public struct SampleUnit: Sendable, Hashable {
    public let id: String
    public let name: String
    public let level: UnitLevel
    /// Nil only for the root.
    public let parentId: String?
    public let aliases: [String]
    /// Free-text type written to the `type` column (市, 城区, 街道, 社区, 网格, 小区).
    public let type: String

    public init(id: String, name: String, level: UnitLevel, parentId: String?, aliases: [String], type: String) {
        self.id = id
        self.name = name
        self.level = level
        self.parentId = parentId
        self.aliases = aliases
        self.type = type
    }
}
