/// The reporting period of a run: a calendar year (`2022`), a half-year (`2022H1`) or a quarter
/// (`2022Q2`) (contract §4 and §9).
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1…4, or nil for a whole year or a half-year.
    public let quarter: Int?
    /// 1 or 2 for a half-year, else nil.
    public let half: Int?

    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
        self.half = nil
    }

    /// The half-year `half` (1 or 2) of `year`.
    public init(year: Int, half: Int) {
        self.year = year
        self.quarter = nil
        self.half = half
    }

    /// The forms `--period` accepts, as shown when a period is not recognised.
    public static let acceptedForms =
        "2022Q2, 2022q2, 2022-Q2, 2022 Q2, 2022年第二季度, 2022年二季度, 2022年第2季度; 2022H1, 2022H2, 2022年上半年, 2022年下半年; 2022, 2022年"

    /// Parses a period in any of `acceptedForms` (full-width digits and letters too, spaces
    /// around ignored); nil for anything else.
    public init?(parsing text: String) {
        let scalars = Array(TextFolding.fold(text).trimmingSpaces().unicodeScalars)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= scalars.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                let v = scalars[k].value
                guard v >= 0x30 && v <= 0x39 else { return nil }
                value = value * 10 + Int(v - 0x30)
            }
            i += count
            return value
        }
        func consume(_ s: String) -> Bool {
            let wanted = Array(s.unicodeScalars)
            guard i + wanted.count <= scalars.count, Array(scalars[i..<(i + wanted.count)]) == wanted else { return false }
            i += wanted.count
            return true
        }
        guard let year = digits(4), year >= 1 else { return nil }
        var quarter: Int?
        var half: Int?
        if i == scalars.count {
            // 2022
        } else if consume("年") {
            if i == scalars.count {
                // 2022年
            } else if consume("上半年") {
                half = 1
            } else if consume("下半年") {
                half = 2
            } else {
                _ = consume("第")
                let names: [(String, Int)] = [("一", 1), ("二", 2), ("三", 3), ("四", 4), ("1", 1), ("2", 2), ("3", 3), ("4", 4)]
                guard let (_, q) = names.first(where: { consume($0.0) }), consume("季度") else { return nil }
                quarter = q
            }
        } else {
            _ = consume("-") || consume(" ")
            if consume("q") {
                guard let q = digits(1), (1...4).contains(q) else { return nil }
                quarter = q
            } else if consume("h") {
                guard let h = digits(1), (1...2).contains(h) else { return nil }
                half = h
            } else {
                return nil
            }
        }
        guard i == scalars.count else { return nil }
        if let half { self.init(year: year, half: half) } else { self.init(year: year, quarter: quarter) }
    }

    public var firstDay: CivilDate {
        let month = quarter.map { ($0 - 1) * 3 + 1 } ?? half.map { ($0 - 1) * 6 + 1 } ?? 1
        return CivilDate(year: year, month: month, day: 1)!
    }

    public var lastDay: CivilDate {
        let month = quarter.map { $0 * 3 } ?? half.map { $0 * 6 } ?? 12
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
    }

    public func contains(_ date: CivilDate) -> Bool { date >= firstDay && date <= lastDay }

    public var isQuarter: Bool { quarter != nil }

    /// How many periods of this length make a year: 4 for a quarter, 2 for a half-year, 1 for a
    /// year. A `linear` target is held to target / this (contract §6, §9).
    public var partsOfYear: Int { quarter != nil ? 4 : half != nil ? 2 : 1 }

    public var description: String {
        if let quarter { return "\(year)Q\(quarter)" }
        if let half { return "\(year)H\(half)" }
        return "\(year)"
    }
}
