import Foundation

/// Three quarterly drops of one small city, written so that every year-to-date figure can be
/// worked out by hand (the sums are in the comments and in `HistoryBinaryTests`).
///
/// Hierarchy: C 某市 → S1 一街道 (→ K1 甲社区 → G1 一网格), S2 二街道 (→ K2 乙社区 → G2 二网格,
/// K3 丙社区 with no data at all).
///
/// Flows (dated rows, summed over the quarters):
///
/// | quarter | requests (unit, status) | services |
/// |---|---|---|
/// | Q1 | R1 G1 resolved, R2 G1 open, R3 K2 resolved | 3 at G1 |
/// | Q2 | R4 G1 resolved, R5 K2 in progress | 2 at G2 |
/// | Q3 | R6 G2 resolved, R7 G2 resolved, R8 K1 explained, R9 K1 resolved | 4 at G1 |
///
/// Stocks (grids, a snapshot each quarter; the year-to-date value is the latest quarter's):
///
/// | quarter | G1 residents, branch | G2 residents, branch |
/// |---|---|---|
/// | Q1 | 1000, yes | 2000, no |
/// | Q2 | 1100, yes | 2200, no |
/// | Q3 | 1200, yes | 2400, yes |
enum HistoryDropFixture {
    static let units = """
        unit_id,name,level,parent_id
        C,某市,市,
        S1,一街道,街道,C
        S2,二街道,街道,C
        K1,甲社区,社区,S1
        K2,乙社区,社区,S2
        K3,丙社区,社区,S2
        G1,一网格,网格,K1
        G2,二网格,网格,K2

        """

    static let grids = [
        1: "G1,300,1000,10,是,2\nG2,600,2000,20,否,3\n",
        2: "G1,320,1100,10,是,2\nG2,640,2200,20,否,3\n",
        3: "G1,350,1200,12,是,2\nG2,700,2400,22,是,4\n",
    ]

    static let requests = [
        1: "R1,2022-01-10,热线,G1,已办结,2022-01-15\nR2,2022-02-01,热线,G1,未办理,\nR3,2022-03-01,网络,K2,已办结,2022-03-06\n",
        2: "R4,2022-04-10,热线,G1,已办结,2022-04-15\nR5,2022-05-01,热线,K2,办理中,\n",
        3: "R6,2022-07-01,热线,G2,已办结,2022-07-06\nR7,2022-08-01,热线,G2,已办结,2022-08-06\n"
            + "R8,2022-08-15,走访,K1,已解释,2022-08-20\nR9,2022-09-01,热线,K1,已办结,2022-09-06\n",
    ]

    static let services = [
        1: "V1,2022-01-05,G1,志愿者,关爱老人\nV2,2022-02-05,G1,志愿者,关爱老人\nV3,2022-03-05,G1,网格员,文化体育\n",
        2: "V4,2022-04-05,G2,志愿者,关爱老人\nV5,2022-05-05,G2,志愿者,民生事务\n",
        3: "V6,2022-07-05,G1,志愿者,关爱老人\nV7,2022-08-05,G1,志愿者,关爱老人\nV8,2022-09-05,G1,网格员,文化体育\nV9,2022-09-06,G1,志愿者,环境整治\n",
    ]

    /// Yearly targets: a linear and a none target, a level and a unit target beating the any-level
    /// one, and warning margins.
    static let targets = """
        year,indicator,level,unit_id,comparator,target,warning,prorate
        2022,services_per_1000_residents,,,>=,4,1,linear
        2022,resolution_rate,,,>=,0.7,0.05,none
        2022,resolution_rate,community,,>=,0.5,0,none
        2022,resolution_rate,,S2,>=,0.8,0.02,none
        2022,requests_received,street,,>=,6,1,linear
        2022,grid_party_branch_coverage,,,>=,100%,0,none

        """

    /// Writes quarter `q`'s drop into `folder` (created when missing); `extraRequest` adds one
    /// more resolved request at G1 (a corrected drop for the replacement tests).
    static func write(quarter q: Int, to folder: String, extraRequest: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try BinaryHarness.write(units, to: folder + "/units.csv")
        try BinaryHarness.write(
            "grid_id,households,residents,party_members,has_party_branch,grid_workers\n" + grids[q]!,
            to: folder + "/grids.csv")
        var requestRows = requests[q]!
        if extraRequest { requestRows += "RX,2022-0\(3 * q - 1)-20,热线,G1,已办结,2022-0\(3 * q - 1)-21\n" }
        try BinaryHarness.write(
            "request_id,received_at,channel,unit_id,status,closed_at\n" + requestRows,
            to: folder + "/requests.csv")
        try BinaryHarness.write("service_id,date,unit_id,provider_type,category\n" + services[q]!, to: folder + "/services.csv")
    }
}
