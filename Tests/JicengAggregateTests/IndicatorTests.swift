import JicengCore
import JicengNormalize
import JicengPipeline
import Testing

@testable import JicengAggregate

/// Every indicator of contract §5 for every unit of `ATFixture`, added up by hand.
@Suite("Indicators of contract §5")
struct IndicatorTests {
    /// The indicators of §5, typed from the contract.
    static let requestIndicators = [
        "requests_received", "requests_resolved", "requests_in_progress", "requests_explained",
        "requests_open", "resolution_rate", "response_rate", "ontime_rate", "mean_days_to_close",
        "satisfaction_rate",
    ]
    static let gridIndicators = [
        "grids", "grid_party_branches", "grid_party_branch_coverage", "building_party_groups",
        "party_member_households", "party_members", "households", "residents", "grid_workers",
        "residents_per_grid_worker",
    ]
    static let companyIndicators = [
        "property_companies", "property_party_orgs", "property_party_org_coverage",
        "property_instructors", "property_party_work_coverage", "estates_managed",
    ]
    static let serviceIndicators = ["services_delivered", "service_volunteers", "service_beneficiaries"]
    static let allIndicators = requestIndicators + gridIndicators + companyIndicators + serviceIndicators + ["services_per_1000_residents"]
    static let unitIds = ["C", "D1", "D2", "G1", "G2", "G3", "G4", "M1", "M2", "M3", "S1", "S2"]

    // Requests in 2022Q2 (R7, received 2022-07-01, is out of the period):
    //   R1 G1 resolved in 10 days (04-01 → 04-11), satisfied
    //   R2 G1 resolved in 21 days (04-02 → 04-23), dissatisfied
    //   R3 G2 in progress, not rated
    //   R4 M1 (the community itself) explained, basically satisfied
    //   R5 S2 (the street itself) open, not rated
    //   R6 M2 (by the name 西门社区) resolved in 15 days (06-30 → 07-15: on time, ≤ 15), satisfied
    // Values: received, resolved, in progress, explained, open, resolution, response, on time,
    // mean days, satisfaction.
    static let requestExpected: [String: [Double?]] = [
        // R1, R2: 2 resolved of 2; on time 1 of 2; (10 + 21) / 2 = 15.5 days; 1 satisfied of 2 rated.
        "G1": [2, 2, 0, 0, 0, 1, 1, 0.5, 15.5, 0.5],
        // R3: nothing resolved → on time and mean undefined; nothing rated.
        "G2": [1, 0, 1, 0, 0, 0, 1, nil, nil, nil],
        "G3": [0, 0, 0, 0, 0, nil, nil, nil, nil, nil],
        "G4": [0, 0, 0, 0, 0, nil, nil, nil, nil, nil],
        // R1–R4: resolved 2 / 4 = 0.5; responded 4 / 4; on time 1 / 2; 31 / 2 = 15.5 days;
        // satisfied R1 + R4 (basically) = 2 of 3 rated.
        "M1": [4, 2, 1, 1, 0, 0.5, 1, 0.5, 15.5, 2.0 / 3.0],
        // R6 alone.
        "M2": [1, 1, 0, 0, 0, 1, 1, 1, 15, 1],
        "M3": [0, 0, 0, 0, 0, nil, nil, nil, nil, nil],
        // R1–R4, R6: 3 / 5 = 0.6 (the average of M1 0.5 and M2 1.0 would be 0.75); 5 / 5;
        // on time 2 / 3; (10 + 21 + 15) / 3 = 46 / 3; 3 satisfied of 4 rated.
        "S1": [5, 3, 1, 1, 0, 0.6, 1, 2.0 / 3.0, 46.0 / 3.0, 0.75],
        // R5 alone: open, so responded 0 / 1.
        "S2": [1, 0, 0, 0, 1, 0, 0, nil, nil, nil],
        // All six: 3 / 6; responded 5 / 6; the rest as S1.
        "D1": [6, 3, 1, 1, 1, 0.5, 5.0 / 6.0, 2.0 / 3.0, 46.0 / 3.0, 0.75],
        "D2": [0, 0, 0, 0, 0, nil, nil, nil, nil, nil],
        "C": [6, 3, 1, 1, 1, 0.5, 5.0 / 6.0, 2.0 / 3.0, 46.0 / 3.0, 0.75],
    ]

