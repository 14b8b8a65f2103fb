import JicengCore

/// Everything that decides the content of a synthetic drop; the same configuration always gives
/// byte-identical files.
///
/// It exists so that demos, tests and benchmarks can ask for "the Shishou drop of 2022Q2" or "ten
/// million messy requests" in one value, and so that the committed `SampleData/` can be regenerated
/// and checked against the code.
public struct SampleDropConfiguration: Sendable, Hashable {
    /// Seed of the row data: requests, services, the households that move between quarters, and
    /// how every cell is spelt.
    public var seed: UInt64
    /// Seed of the city and of everything about it that persists from quarter to quarter: unit
    /// names, grids per community, grid sizes, how well each unit is run (`SampleProfiles`), the
    /// property companies. Drops of the same city in different quarters share it, so their units
    /// are identical and the same units lead or lag.
    public var hierarchySeed: UInt64
    /// The year of the period.
    public var year: Int
    /// The quarters (1…4) whose services and requests are generated; rows are spread over their days.
    public var quarters: [Int]

    /// Requests received inside the quarters (out-of-period extras not included).
    public var requests: Int
    /// Exact per-status counts of those requests; nil for typical proportions. Must sum to `requests`.
    public var requestStatuses: RequestStatusCounts?
    /// Extra requests received in the quarter before the first one (out-of-period warnings).
    public var outOfPeriodRequests: Int
    /// Share (per mille) of resolved requests closed after the 15-day limit, city-wide; each unit
    /// gets more or fewer by how well it is run.
    public var lateResolvedPerMille: Int
    /// Share (per mille) of requests with a satisfaction answer that are dissatisfied, city-wide
    /// (about; spread over units the same way).
    public var dissatisfiedPerMille: Int
    /// Service records dated inside the quarters.
    public var services: Int
    /// Extra service records dated in the quarter before the first one.
    public var outOfPeriodServices: Int

    /// Streets, communities and grids of the hierarchy (at least 2, 13 and 272 by default).
    public var streets: Int
    public var communities: Int
    public var grids: Int
    /// Grids with a grid party branch (nil: all of them).
    public var gridsWithPartyBranch: Int?
    /// Exact sums over the grids file; nil for plausible random figures.
    public var buildingPartyGroups: Int?
    public var partyMemberHouseholds: Int?
    /// Growth (per mille) of every grid's households over the city's base figures: the grids are
    /// a snapshot, and later quarters of one city hold slightly more households.
    public var householdGrowthPerMille: Int
    /// Exact number of grid workers over all grids; nil for the base staffing (1–3 a grid).
    public var gridWorkers: Int?

    /// Property companies, how many have a party organisation, how many have an instructor, and
    /// the estates they manage in total.
    public var propertyCompanies: Int
    public var propertyPartyOrgs: Int
    public var propertyInstructors: Int
    public var estatesManaged: Int

    /// How the files look (`SampleShape`).
    public var shape: SampleShape

    /// Whether files look like real exports (aliases, column orders, BOM, CRLF, GB18030, synonyms,
    /// date forms, full-width digits…); setting it chooses between the `messy` and `plain` shapes.
    public var messy: Bool {
        get { shape == .messy }
        set { shape = newValue ? .messy : .plain }
    }

    public init(
        seed: UInt64 = 4, hierarchySeed: UInt64 = 421081, year: Int = 2022, quarters: [Int] = [2],
        requests: Int = 4690, requestStatuses: RequestStatusCounts? = nil, outOfPeriodRequests: Int = 3,
        lateResolvedPerMille: Int = 105, dissatisfiedPerMille: Int = 80,
        services: Int = 1100, outOfPeriodServices: Int = 2,
        streets: Int = 2, communities: Int = 13, grids: Int = 272,
        gridsWithPartyBranch: Int? = nil, buildingPartyGroups: Int? = nil, partyMemberHouseholds: Int? = nil,
        householdGrowthPerMille: Int = 0, gridWorkers: Int? = nil,
        propertyCompanies: Int = 34, propertyPartyOrgs: Int = 9, propertyInstructors: Int = 12,
        estatesManaged: Int = 53, messy: Bool = true
    ) {
        self.seed = seed
        self.hierarchySeed = hierarchySeed
        self.year = year
        self.quarters = quarters
        self.requests = requests
        self.requestStatuses = requestStatuses
        self.outOfPeriodRequests = outOfPeriodRequests
        self.lateResolvedPerMille = lateResolvedPerMille
        self.dissatisfiedPerMille = dissatisfiedPerMille
        self.services = services
        self.outOfPeriodServices = outOfPeriodServices
        self.streets = streets
        self.communities = communities
        self.grids = grids
        self.gridsWithPartyBranch = gridsWithPartyBranch
        self.buildingPartyGroups = buildingPartyGroups
        self.partyMemberHouseholds = partyMemberHouseholds
        self.householdGrowthPerMille = householdGrowthPerMille
        self.gridWorkers = gridWorkers
        self.propertyCompanies = propertyCompanies
        self.propertyPartyOrgs = propertyPartyOrgs
        self.propertyInstructors = propertyInstructors
        self.estatesManaged = estatesManaged
        self.shape = messy ? .messy : .plain
    }

