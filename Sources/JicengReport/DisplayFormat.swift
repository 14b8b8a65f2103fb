import JicengAggregate
import JicengCore

/// How an indicator's value is shown to people (the machine outputs use `DecimalFormatter`).
///
/// Rates show as percentages with two decimals (`90.17%`), counts with their full value and
/// thousands separators (`4,690`), decimals with two decimals (`12.50`). Every function is
/// locale-independent and rounds half away from zero, so reports are reproducible byte for byte.
enum DisplayFormat: String, Sendable, Hashable {
    case count
    case percent
    case decimal

    /// The format of an indicator's display.
    init(display: IndicatorInfo.Display) {
        self = DisplayFormat(rawValue: display.rawValue) ?? .decimal
    }

    /// The text for a value; `—` when it is undefined.
    func text(_ value: Double?) -> String {
        guard let value, value.isFinite else { return DisplayFormat.undefined }
        switch self {
        case .percent:
            return DisplayFormat.fixed(value * 100, decimals: 2, grouping: false) + "%"
        case .count:
            if value == value.rounded() { return DisplayFormat.fixed(value, decimals: 0, grouping: true) }
            return DisplayFormat.fixed(value, decimals: 2, grouping: true)
        case .decimal:
            return DisplayFormat.fixed(value, decimals: 2, grouping: true)
        }
    }

    /// A target with its comparator, e.g. `≥ 90.00%`.
    func targetText(_ target: Double?, comparator: Comparator?) -> String {
        guard let target else { return DisplayFormat.undefined }
        let symbol: String
        switch comparator {
        case .atLeast?: symbol = "≥ "
        case .atMost?: symbol = "≤ "
        case nil: symbol = ""
        }
        return symbol + text(target)
    }

    /// The size of a shortfall in the indicator's own unit, without sign (for percentages: the
    /// number of percentage points, without the `%`). A shortfall too small to show at two
    /// decimals reads `<0.01`, never `0.00`: a reader must not see a miss of nothing (2.997
    /// against a target of 3.00 shows as `3.00 ≥ 3.00`, short by `<0.01`).
    func gapNumber(_ gap: Double) -> String {
        let text: String
        switch self {
        case .percent: text = DisplayFormat.fixed(abs(gap) * 100, decimals: 2, grouping: false)
        case .count, .decimal: text = self.text(abs(gap))
        }
        return gap != 0 && (text == "0.00" || text == "0") ? "<0.01" : text
    }

    /// What reports print for an undefined value.
    static let undefined = "—"

    /// A share of a whole as a percentage with one decimal (`42.5%`), for chart legends.
    static func share(_ part: Int64, of whole: Int64) -> String {
        guard whole > 0 else { return undefined }
        return fixed(Double(part) * 100 / Double(whole), decimals: 1, grouping: false) + "%"
    }

    /// A whole number with thousands separators.
    static func count(_ value: Int64) -> String {
        fixed(Double(value), decimals: 0, grouping: true)
    }

    /// `value` rounded half away from zero to exactly `decimals` decimals, optionally with `,`
    /// between groups of three integral digits. Non-finite values give `—`.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool) -> String {
        guard value.isFinite else { return undefined }
        precondition((0...6).contains(decimals))
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return DecimalFormatter.format(value.rounded(), maxDecimals: 0) }
        let units = Int64(scaled)
        let whole = String(units / scale)
        var integral = whole
        if grouping && whole.count > 3 {
            var grouped: [Character] = []
            for (i, ch) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            integral = String(grouped)
        }
        let sign = (value < 0 && units != 0) ? "-" : ""
        guard decimals > 0 else { return sign + integral }
        var fraction = String(units % scale)
        if fraction.count < decimals { fraction = String(repeating: "0", count: decimals - fraction.count) + fraction }
        return sign + integral + "." + fraction
    }
}
