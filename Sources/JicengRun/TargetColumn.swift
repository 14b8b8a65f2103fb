/// The columns of a targets file (contract §6) with the Chinese headers offices write for them.
///
/// One list, so that the header check, its messages and the suggestions for a misspelt header
/// all name the same columns.
enum TargetColumn: Int, CaseIterable, Sendable {
    case year, indicator, level, unitId, comparator, target, warning, prorate

    /// The canonical header.
    var name: String {
        switch self {
        case .year: return "year"
        case .indicator: return "indicator"
        case .level: return "level"
        case .unitId: return "unit_id"
        case .comparator: return "comparator"
        case .target: return "target"
        case .warning: return "warning"
        case .prorate: return "prorate"
        }
    }

    /// The contract's Chinese alias, the header of the column in a Chinese targets file.
    var chineseName: String {
        switch self {
        case .year: return "年度"
        case .indicator: return "指标"
        case .level: return "层级"
        case .unitId: return "单位编码"
        case .comparator: return "比较"
        case .target: return "目标值"
        case .warning: return "预警幅度"
        case .prorate: return "分解方式"
        }
    }

    /// A file without one of these columns is not a targets file.
    var isRequired: Bool { [.year, .indicator, .comparator, .target].contains(self) }

    /// The header in contract order: `year,indicator,level,unit_id,comparator,target,warning,prorate`.
    static var headerLine: String { allCases.map(\.name).joined(separator: ",") }

    /// `year（年度）、indicator（指标）…` or `year (年度), indicator (指标), …`.
    static func list(chinese: Bool) -> String {
        allCases.map { chinese ? "\($0.name)（\($0.chineseName)）" : "\($0.name) (\($0.chineseName))" }
            .joined(separator: chinese ? "、" : ", ")
    }
}
