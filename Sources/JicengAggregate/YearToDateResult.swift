import JicengCore

/// One row of `indicators_ytd.csv` (contract §8): an indicator of one unit over the year so far,
/// held to the year's target at the pace of the quarters elapsed.
///
/// Separate from `IndicatorResult` because a year-to-date row carries two targets (the yearly
/// one and the pace it is checked against) and a completion share, which a quarter row has not.
public struct YearToDateResult: Sendable, Hashable {
    public var unitId: String
    public var indicator: String
    /// nil when undefined (a ratio over a zero denominator).
    public var value: Double?
    /// For ratios; nil for counts and sums.
    public var numerator: Double?
    public var denominator: Double?
    /// The year's target for the unit, never pro-rated; nil when no target applies.
    public var target: Double?
    public var comparator: Comparator?
    /// What the value is held to after the quarters elapsed: target × n / 4 for a `linear`
    /// target, the target itself for `none`.
    public var paceTarget: Double?
    /// value / target for a `linear` target; nil for `none`, without a target or without a value.
    public var completion: Double?
    public var status: TargetStatus

    public init(
        unitId: String, indicator: String, value: Double?, numerator: Double?, denominator: Double?,
        target: Double?, comparator: Comparator?, paceTarget: Double?, completion: Double?, status: TargetStatus
    ) {
        self.unitId = unitId
        self.indicator = indicator
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.target = target
        self.comparator = comparator
        self.paceTarget = paceTarget
        self.completion = completion
        self.status = status
    }
}

/// The year-to-date table of a quarter run: every unit and indicator over `yQ1 … yQn`.
///
/// What `indicators_ytd.csv` is written from, and what reports will show as 年度累计 and 序时进度.
public struct YearToDateTable: Sendable, Hashable {
    /// The run's quarter: the year-to-date runs through it.
    public var period: Period
    /// n: the quarters of the year covered (1…4).
    public var quarters: Int
    /// Units of the run's quarter, in hierarchy order.
    public var units: [UnitInfo]
    /// Sorted by unit_id, then indicator (byte order), as `indicators.csv`.
    public var results: [YearToDateResult]

    public init(period: Period, quarters: Int, units: [UnitInfo], results: [YearToDateResult]) {
        self.period = period
        self.quarters = quarters
        self.units = units
        self.results = results
    }
}