    // Grids (households, residents, party members, branch, building groups, member households, workers):
    //   G1 100 300 10 yes 2 3 2;  G2 200 500 20 no 1 – 3;  G3 150 400 5 yes – 4 1;  G4 50 100 2 no 0 1 1
    // Values: grids, branches, coverage, building groups, member households, party members,
    // households, residents, grid workers, residents per worker.
    static let gridExpected: [String: [Double?]] = [
        "G1": [1, 1, 1, 2, 3, 10, 100, 300, 2, 150],
        "G2": [1, 0, 0, 1, 0, 20, 200, 500, 3, 500.0 / 3.0],
        "G3": [1, 1, 1, 0, 4, 5, 150, 400, 1, 400],
        "G4": [1, 0, 0, 0, 1, 2, 50, 100, 1, 100],
        // G1 + G2: 1 branch of 2; 800 residents / 5 workers = 160.
        "M1": [2, 1, 0.5, 3, 3, 30, 300, 800, 5, 160],
        "M2": [1, 1, 1, 0, 4, 5, 150, 400, 1, 400],
        "M3": [1, 0, 0, 0, 1, 2, 50, 100, 1, 100],
        // G1–G3: 2 of 3 (the average of M1 0.5 and M2 1.0 would be 0.75); 1200 / 6 = 200.
        "S1": [3, 2, 2.0 / 3.0, 3, 7, 35, 450, 1200, 6, 200],
        "S2": [1, 0, 0, 0, 1, 2, 50, 100, 1, 100],
        // G1–G4: 2 of 4 = 0.5 (the average of S1 and S2 would be 1/3); 1300 / 7.
        "D1": [4, 2, 0.5, 3, 8, 37, 500, 1300, 7, 1300.0 / 7.0],
        "D2": [0, 0, nil, 0, 0, 0, 0, 0, 0, nil],
        "C": [4, 2, 0.5, 3, 8, 37, 500, 1300, 7, 1300.0 / 7.0],
    ]

    // Companies: P1 G1 standalone + instructor, 3 estates; P2 M2 (西门社区) none, 2 estates;
    // P3 M1 (东门社区 + street 绣林) joint, 4 estates; P4 S2 none + instructor, 1 estate.
    // Values: companies, with Party organisation, org coverage, with instructor, work coverage, estates.
    static let companyExpected: [String: [Double?]] = [
        "G1": [1, 1, 1, 1, 1, 3],
        "G2": [0, 0, nil, 0, nil, 0],
        "G3": [0, 0, nil, 0, nil, 0],
        "G4": [0, 0, nil, 0, nil, 0],
        // P1 + P3: both organised; one instructor; work 2 / 2; 3 + 4 estates.
        "M1": [2, 2, 1, 1, 1, 7],
        "M2": [1, 0, 0, 0, 0, 2],
        "M3": [0, 0, nil, 0, nil, 0],
        // P1–P3: organised 2 / 3; work (P1, P3) 2 / 3; 9 estates.
        "S1": [3, 2, 2.0 / 3.0, 1, 2.0 / 3.0, 9],
        // P4: no organisation but an instructor → work 1 / 1.
        "S2": [1, 0, 0, 1, 1, 1],
        // All four: organised 2 / 4; instructors 2; work (P1, P3, P4) 3 / 4; 10 estates.
        "D1": [4, 2, 0.5, 2, 0.75, 10],
        "D2": [0, 0, nil, 0, nil, 0],
        "C": [4, 2, 0.5, 2, 0.75, 10],
    ]