    /// The period a run over this drop would use: the quarter when one quarter is generated, the
    /// year when all four are, nil otherwise.
    public var period: Period? {
        let sorted = quarters.sorted()
        if sorted.count == 1 { return Period(year: year, quarter: sorted[0]) }
        if sorted == [1, 2, 3, 4] { return Period(year: year) }
        return nil
    }

    /// The per-status counts the generator will use.
    public var effectiveRequestStatuses: RequestStatusCounts {
        requestStatuses ?? .typical(total: requests)
    }

    /// Shishou-like drop of 2022Q1: the same city one quarter before seed 004's figures, with
    /// plausible smaller ones (the Spring Festival quarter; work still being rolled out: six grids
    /// without a party branch, seven property companies with a party organisation).
    public static let shishou2022Q1 = SampleDropConfiguration(
        seed: 2022_1, year: 2022, quarters: [1],
        requests: 3912, requestStatuses: RequestStatusCounts(resolved: 3468, inProgress: 301, explained: 118, open: 25),
        outOfPeriodRequests: 3, lateResolvedPerMille: 108, dissatisfiedPerMille: 85,
        services: 1040, outOfPeriodServices: 2,
        gridsWithPartyBranch: 266, buildingPartyGroups: 688, partyMemberHouseholds: 5790,
        householdGrowthPerMille: 0, gridWorkers: 366,
        propertyCompanies: 34, propertyPartyOrgs: 7, propertyInstructors: 17, estatesManaged: 53, messy: true)

    /// Shishou-like drop of 2022Q2, shaped on seed 004: 4,690 requests (4,229 resolved, 332 in
    /// progress, 129 explained), 272 grids all with a party branch, 702 building party groups and
    /// 5,860 party-member households, 34 property companies of which 9 have a party organisation,
    /// 53 estates.
    public static let shishou2022Q2 = SampleDropConfiguration(
        seed: 2022_2, year: 2022, quarters: [2],
        requests: 4690, requestStatuses: RequestStatusCounts(resolved: 4229, inProgress: 332, explained: 129, open: 0),
        outOfPeriodRequests: 4, lateResolvedPerMille: 104, dissatisfiedPerMille: 74,
        services: 1125, outOfPeriodServices: 3,
        gridsWithPartyBranch: 272, buildingPartyGroups: 702, partyMemberHouseholds: 5860,
        householdGrowthPerMille: 3, gridWorkers: 372,
        propertyCompanies: 34, propertyPartyOrgs: 9, propertyInstructors: 21, estatesManaged: 53, messy: true)

    /// The same city in 2022Q3: the summer quarter brings more requests (heat, water, power), the
    /// resolution rate keeps rising, a 35th property company registers and two more companies
    /// build a party organisation.
    public static let shishou2022Q3 = SampleDropConfiguration(
        seed: 2022_3, year: 2022, quarters: [3],
        requests: 4960, requestStatuses: RequestStatusCounts(resolved: 4560, inProgress: 285, explained: 105, open: 10),
        outOfPeriodRequests: 5, lateResolvedPerMille: 95, dissatisfiedPerMille: 67,
        services: 1180, outOfPeriodServices: 2,
        gridsWithPartyBranch: 272, buildingPartyGroups: 710, partyMemberHouseholds: 5905,
        householdGrowthPerMille: 6, gridWorkers: 380,
        propertyCompanies: 35, propertyPartyOrgs: 11, propertyInstructors: 21, estatesManaged: 55, messy: true)

