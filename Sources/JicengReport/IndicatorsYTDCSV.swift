import JicengAggregate
import JicengCore

/// `indicators_ytd.csv` exactly as contract §8 defines it: the year-to-date table of a quarter
/// run, for the same tools that load `indicators.csv`, so it follows the same format rules.
///
/// UTF-8 without BOM, LF line ends, one row per unit and indicator sorted by unit_id then
/// indicator in byte order, numbers through `DecimalFormatter`, empty cells for undefined values,
/// RFC 4180 quoting; two more columns than `indicators.csv`: `pace_target` and `completion`.
public enum IndicatorsYTDCSV {
    public static let header =
        "period,unit_id,unit_name,level,indicator,value,numerator,denominator,target,comparator,pace_target,completion,status"

    public static func render(_ table: YearToDateTable) -> String {
        var units: [String: UnitInfo] = [:]
        for unit in table.units { units[unit.id] = unit }
        let rows = table.results.sorted { a, b in
            a.unitId != b.unitId
                ? a.unitId.utf8.lexicographicallyPrecedes(b.unitId.utf8)
                : a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8)
        }
        let period = table.period.description
        let number = IndicatorsCSV.number
        var out = header + "\n"
        for r in rows {
            let unit = units[r.unitId]
            let fields = [
                period, r.unitId, unit?.name ?? "", unit?.level.rawValue ?? "", r.indicator,
                number(r.value), number(r.numerator), number(r.denominator), number(r.target),
                r.comparator?.rawValue ?? "", number(r.paceTarget), number(r.completion), r.status.rawValue,
            ]
            out += fields.map(IndicatorsCSV.quoted).joined(separator: ",")
            out += "\n"
        }
        return out
    }
}
