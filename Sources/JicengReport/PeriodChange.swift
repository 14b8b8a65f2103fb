import JicengAggregate
import JicengCore

/// How an indicator moved between an earlier quarter and the run's quarter (环比: the previous
/// quarter; 同比: the same quarter a year earlier), as leadership reads it: rates in percentage
/// points (个百分点), counts and other numbers in per cent of the earlier value, with an arrow and
/// whether the move is good for the indicator (a `<=` target makes a fall good).
struct PeriodChange: Hashable {
    enum Direction: Hashable {
        case up, down, flat
    }

    enum Tone: Hashable {
        case good, bad, neutral
    }

    let direction: Direction
    let tone: Tone
    /// The size of the move without sign, as printed: points with two decimals (`2.72`) or per
    /// cent with one (`11.7`).
    let amount: String
    /// True for percentage points (a rate), false for per cent of the earlier value.
    let inPoints: Bool

    /// The change from `earlier` to `current`; nil when either is undefined, or when a per-cent
    /// change would divide by an earlier value of zero (a move from nothing has no percentage).
    /// A move that rounds to zero in print is `flat`, so no arrow ever points at `0.00`.
    static func between(_ current: Double?, _ earlier: Double?, format: DisplayFormat, comparator: Comparator?) -> PeriodChange? {
        guard let current, let earlier, current.isFinite, earlier.isFinite else { return nil }
        let delta = current - earlier
        let inPoints = format == .percent
        let amount: String
        if inPoints {
            amount = DisplayFormat.fixed(abs(delta) * 100, decimals: 2, grouping: false)
        } else {
            if earlier == 0 && delta != 0 { return nil }
            amount = earlier == 0 ? "0.0" : DisplayFormat.fixed(abs(delta) / abs(earlier) * 100, decimals: 1, grouping: true)
        }
        let rounded = amount.allSatisfy { $0 == "0" || $0 == "." }
        let direction: Direction = rounded ? .flat : delta > 0 ? .up : .down
        let tone: Tone
        switch (direction, comparator) {
        case (.flat, _), (_, nil): tone = .neutral
        case (.up, .atLeast?), (.down, .atMost?): tone = .good
        default: tone = .bad
        }
        return PeriodChange(direction: direction, tone: tone, amount: amount, inPoints: inPoints)
    }

    var arrow: String {
        switch direction {
        case .up: return "↑"
        case .down: return "↓"
        case .flat: return ""
        }
    }

    /// CSS class of the change's colour: green for a good move, red for a bad one, grey otherwise.
    var cssClass: String {
        switch tone {
        case .good: return "chg-good"
        case .bad: return "chg-bad"
        case .neutral: return "chg-neutral"
        }
    }

    /// The change in words: `↑ 2.72 个百分点`, `↓ 11.7%`, `持平`.
    func text(_ strings: ReportStrings) -> String {
        guard direction != .flat else { return strings["change.flat"] }
        return strings.fill(inPoints ? "change.points" : "change.percent", ["arrow": arrow, "amount": amount])
    }
}