    /// The same city in 2022Q4: the best quarter of the year (resolution 92.9%), a 36th company,
    /// thirteen party organisations.
    public static let shishou2022Q4 = SampleDropConfiguration(
        seed: 2022_4, year: 2022, quarters: [4],
        requests: 4780, requestStatuses: RequestStatusCounts(resolved: 4440, inProgress: 240, explained: 92, open: 8),
        outOfPeriodRequests: 3, lateResolvedPerMille: 85, dissatisfiedPerMille: 60,
        services: 1240, outOfPeriodServices: 3,
        gridsWithPartyBranch: 272, buildingPartyGroups: 718, partyMemberHouseholds: 5950,
        householdGrowthPerMille: 9, gridWorkers: 386,
        propertyCompanies: 36, propertyPartyOrgs: 13, propertyInstructors: 21, estatesManaged: 57, messy: true)

    /// The four quarters of 2022, in order.
    public static let shishou2022: [SampleDropConfiguration] = [shishou2022Q1, shishou2022Q2, shishou2022Q3, shishou2022Q4]

    /// The clean shape at benchmark scale: one export of one system for the whole of `year`
    /// (requests spread over its four quarters, none out of period), a city of 1,811 units (city,
    /// district, 12 streets, 150 communities, 1,647 grids) and 100,000 service records.
    public static func cleanExport(requests: Int, seed: UInt64 = 4, year: Int = 2023) -> SampleDropConfiguration {
        var configuration = SampleDropConfiguration(
            seed: seed, year: year, quarters: [1, 2, 3, 4],
            requests: requests, outOfPeriodRequests: 0,
            services: 100_000, outOfPeriodServices: 0,
            streets: 12, communities: 150, grids: 1647,
            propertyCompanies: 320, propertyPartyOrgs: 180, propertyInstructors: 200, estatesManaged: 480)
        configuration.shape = .clean
        return configuration
    }

    /// Checks the configuration; throws a usage error naming the first problem.
    public func validate() throws {
        func fail(_ message: String) -> JicengError { JicengError(.usage, "sample drop: " + message) }
        guard (1...9998).contains(year) else { throw fail("year \(year) out of range") }
        guard !quarters.isEmpty, quarters.allSatisfy({ (1...4).contains($0) }), Set(quarters).count == quarters.count else {
            throw fail("quarters must be distinct values in 1…4")
        }
        guard requests >= 0, services >= 0, outOfPeriodRequests >= 0, outOfPeriodServices >= 0 else {
            throw fail("row counts must be ≥ 0")
        }
        let statuses = effectiveRequestStatuses
        guard statuses.total == requests, statuses.resolved >= 0, statuses.inProgress >= 0,
            statuses.explained >= 0, statuses.open >= 0
        else {
            throw fail("request status counts must be ≥ 0 and sum to requests (\(requests))")
        }
        guard streets >= 2 else { throw fail("at least 2 streets are needed (one community name exists under two streets)") }
        guard communities >= streets else { throw fail("at least one community per street") }
        guard grids >= communities else { throw fail("at least one grid per community") }
        if let branches = gridsWithPartyBranch, !(0...grids).contains(branches) {
            throw fail("gridsWithPartyBranch must be in 0…grids")
        }
        if let groups = buildingPartyGroups, groups < 0 { throw fail("buildingPartyGroups must be ≥ 0") }
        if let households = partyMemberHouseholds, households < 0 { throw fail("partyMemberHouseholds must be ≥ 0") }
        guard (0...1000).contains(lateResolvedPerMille), (0...1000).contains(dissatisfiedPerMille) else {
            throw fail("lateResolvedPerMille and dissatisfiedPerMille must be in 0…1000")
        }
        guard householdGrowthPerMille > -1000 else { throw fail("householdGrowthPerMille must be > -1000") }
        if let workers = gridWorkers, workers < 0 { throw fail("gridWorkers must be ≥ 0") }
        guard propertyCompanies >= 0, (0...propertyCompanies).contains(propertyPartyOrgs),
            (0...propertyCompanies).contains(propertyInstructors)
        else {
            throw fail("property party organisations and instructors must be in 0…propertyCompanies")
        }
        guard estatesManaged >= propertyCompanies || propertyCompanies == 0 else {
            throw fail("every property company manages at least one estate")
        }
    }
}