    // Services in 2022Q2 (V4, 2022-03-31, is out): V1 G1 5 volunteers 20 beneficiaries; V2 G3 – (0) 10;
    // V3 M3 2 – (0); V5 M2 (西门社区) 1 1.
    // Values: services, volunteers, beneficiaries, services per 1,000 residents (residents as above).
    static let serviceExpected: [String: [Double?]] = [
        "G1": [1, 5, 20, 1000.0 / 300.0],
        "G2": [0, 0, 0, 0],
        "G3": [1, 0, 10, 1000.0 / 400.0],
        "G4": [0, 0, 0, 0],
        "M1": [1, 5, 20, 1000.0 / 800.0],
        // V2 + V5: 2 × 1000 / 400 = 5.
        "M2": [2, 1, 11, 5],
        // V3: 1000 / 100.
        "M3": [1, 2, 0, 10],
        // V1, V2, V5: 3000 / 1200 = 2.5.
        "S1": [3, 6, 31, 2.5],
        "S2": [1, 2, 0, 10],
        // All four: 4000 / 1300.
        "D1": [4, 8, 31, 4000.0 / 1300.0],
        "D2": [0, 0, 0, nil],
        "C": [4, 8, 31, 4000.0 / 1300.0],
    ]

    static func expected(_ unit: String) -> [String: Double?] {
        var out: [String: Double?] = [:]
        let groups: [([String], [String: [Double?]])] = [
            (requestIndicators, requestExpected), (gridIndicators, gridExpected), (companyIndicators, companyExpected),
            (serviceIndicators + ["services_per_1000_residents"], serviceExpected),
        ]
        for (names, table) in groups {
            for (i, name) in names.enumerated() { out[name] = table[unit]![i] }
        }
        return out
    }

