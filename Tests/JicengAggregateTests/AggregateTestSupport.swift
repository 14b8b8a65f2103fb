import Foundation
import JicengCore
import JicengNormalize
import JicengPipeline
import JicengRun
import Testing

@testable import JicengAggregate

/// A drop folder in the temp directory, removed when the value goes away.
final class ATDrop {
    let path: String

    init(_ files: [String: [String]] = [:]) {
        path = NSTemporaryDirectory() + "jiceng-aggregate-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, lines) in files { write(name, lines) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ lines: [String]) {
        precondition(FileManager.default.createFile(atPath: path + "/" + name, contents: Data((lines.joined(separator: "\n") + "\n").utf8)))
    }

    /// Reads the drop with the standard pipeline (no input hashes: the tests do not look at them).
    func analyze(
        period: Period? = Period(year: 2022, quarter: 2), maxFindings: Int = 1000, computeMeasures: Bool = true,
        maxDuplicateKeys: Int = 250_000, pipeline: Pipeline = PipelineLoader.standard
    ) throws -> DropAnalysis {
        var options = DropAnalysisOptions(period: period, maxFindings: maxFindings)
        options.computeMeasures = computeMeasures
        options.maxDuplicateKeys = maxDuplicateKeys
        let analyzer = DropAnalyzer(pipeline: pipeline, options: options, makeHasher: nil)
        return try analyzer.analyze(drop: path)
    }

    /// Reads the drop and computes the indicators.
    func evaluate(
        period: Period = Period(year: 2022, quarter: 2), targets: TargetBook = TargetBook(rules: []),
        maxDuplicateKeys: Int = 250_000
    ) throws -> (DropAnalysis, Evaluation) {
        let analysis = try analyze(period: period, maxDuplicateKeys: maxDuplicateKeys)
        let directory = try #require(analysis.directory)
        let totals = try #require(analysis.totals)
        let evaluation = IndicatorComputer.evaluate(
            pipeline: PipelineLoader.standard, measures: analysis.measures, totals: totals, directory: directory,
            presentDatasets: analysis.presentDatasets, targets: targets, period: period, toolVersion: "test",
            dataQuality: analysis.dataQuality())
        return (analysis, evaluation)
    }
}

extension Evaluation {
    func result(_ unit: String, _ indicator: String) -> IndicatorResult? {
        results.first { $0.unitId == unit && $0.indicator == indicator }
    }
}

extension DropAnalysis {
    /// A measure's rolled-up total for a unit.
    func total(_ unit: String, _ measure: String) -> Int64? {
        guard let d = directory, let t = totals, let u = d.unit(id: unit), let m = measures.index(of: measure) else { return nil }
        return t[u, m]
    }
}

/// The drop of the aggregate tests, small enough to add up by hand.
///
///     C 某市
///     ├── D1 一区
///     │   ├── S1 绣林街道 (alias 绣林)
///     │   │   ├── M1 东门社区 (alias 东门) ── G1, G2
///     │   │   └── M2 西门社区 (aliases 西门, 老西门) ── G3
///     │   └── S2 笔架山街道 (alias 笔架山)
///     │       └── M3 东门社区 ── G4
///     └── D2 二区 (no data at all)
enum ATFixture {
    static let units = [
        "unit_id,name,level,parent_id,aliases",
        "C,某市,市,,",
        "D1,一区,区,C,",
        "D2,二区,县,C,",
        "S1,绣林街道,街道,D1,绣林",
        "S2,笔架山街道,乡镇,D1,笔架山",
        "M1,东门社区,社区,S1,东门",
        "M2,西门社区,社区,S1,西门；老西门",
        "M3,东门社区,村,S2,",
        "G1,一网格,网格,M1,",
        "G2,二网格,网格,M1,",
        "G3,三网格,小区,M2,",
        "G4,四网格,网格,M3,",
    ]

    static let grids = [
        "网格编码,户数,常住人口,党员数,是否建立网格党支部,楼栋党小组数,党员中心户数,网格员数",
        "G1,100,300,10,是,2,3,2",
        "G2,200,500,20,否,1,,3",
        "G3,150,400,5,yes,,4,1",
        "G4,50,100,2,0,0,1,1",
    ]

    static let companies = [
        "company_id,company_name,unit_id,community,street,estates_managed,party_org_type,has_instructor,party_members",
        "P1,甲物业,G1,,,3,单独组建,是,5",
        "P2,乙物业,,西门社区,,2,无,否,",
        "P3,丙物业,,东门社区,绣林,4,联合建立,否,1",
        "P4,丁物业,S2,,,1,未建立,有,",
    ]

    static let services = [
        "service_id,date,grid_id,unit_id,community,street,provider_type,category,volunteers,beneficiaries",
        "V1,2022-04-01,G1,,,,下沉党员,关爱老人,5,20",
        "V2,2022/6/30,G3,,,,志愿者,文化体育,,10",
        "V3,2022年5月1日,,M3,,,网格员,环境整治,2,",
        "V4,2022-03-31,G1,,,,其他,其他,100,100",
        "V5,20220415,,,西门社区,,社会组织,民生事务,1,1",
    ]

    static let requests = [
        "request_id,received_at,channel,grid_id,unit_id,community,street,category,status,closed_at,satisfaction",
        "R1,2022-04-01,热线,G1,,,,,已解决,2022-04-11,满意",
        "R2,2022-04-02,12345,G1,,,,,已办结,2022-04-23,不满意",
        "R3,2022-05-01,网络,G2,,,,,办理中,,",
        "R4,2022-05-10,走访,,M1,,,,已解释,2022-05-12,基本满意",
        "R5,2022-06-01,来信,,S2,,,,未办理,,",
        "R6,2022-06-30,媒体,,,西门社区,,,已解决,2022-07-15,满意",
        "R7,2022-07-01,其他,G1,,,,,已解决,2022-07-02,满意",
    ]

    static func drop(without absent: Set<String> = []) -> ATDrop {
        var files: [String: [String]] = ["units.csv": units]
        if !absent.contains("grids") { files["grids.csv"] = grids }
        if !absent.contains("property_companies") { files["property_companies.csv"] = companies }
        if !absent.contains("services") { files["services.csv"] = services }
        if !absent.contains("requests") { files["requests.csv"] = requests }
        return ATDrop(files)
    }
}
