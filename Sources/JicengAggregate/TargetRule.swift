import JicengCore

/// One row of a targets file (contract §6): a yearly target for an indicator, for one unit, one
/// level, or any unit.
public struct TargetRule: Sendable, Hashable, Codable {
    public enum Prorate: String, Sendable, Hashable, Codable {
        case none
        case linear
    }

    public var year: Int
    public var indicator: String
    public var level: UnitLevel?
    public var unitId: String?
    public var comparator: Comparator
    public var target: Double
    public var warning: Double
    public var prorate: Prorate
    /// The targets file the rule was read from, as people know it (a path, or
    /// `built-in:Pipelines/targets.csv`), and its line there; nil for rules made in code.
    public var file: String?
    public var line: Int?

    public init(
        year: Int, indicator: String, level: UnitLevel? = nil, unitId: String? = nil, comparator: Comparator,
        target: Double, warning: Double = 0, prorate: Prorate = .none, file: String? = nil, line: Int? = nil
    ) {
        self.year = year
        self.indicator = indicator
        self.level = level
        self.unitId = unitId
        self.comparator = comparator
        self.target = target
        self.warning = warning
        self.prorate = prorate
        self.file = file
        self.line = line
    }

    /// Where the rule was read from, for messages: `file:line`.
    public var source: String { [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":") }

    /// What a rule is a target for: the year, the indicator, the level and the unit (contract §6).
    /// Two rows with one key set the same target, so a row of an overlay file replaces the row of
    /// the base file with its key. Unit ids are compared folded, as the book matches them.
    public struct Key: Sendable, Hashable {
        public var year: Int
        public var indicator: String
        public var level: UnitLevel?
        public var unitId: String?
    }

    public var key: Key { Key(year: year, indicator: indicator, level: level, unitId: unitId.map(TextFolding.fold)) }

    /// How specific the rule is: unit beats level beats any.
    var specificity: Int { unitId != nil ? 2 : (level != nil ? 1 : 0) }
}

/// Picks the target that applies to a unit and evaluates a value against it (contract §6).
public struct TargetBook: Sendable, Codable, Hashable {
    public var rules: [TargetRule]

    public init(rules: [TargetRule]) {
        self.rules = rules
    }

    /// The most specific rule of the period's year for this unit and indicator: unit_id match
    /// first, then level match, then neither. Among equally specific rules the last one read wins.
    public func rule(for indicator: String, unitId: String, level: UnitLevel, year: Int) -> TargetRule? {
        var best: TargetRule?
        for r in rules where r.year == year && r.indicator == indicator {
            if let u = r.unitId, TextFolding.fold(u) != TextFolding.fold(unitId) { continue }
            if let l = r.level, l != level { continue }
            if best == nil || r.specificity >= best!.specificity { best = r }
        }
        return best
    }

    /// The target a value is held to in `period`: a quarter holds a `linear` target to a quarter
    /// of the yearly figure, a half-year to half; the warning margin is used as written.
    public static func effectiveTarget(_ rule: TargetRule, period: Period) -> Double {
        rule.prorate == .linear ? rule.target / Double(period.partsOfYear) : rule.target
    }

    /// met / warning / missed / no_data (contract §6).
    public static func status(value: Double?, rule: TargetRule, period: Period) -> TargetStatus {
        guard let value else { return .noData }
        let target = effectiveTarget(rule, period: period)
        // A tolerance of a millionth of a unit in the last place absorbs binary rounding of
        // figures such as 0.9 that are exact in decimal.
        let epsilon = 1e-9 * max(1, abs(target))
        switch rule.comparator {
        case .atLeast:
            if value >= target - epsilon { return .met }
            if value >= target - rule.warning - epsilon { return .warning }
            return .missed
        case .atMost:
            if value <= target + epsilon { return .met }
            if value <= target + rule.warning + epsilon { return .warning }
            return .missed
        }
    }
}
