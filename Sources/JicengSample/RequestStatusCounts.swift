/// Exact numbers of in-period requests per status that a drop must contain.
///
/// It exists because the interesting sample drops are shaped on published figures (seed 004: 4,690
/// received, 4,229 resolved, 332 in progress, 129 explained), and those must come out exactly, not
/// approximately, so that a test can compare the pipeline's answer with the published rate.
public struct RequestStatusCounts: Sendable, Hashable, Codable {
    public var resolved: Int
    public var inProgress: Int
    public var explained: Int
    public var open: Int

    public init(resolved: Int, inProgress: Int, explained: Int, open: Int) {
        self.resolved = resolved
        self.inProgress = inProgress
        self.explained = explained
        self.open = open
    }

    public var total: Int { resolved + inProgress + explained + open }

    /// Plausible default proportions for `total` requests (about 90% resolved, 7% in progress,
    /// 2.7% explained, the rest open), used when a configuration gives no exact counts.
    public static func typical(total: Int) -> RequestStatusCounts {
        let inProgress = total * 70 / 1000
        let explained = total * 27 / 1000
        let open = total * 3 / 1000
        return RequestStatusCounts(
            resolved: total - inProgress - explained - open,
            inProgress: inProgress, explained: explained, open: open)
    }
}
