// Expected figures of a synthetic drop, per dataset, as the pipeline should compute them
// (contract §5). They are counted while rows are written, so they are exact, not estimates, and
// let tests and benchmarks check the pipeline's answers without a second implementation of it.

/// Expected request figures of a unit and period: counts by status, closing times and satisfaction,
/// i.e. everything the request indicators of contract §5 are computed from.
public struct SampleRequestTotals: Sendable, Hashable {
    public var received = 0
    public var resolved = 0
    public var inProgress = 0
    public var explained = 0
    public var open = 0
    /// Resolved requests closed within 15 calendar days (the default limit of `ontime_rate`).
    public var resolvedOnTime = 0
    /// Sum of days_to_close over resolved requests.
    public var daysToCloseSum = 0
    public var satisfied = 0
    public var basicallySatisfied = 0
    public var dissatisfied = 0

    public init() {}

    public var withSatisfaction: Int { satisfied + basicallySatisfied + dissatisfied }
    /// resolved / received, nil without requests.
    public var resolutionRate: Double? { received == 0 ? nil : Double(resolved) / Double(received) }
    public var responseRate: Double? {
        received == 0 ? nil : Double(resolved + inProgress + explained) / Double(received)
    }
    public var ontimeRate: Double? { resolved == 0 ? nil : Double(resolvedOnTime) / Double(resolved) }
    public var meanDaysToClose: Double? { resolved == 0 ? nil : Double(daysToCloseSum) / Double(resolved) }
    public var satisfactionRate: Double? {
        withSatisfaction == 0 ? nil : Double(satisfied + basicallySatisfied) / Double(withSatisfaction)
    }

    public static func + (a: SampleRequestTotals, b: SampleRequestTotals) -> SampleRequestTotals {
        var r = a
        r.received += b.received
        r.resolved += b.resolved
        r.inProgress += b.inProgress
        r.explained += b.explained
        r.open += b.open
        r.resolvedOnTime += b.resolvedOnTime
        r.daysToCloseSum += b.daysToCloseSum
        r.satisfied += b.satisfied
        r.basicallySatisfied += b.basicallySatisfied
        r.dissatisfied += b.dissatisfied
        return r
    }
}

/// Expected service figures of a unit and period, from which `services_delivered`,
/// `service_volunteers` and `service_beneficiaries` follow.
public struct SampleServiceTotals: Sendable, Hashable {
    public var delivered = 0
    public var volunteers = 0
    public var beneficiaries = 0

    public init() {}

    public static func + (a: SampleServiceTotals, b: SampleServiceTotals) -> SampleServiceTotals {
        var r = a
        r.delivered += b.delivered
        r.volunteers += b.volunteers
        r.beneficiaries += b.beneficiaries
        return r
    }
}

/// Expected sums over the grids snapshot of a unit's subtree, from which the grid indicators follow.
public struct SampleGridTotals: Sendable, Hashable {
    public var grids = 0
    public var partyBranches = 0
    public var buildingPartyGroups = 0
    public var partyMemberHouseholds = 0
    public var partyMembers = 0
    public var households = 0
    public var residents = 0
    public var gridWorkers = 0

    public init() {}

    public static func + (a: SampleGridTotals, b: SampleGridTotals) -> SampleGridTotals {
        var r = a
        r.grids += b.grids
        r.partyBranches += b.partyBranches
        r.buildingPartyGroups += b.buildingPartyGroups
        r.partyMemberHouseholds += b.partyMemberHouseholds
        r.partyMembers += b.partyMembers
        r.households += b.households
        r.residents += b.residents
        r.gridWorkers += b.gridWorkers
        return r
    }
}

/// Expected figures of the property-companies snapshot of a unit's subtree, from which the
/// property indicators follow.
public struct SampleCompanyTotals: Sendable, Hashable {
    public var companies = 0
    /// Companies whose party_org_type is not `none`.
    public var partyOrgs = 0
    public var instructors = 0
    /// Companies with a party organisation or an instructor.
    public var partyWork = 0
    public var estatesManaged = 0
    public var partyMembers = 0

    public init() {}

    public static func + (a: SampleCompanyTotals, b: SampleCompanyTotals) -> SampleCompanyTotals {
        var r = a
        r.companies += b.companies
        r.partyOrgs += b.partyOrgs
        r.instructors += b.instructors
        r.partyWork += b.partyWork
        r.estatesManaged += b.estatesManaged
        r.partyMembers += b.partyMembers
        return r
    }
}