    private func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return abs(x - y) <= 1e-9 * max(1, abs(y))
        default: return false
        }
    }

    @Test("every indicator of every unit, added up by hand")
    func everyIndicator() throws {
        let drop = ATFixture.drop()
        let (analysis, evaluation) = try drop.evaluate()
        #expect(analysis.findings.errors == 0)
        // Warnings: R7 and V4 out of period.
        #expect(analysis.findings.warnings == 2)
        #expect(Set(evaluation.indicators.map(\.name)) == Set(Self.allIndicators))
        #expect(evaluation.indicators.count == 30)
        // 12 units × 30 indicators, sorted by unit_id then indicator.
        #expect(evaluation.results.count == 360)
        let order = evaluation.results.map { "\($0.unitId) \($0.indicator)" }
        #expect(order == Self.unitIds.flatMap { u in Self.allIndicators.sorted().map { "\(u) \($0)" } })
        for unit in Self.unitIds {
            for (indicator, value) in Self.expected(unit) {
                let r = try #require(evaluation.result(unit, indicator), "\(unit) \(indicator)")
                #expect(same(r.value, value), "\(unit) \(indicator): \(String(describing: r.value)) ≠ \(String(describing: value))")
                #expect(r.status == .noTarget)
                #expect(r.target == nil)
            }
        }
        // Ratios carry their numerator and denominator (sums over the subtree), counts do not.
        let s1 = try #require(evaluation.result("S1", "resolution_rate"))
        #expect(s1.numerator == 3)
        #expect(s1.denominator == 5)
        let d2 = try #require(evaluation.result("D2", "residents_per_grid_worker"))
        #expect(d2.numerator == 0)
        #expect(d2.denominator == 0)
        #expect(d2.value == nil)
        let per1000 = try #require(evaluation.result("C", "services_per_1000_residents"))
        #expect(per1000.numerator == 4)
        #expect(per1000.denominator == 1300)
        let count = try #require(evaluation.result("C", "requests_received"))
        #expect(count.numerator == nil)
        #expect(count.denominator == nil)
        // Formatted for indicators.csv: 4000/1300 = 3.0769230… → 3.076923.
        #expect(DecimalFormatter.format(per1000.value!) == "3.076923")
    }

    @Test("a row attached to a community counts for its street and up, but for no grid")
    func attachmentLevels() throws {
        let (analysis, _) = try ATFixture.drop().evaluate()
        // R4 is attached to M1 itself: G1 (2) + G2 (1) = 3 below it, but M1 has 4.
        #expect(analysis.total("G1", "requests_received")! + analysis.total("G2", "requests_received")! == 3)
        #expect(analysis.total("M1", "requests_received") == 4)
        // R5 is attached to S2 itself: nothing below it.
        #expect(analysis.total("M3", "requests_received") == 0)
        #expect(analysis.total("G4", "requests_received") == 0)
        #expect(analysis.total("S2", "requests_received") == 1)
        // P4 at S2: no community or grid below holds it.
        #expect(analysis.total("M3", "property_companies") == 0)
        #expect(analysis.total("S2", "property_companies") == 1)
    }

    @Test("a dataset absent from the drop: a missing-file warning and its indicators left out, not zero")
    func absentDatasets() throws {
        // Without grids: the grid indicators and services_per_1000_residents (residents come from grids) go.
        var (analysis, evaluation) = try ATFixture.drop(without: ["grids"]).evaluate()
        var names = Set(evaluation.indicators.map(\.name))
        #expect(names == Set(Self.requestIndicators + Self.companyIndicators + Self.serviceIndicators))
        #expect(!evaluation.results.contains { $0.indicator == "services_per_1000_residents" || $0.indicator == "residents" })
        #expect(evaluation.results.count == 12 * 19)
        #expect(analysis.absentDatasets == ["grids"])
        let missing = analysis.listedFindings().filter { $0.code == .missingFile }
        #expect(missing.count == 1)
        #expect(missing.first?.severity == .warning)
        #expect(missing.first?.dataset == "grids")
        #expect(analysis.findings.errors == 0)
        // The rest is unchanged.
        #expect(evaluation.result("C", "services_delivered")?.value == 4)

        // Without services and requests.
        (analysis, evaluation) = try ATFixture.drop(without: ["services", "requests"]).evaluate()
        names = Set(evaluation.indicators.map(\.name))
        #expect(names == Set(Self.gridIndicators + Self.companyIndicators))
        #expect(Set(analysis.absentDatasets) == ["services", "requests"])
        #expect(evaluation.breakdowns.isEmpty)

        // Units only: no indicator at all, four warnings.
        (analysis, evaluation) = try ATFixture.drop(without: ["grids", "property_companies", "services", "requests"]).evaluate()
        #expect(evaluation.results.isEmpty)
        #expect(evaluation.indicators.isEmpty)
        #expect(analysis.findings.warnings == 4)
        #expect(analysis.findings.errors == 0)
    }

    @Test("without units the drop is a missing-file error and nothing is attached")
    func noUnits() throws {
        let drop = ATDrop(["requests.csv": ATFixture.requests])
        let analysis = try drop.analyze()
        #expect(analysis.directory == nil)
        let missing = analysis.listedFindings().filter { $0.code == .missingFile }
        #expect(Set(missing.compactMap(\.dataset)) == ["units", "grids", "property_companies", "services"])
        #expect(missing.count == 4)
        #expect(missing.first { $0.dataset == "units" }?.severity == .error)
        #expect(analysis.findings.errors == 1)
    }

    @Test("breakdowns count the top unit's rows by value")
    func breakdowns() throws {
        let (_, evaluation) = try ATFixture.drop().evaluate()
        let status = try #require(evaluation.breakdowns.first { $0.name == "requests_by_status" })
        let counts = Dictionary(uniqueKeysWithValues: status.slices.map { ($0.value, $0.count) })
        // R1, R2, R6 resolved; R3 in progress; R4 explained; R5 open.
        #expect(counts == ["resolved": 3, "in_progress": 1, "explained": 1, "open": 1])
        let category = try #require(evaluation.breakdowns.first { $0.name == "services_by_category" })
        let c = Dictionary(uniqueKeysWithValues: category.slices.map { ($0.value, $0.count) })
        #expect(c["elderly"] == 1 && c["culture_sports"] == 1 && c["environment"] == 1 && c["livelihood"] == 1 && c["other"] == 0)
    }
}
