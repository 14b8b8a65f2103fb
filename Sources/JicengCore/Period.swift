/// The reporting period of a run: a calendar year (`2022`) or a quarter (`2022Q2`) (contract §4).
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1…4, or nil for a whole year.
    public let quarter: Int?

    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
    }

    /// Parses `2022`, `2022Q2` and `2022q2`; nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces()
        let bytes = Array(t.utf8)
        func digits(_ s: ArraySlice<UInt8>) -> Int? {
            guard !s.isEmpty, s.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return s.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        if bytes.count == 4, let y = digits(bytes[0..<4]), y >= 1 {
            self.init(year: y)
        } else if bytes.count == 6, let y = digits(bytes[0..<4]), y >= 1, bytes[4] == 0x51 || bytes[4] == 0x71,
                  let q = digits(bytes[5..<6]), (1...4).contains(q) {
            self.init(year: y, quarter: q)
        } else {
            return nil
        }
    }

    public var firstDay: CivilDate {
        CivilDate(year: year, month: (quarter.map { ($0 - 1) * 3 + 1 }) ?? 1, day: 1)!
    }

    public var lastDay: CivilDate {
        let month = (quarter.map { $0 * 3 }) ?? 12
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
    }

    public func contains(_ date: CivilDate) -> Bool { date >= firstDay && date <= lastDay }

    public var isQuarter: Bool { quarter != nil }

    public var description: String { quarter.map { "\(year)Q\($0)" } ?? "\(year)" }
}
