import JicengAggregate
import JicengCore

/// `indicators.csv` exactly as contract §7 defines it: the machine-readable result of a run that
/// other offices load into their own tools, so its bytes must not depend on locale or platform.
///
/// UTF-8 without BOM, LF line ends, one row per unit and indicator sorted by unit_id then
/// indicator in byte order, numbers through `DecimalFormatter`, empty cells for undefined values,
/// and RFC 4180 quoting of any field holding a comma, a double quote, CR or LF.
public enum IndicatorsCSV {
    public static let header = "period,unit_id,unit_name,level,indicator,value,numerator,denominator,target,comparator,status"

    public static func render(_ evaluation: Evaluation) -> String {
        var out = ""
        forEachLine(evaluation) { out += $0 }
        return out
    }

    /// Writes the file into `file` line by line (the same bytes as `render`), so that the table
    /// never exists whole in memory.
    public static func write(_ evaluation: Evaluation, to file: BufferedOutputFile) throws {
        try forEachLine(evaluation) { try file.write($0) }
    }

    /// The header, then every row in file order, each with its line end.
    private static func forEachLine(_ evaluation: Evaluation, _ body: (String) throws -> Void) rethrows {
        var units: [String: UnitInfo] = [:]
        for unit in evaluation.units { units[unit.id] = unit }
        let period = evaluation.period.description
        try body(header + "\n")
        // A unit's rows are consecutive: its prefix is made once for all of them.
        var prefixUnit: String?
        var prefix = ""
        for r in orderedResults(evaluation) {
            if r.unitId != prefixUnit {
                let unit = units[r.unitId]
                prefix = unitPrefix(period: period, unitId: r.unitId, unitName: unit?.name ?? "", level: unit?.level.rawValue ?? "")
                prefixUnit = r.unitId
            }
            var line = prefix
            line += indicatorField(r.indicator)
            line += cells(r)
            line += "\n"
            try body(line)
        }
    }

    /// The rows in file order (unit_id, then indicator, in byte order): the results as they are
    /// when already in that order (as `IndicatorComputer` leaves them), else a sorted copy.
    public static func orderedResults(_ evaluation: Evaluation) -> [IndicatorResult] {
        let results = evaluation.results
        for i in results.indices.dropFirst() where !byteOrder(results[i - 1], results[i]) {
            return results.sorted(by: byteOrder)
        }
        return results
    }

    /// The last six fields of a row as the file has them: value, numerator, denominator, target,
    /// comparator and status, quoted and joined by commas. The history store keeps this text, so
    /// that `jiceng history export` gives back a run's rows byte for byte.
    public static func cells(_ r: IndicatorResult) -> String {
        // Numbers are digits, `-` and `.` only: never quoted.
        var out = number(r.value)
        out += ","
        out += number(r.numerator)
        out += ","
        out += number(r.denominator)
        out += ","
        out += number(r.target)
        out += ","
        out += quoted(r.comparator?.rawValue ?? "")
        out += ","
        out += quoted(r.status.rawValue)
        return out
    }

    /// One row of the file without its line end, from its first five fields and `cells`.
    public static func line(
        period: String, unitId: String, unitName: String, level: String, indicator: String,
        cells: String
    ) -> String {
        unitPrefix(period: period, unitId: unitId, unitName: unitName, level: level) + indicatorField(indicator) + cells
    }

    /// The first four fields of a row, each followed by a comma: the same for all of a unit's rows.
    public static func unitPrefix(period: String, unitId: String, unitName: String, level: String) -> String {
        [period, unitId, unitName, level].map { quoted($0) + "," }.joined()
    }

    /// The `indicator` field of a row, followed by a comma.
    public static func indicatorField(_ indicator: String) -> String { quoted(indicator) + "," }

    /// unit_id, then indicator, compared as UTF-8 bytes (not by Unicode collation).
    static func byteOrder(_ a: IndicatorResult, _ b: IndicatorResult) -> Bool {
        if a.unitId != b.unitId { return a.unitId.utf8.lexicographicallyPrecedes(b.unitId.utf8) }
        return a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8)
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return DecimalFormatter.format(value)
    }

    /// A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds `,` `"` CR or LF.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else { return field }
        var out = "\""
        for ch in field.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }
}
