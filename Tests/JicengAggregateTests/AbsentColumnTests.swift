import Foundation
import JicengCore
import JicengNormalize
import JicengPipeline
import Testing

@testable import JicengAggregate
@testable import JicengRun

/// Columns no file of a dataset carries (issue 13: a dataset without a status column must not give
/// a 0% resolution rate with no warning), defaults standing in for absent columns, and a street
/// alone placing a row — through the whole analysis of `ATFixture`'s drop.
@Suite("absent columns, defaults and street references in a drop")
struct AbsentColumnTests {
    /// The fixture's requests with the columns in `dropped` removed.
    static func requests(without dropped: Set<String>) -> [String] {
        let rows = ATFixture.requests.map { $0.components(separatedBy: ",") }
        let keep = rows[0].indices.filter { !dropped.contains(rows[0][$0]) }
        return rows.map { r in keep.map { r[$0] }.joined(separator: ",") }
    }

    static func drop(requests: [String], extra: [String: [String]] = [:]) -> ATDrop {
        var files = [
            "units.csv": ATFixture.units, "grids.csv": ATFixture.grids, "property_companies.csv": ATFixture.companies,
            "services.csv": ATFixture.services, "requests.csv": requests,
        ]
        for (k, v) in extra { files[k] = v }
        return ATDrop(files)
    }

    func evaluate(_ drop: ATDrop, pipeline: Pipeline = PipelineLoader.standard) throws -> (DropAnalysis, Evaluation) {
        let period = Period(year: 2022, quarter: 2)
        let analysis = try drop.analyze(period: period, pipeline: pipeline)
        let evaluation = IndicatorComputer.evaluate(
            pipeline: pipeline, measures: analysis.measures, totals: try #require(analysis.totals),
            directory: try #require(analysis.directory),
            presentDatasets: analysis.presentDatasets, targets: TargetBook(rules: []), period: period, toolVersion: "test",
            dataQuality: analysis.dataQuality())
        return (analysis, evaluation)
    }

    /// The standard pipeline with `replacements` in its text.
    static func pipeline(_ replacements: [(String, String)]) throws -> Pipeline {
        var text = StandardPipelineText.yaml
        for (old, new) in replacements {
            precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try PipelineLoader.load(yaml: text, sourceName: "test.yaml")
    }

    /// status not required (a web platform's export has none).
    static let statusOptional = ("      status:\n        type: enum\n        required: true\n", "      status:\n        type: enum\n")

    @Test("satisfaction in no file: satisfaction_rate left out with a dataset-level missing-column warning; the rest as before")
    func optionalColumnAbsent() throws {
        let (analysis, evaluation) = try evaluate(Self.drop(requests: Self.requests(without: ["satisfaction"])))
        let expected = AbsentColumn(
            dataset: "requests", column: "satisfaction", measures: ["requests_satisfied", "requests_rated"],
            indicators: ["satisfaction_rate"], breakdowns: [])
        #expect(analysis.absentColumns == [expected])
        #expect(evaluation.dataQuality.absentColumns == [expected])
        #expect(!evaluation.indicators.contains { $0.name == "satisfaction_rate" })
        #expect(!evaluation.results.contains { $0.indicator == "satisfaction_rate" })
        // 12 units × (all 33 indicators − satisfaction_rate).
        #expect(evaluation.results.count == 12 * (IndicatorTests.allIndicators.count - 1))
        // Hand-worked values unchanged (IndicatorTests.requestExpected): resolution 3 / 6 for the city.
        #expect(evaluation.result("C", "resolution_rate")?.value == 0.5)
        #expect(evaluation.result("C", "requests_received")?.value == 6)
        let warnings = analysis.listedFindings().filter { $0.code == .missingColumn }
        #expect(warnings.count == 1)
        let f = try #require(warnings.first)
        #expect(f.severity == .warning)
        #expect(f.dataset == "requests" && f.column == "satisfaction" && f.file == nil && f.line == nil)
        #expect(
            f.message
                == LocalizedText(
                    zh: "requests 的文件都没有 satisfaction 列（表头可写作 satisfaction、满意度、回访满意度），依赖它的指标不予计算：satisfaction_rate",
                    en:
                        "no file of requests has the column satisfaction (headers accepted: satisfaction, 满意度, 回访满意度); the indicators that depend on it are left out: satisfaction_rate"
                ))
        #expect(analysis.findings.errors == 0)
    }

