import Foundation

/// A small drop written by hand whose every figure is worked out in the comments, used by the
/// end-to-end tests of the real binary.
///
/// Hierarchy: C 石首市 (city) → D 石首城区 (district) → S1 绣林街道, S2 笔架山街道 (streets) →
/// K1 栗田湖社区, K3 新建社区 under S1; K2 金银社区, K4 新建社区 under S2 (communities) →
/// G1 under K1, G2 under K2 (grids).
enum SmallDropFixture {
    static let units = """
        单位编码,名称,层级,上级编码,别名
        C,石首市,市,,
        D,石首城区,区,C,
        S1,绣林街道,街道,D,绣林
        S2,笔架山街道,街道,D,
        K1,栗田湖社区,社区,S1,栗田湖
        K2,金银社区,社区,S2,
        K3,新建社区,社区,S1,
        K4,新建社区,社区,S2,
        G1,一网格,网格,K1,
        G2,二网格,网格,K2,

        """

    /// UTF-8 with BOM and CRLF. Lines (header = 1):
    /// 2 R1 K1 resolved 4/1→4/5 (4 days) satisfied — counts
    /// 3 R2 新建社区 + 笔架山街道 → K4, in progress — counts
    /// 4 R3 K2 explained, dissatisfied — counts
    /// 5 R4 received 2022-03-31 → out-of-period warning
    /// 6 R5 新建社区 without street → ambiguous: unknown-unit
    /// 7 R1 again → unique-error (the row is otherwise valid: taken back out of the totals)
    /// 8 stray quote → malformed-csv
    /// 9 R8 unknown community and closed before received → unknown-unit + rule-error
    /// In 2022Q2 the city has 3 requests: 1 resolved, 1 in progress, 1 explained.
    static let requests: [UInt8] =
        [0xEF, 0xBB, 0xBF]
        + Array(
            ("诉求编号,受理时间,渠道,社区,街道,办理状态,办结时间,满意度\r\n" + "R1,2022/4/1,12345热线,栗田湖社区,,已办结,2022-04-05,满意\r\n"
                + "R2,2022年4月2日,网络,新建社区,笔架山街道,正在跟踪办理,,\r\n" + "R3,20220403,走访,金银社区,,已做好解释,2022.4.30 10:00,不满意\r\n"
                + "R4,2022-03-31,热线,金银社区,,已办结,2022-04-01,\r\n" + "R5,2022-04-10,热线,新建社区,,已办结,2022-04-11,\r\n"
                + "R1,2022-04-11,热线,金银社区,,已办结,2022-04-12,\r\n" + "R7,2022-04-11,热线,\"ab\"c,,已办结,2022-04-12,\r\n"
                + "R8,2022-04-12,热线,不存在社区,,已办结,2022-04-11,满意\r\n").utf8)

    /// Grids: households 1,200 (quoted thousands separator) + 800; residents ３０００ (full-width) + 2000.
    static let grids = """
        网格编码,户数,常住人口,党员数,网格党支部,楼栋党小组数,党员中心户数,网格员数
        G1,"1,200",３０００,50,是,3,20,2
        G2,800,2000,30,否,2,10,1

        """

    static let targets = """
        year,indicator,level,unit_id,comparator,target,warning,prorate
        2022,resolution_rate,,,>=,90%,0.05,none
        2022,resolution_rate,community,,>=,0.5,0,none
        2022,resolution_rate,,K1,>=,1,0,none
        2022,grids,street,,>=,4,0,linear
        2022,satisfaction_rate,,,>=,0.4,0.2,none

        """

    static func write(to folder: String, requests: Bool = true) throws {
        try BinaryHarness.write(units, to: folder + "/units.csv")
        try BinaryHarness.write(grids, to: folder + "/grids.csv")
        if requests { try BinaryHarness.write(bytes: Self.requests, to: folder + "/requests.csv") }
    }
}
