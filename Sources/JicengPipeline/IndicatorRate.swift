extension IndicatorSpec {
    /// Whether the indicator is a rate: a share between 0 and 1 (a ratio with factor 1 shown as a
    /// percentage, such as resolution_rate or grid_party_branch_coverage). A target for a rate is
    /// a fraction (`0.91` or `91%`), so a target above 1 is a mistake (`91` for `91%`). Ratios
    /// shown as decimals (mean_days_to_close, residents_per_grid_worker) or with a factor
    /// (services_per_1000_residents) are not rates: their targets may be any number.
    public var isRate: Bool {
        guard case .ratio(_, _, let factor) = formula else { return false }
        return factor == 1 && display == .percent
    }
}