    @Test("a column that one file of the dataset carries is not absent")
    func carriedByOneFile() throws {
        let all = ATFixture.requests
        let without = Self.requests(without: ["satisfaction"])
        let drop = Self.drop(requests: [all[0]] + all[1...3], extra: ["requests-b.csv": [without[0]] + without[4...]])
        let (analysis, evaluation) = try evaluate(drop)
        #expect(analysis.absentColumns.isEmpty)
        #expect(!analysis.listedFindings().contains { $0.code == .missingColumn })
        // R1 satisfied, R2 dissatisfied (in the first file): 1 of 2; R4 and R6 lost their rating with the column.
        #expect(evaluation.result("C", "satisfaction_rate")?.value == 0.5)
    }

    @Test("no status column (optional in a copy of the pipeline): everything reading status is left out, with the warning")
    func statusAbsent() throws {
        let pipeline = try Self.pipeline([Self.statusOptional])
        let (analysis, evaluation) = try evaluate(Self.drop(requests: Self.requests(without: ["status", "closed_at"])), pipeline: pipeline)
        let leftOut = [
            "requests_resolved", "requests_in_progress", "requests_explained", "requests_open", "resolution_rate",
            "response_rate", "ontime_rate", "mean_days_to_close",
        ]
        #expect(analysis.absentColumns.map(\.column) == ["status", "closed_at"])
        #expect(analysis.absentColumns[0].indicators == leftOut)
        #expect(analysis.absentColumns[0].breakdowns == ["requests_by_status"])
        #expect(analysis.absentColumns[1].indicators == ["ontime_rate", "mean_days_to_close"])
        let names = Set(evaluation.indicators.map(\.name))
        #expect(names.isDisjoint(with: leftOut))
        #expect(names.isSuperset(of: ["requests_received", "satisfaction_rate", "grids", "services_delivered"]))
        // No 0% anywhere: the city's received count stays, and there is no resolution rate.
        #expect(evaluation.result("C", "requests_received")?.value == 6)
        #expect(evaluation.result("C", "resolution_rate") == nil)
        #expect(evaluation.breakdowns.map(\.name) == ["requests_by_channel", "services_by_category"])
        let status = try #require(analysis.listedFindings().first { $0.code == .missingColumn && $0.column == "status" })
        #expect(status.severity == .warning)
        #expect(
            status.message.en == "no file of requests has the column status (headers accepted: status, 办理状态, 状态); the indicators that "
                + "depend on it are left out: \(leftOut.joined(separator: ", ")); the breakdowns by it are left out: requests_by_status")
        // With the standard pipeline (status required) the same file is not read at all: an error,
        // and every requests indicator is left out with the dataset.
        let (standard, standardEvaluation) = try evaluate(Self.drop(requests: Self.requests(without: ["status", "closed_at"])))
        #expect(standard.listedFindings().filter { $0.code == .missingColumn }.map(\.column) == ["status"])
        #expect(standard.findings.errors == 1)
        #expect(standard.absentDatasets == ["requests"])
        #expect(standardEvaluation.result("C", "requests_received") == nil)
    }

    @Test("a default stands in for an absent column: no warning, every row counts with it")
    func defaultInsteadOfAbsent() throws {
        let pipeline = try Self.pipeline([
            ("        aliases: [渠道, 受理渠道, 来源]\n", "        aliases: [渠道, 受理渠道, 来源]\n        default: online\n")
        ])
        let drop = Self.drop(requests: Self.requests(without: ["channel"]))
        let (analysis, evaluation) = try evaluate(drop, pipeline: pipeline)
        #expect(analysis.absentColumns.isEmpty)
        // Only the fixture's two rows outside the period are reported.
        #expect(analysis.listedFindings().map(\.code) == [.outOfPeriod, .outOfPeriod])
        let channels = try #require(evaluation.breakdowns.first { $0.name == "requests_by_channel" })
        // The six requests of the period, all online.
        #expect(channels.slices.map(\.count) == [0, 6, 0, 0, 0, 0])
        #expect(evaluation.result("C", "resolution_rate")?.value == 0.5)
    }

    @Test("the normalise stage writes a default into its canonical files")
    func canonicalDefault() throws {
        let pipeline = try Self.pipeline([
            ("        aliases: [渠道, 受理渠道, 来源]\n", "        aliases: [渠道, 受理渠道, 来源]\n        default: 微信\n"),
            (
                "category:    {type: text, aliases: [诉求类别, 类别], title: 诉求类别}",
                "category:    {type: text, default: 网上咨询, aliases: [诉求类别, 类别], title: 诉求类别}"
            ),
        ])
        let drop = Self.drop(requests: Self.requests(without: ["channel"]))
        let out = ATDrop()
        var options = DropAnalysisOptions(period: Period(year: 2022, quarter: 2), canonicalFolder: out.path)
        options.computeMeasures = false
        _ = try DropAnalyzer(pipeline: pipeline, options: options, makeHasher: nil).analyze(drop: drop.path)
        let lines = try String(contentsOfFile: out.path + "/requests.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "request_id,received_at,channel,category,status,closed_at,satisfaction,unit_id,_line")
        // R1: channel and category from their defaults (the category cell is empty in the fixture).
        #expect(lines[1] == "R1,2022-04-01,online,网上咨询,resolved,2022-04-11,satisfied,G1,2")
    }

    @Test("a requests file with only a street column: counted at the street and above, at no community or grid")
    func streetOnly() throws {
        let requests = [
            "工单编号,受理时间,渠道,所属街道,办理状态,办结时间",
            "X1,2022-04-01,热线,绣林街道,已解决,2022-04-03",
            "X2,2022-04-02,热线,笔架山,办理中,",
            "X3,2022-04-03,热线,绣林,未办理,",
        ]
        let (analysis, evaluation) = try evaluate(Self.drop(requests: requests))
        // No finding about the rows; satisfaction is in no file (and the services fixture has a row of 2022Q1).
        #expect(
            analysis.listedFindings().map { "\($0.code.rawValue) \($0.column ?? "")" } == [
                "missing-column satisfaction", "out-of-period date",
            ])
        #expect(analysis.total("S1", "requests_received") == 2)
        #expect(analysis.total("S2", "requests_received") == 1)
        #expect(analysis.total("D1", "requests_received") == 3)
        #expect(analysis.total("C", "requests_received") == 3)
        for unit in ["M1", "M2", "M3", "G1", "G2", "G3", "G4", "D2"] { #expect(analysis.total(unit, "requests_received") == 0, "\(unit)") }
        // S1: X1 resolved of X1 and X3.
        #expect(evaluation.result("S1", "resolution_rate")?.value == 0.5)
    }

    @Test("the data-quality summary writes absent columns only when there are some, and reads files without them")
    func summaryJSON() throws {
        let empty = DataQualitySummary(files: [], findingCounts: [], absentDatasets: ["grids"], errors: 1, warnings: 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(
            String(decoding: try encoder.encode(empty), as: UTF8.self)
                == #"{"absentDatasets":["grids"],"errors":1,"files":[],"findingCounts":[],"warnings":2}"#)
        #expect(try JSONDecoder().decode(DataQualitySummary.self, from: encoder.encode(empty)) == empty)
        var some = empty
        some.absentColumns = [
            AbsentColumn(
                dataset: "requests", column: "status", measures: ["requests_resolved"],
                indicators: ["resolution_rate"], breakdowns: [])
        ]
        let json = String(decoding: try encoder.encode(some), as: UTF8.self)
        #expect(
            json.contains(
                #""absentColumns":[{"breakdowns":[],"column":"status","dataset":"requests","indicators":["resolution_rate"],"measures":["requests_resolved"]}]"#
            ))
        #expect(try JSONDecoder().decode(DataQualitySummary.self, from: Data(json.utf8)) == some)
        #expect(some.leftOutMeasures == ["requests_resolved"])
    }
}
