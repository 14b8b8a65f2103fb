/// A level of the administrative hierarchy, from the city down to the grid (contract §3, units).
///
/// The raw value is the canonical name; `rank` orders levels so that a child's rank is greater.
public enum UnitLevel: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case city
    case district
    case street
    case community
    case grid

    /// 0 for the city, 4 for a grid.
    public var rank: Int {
        switch self {
        case .city: return 0
        case .district: return 1
        case .street: return 2
        case .community: return 3
        case .grid: return 4
        }
    }

    /// The Chinese name used in reports.
    public var chineseName: String {
        switch self {
        case .city: return "市"
        case .district: return "区（县）"
        case .street: return "街道（乡镇）"
        case .community: return "社区（村）"
        case .grid: return "网格"
        }
    }

    public func name(_ language: Language) -> String {
        language == .zh ? chineseName : rawValue
    }

    public static func < (a: UnitLevel, b: UnitLevel) -> Bool { a.rank < b.rank }
}
