import Foundation
import Testing

/// What real exports need (issue 13, contract v2 §9), through the real binary: a street alone
/// places a row, a pipeline supplies a constant for a column the export lacks, a column no file
/// has leaves its indicators out with a warning, and findings suggest the accepted header.
@Suite("real exports, through the real binary")
struct RealExportBinaryTests {
    private let epoch = ["SOURCE_DATE_EPOCH": "1656633600"]

    /// indicators.csv rows keyed by "unit_id/indicator".
    private func rows(_ path: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[f[1] + "/" + f[4]] = f
        }
        return out
    }

    private func findings(_ path: String) throws -> [[String: Any]] {
        let o = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: path))) as! [String: Any]
        return o["findings"] as! [[String: Any]]
    }

    /// A copy of `Pipelines/standard.yaml` (without its targets file) with `replacements`, written
    /// next to `drop`.
    private func pipeline(for drop: String, _ replacements: [(String, String)]) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var yaml = try String(contentsOf: root.appendingPathComponent("Pipelines/standard.yaml"), encoding: .utf8)
        for (old, new) in replacements {
            #expect(yaml.components(separatedBy: old).count == 2, "'\(old)' must occur once")
            yaml = yaml.replacingOccurrences(of: old, with: new)
        }
        yaml = yaml.replacingOccurrences(of: "targets_file: targets.csv", with: "# no targets")
        let path = drop + "-pipeline.yaml"
        try BinaryHarness.write(yaml, to: path)
        return path
    }

    static let channelDefault = ("        aliases: [渠道, 受理渠道, 来源]\n", "        aliases: [渠道, 受理渠道, 来源]\n        default: online\n")
    static let statusOptional = ("      status:\n        type: enum\n        required: true\n", "      status:\n        type: enum\n")

    @Test("requests that name only their street (所属街道) count at the street and above, at no community or grid")
    func streetAlone() throws {
        let drop = try BinaryHarness.temporaryFolder("street-alone")
        try SmallDropFixture.write(to: drop, requests: false)
        // R1, R3 at S1 (by its name and by its alias 绣林), R2 at S2.
        try BinaryHarness.write(
            """
            工单编号,受理时间,渠道,所属街道,办理状态,办结时间,满意度
            R1,2022-04-01,热线,绣林街道,已办结,2022-04-05,满意
            R2,2022-04-02,热线,笔架山街道,办理中,,
            R3,2022-04-03,网络,绣林,已办结,2022-04-04,

            """, to: drop + "/requests.csv")
        let out = drop + "-out"
        let r = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out], environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try rows(out + "/indicators.csv")
        #expect(csv["S1/requests_received"]?[5] == "2")
        #expect(csv["S2/requests_received"]?[5] == "1")
        #expect(csv["D/requests_received"]?[5] == "3")
        #expect(csv["C/requests_received"]?[5] == "3")
        for unit in ["K1", "K2", "K3", "K4", "G1", "G2"] { #expect(csv["\(unit)/requests_received"]?[5] == "0", "\(unit)") }
        // S1: both resolved; the city: 2 of 3.
        #expect(csv["S1/resolution_rate"]?[5...7] == ["1", "2", "2"])
        #expect(csv["C/resolution_rate"]?[5...7] == ["0.666667", "2", "3"])
        let validate = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"])
        #expect(validate.status == 0, "\(validate.stdout)")
        #expect(validate.stdout.contains(#""errors": 0"#))
    }

    @Test("default: online for channel: a file without a channel column is read, every request online")
    func channelDefault() throws {
        let drop = try BinaryHarness.temporaryFolder("channel-default")
        try SmallDropFixture.write(to: drop, requests: false)
        try BinaryHarness.write(
            """
            诉求编号,受理时间,社区,办理状态,办结时间,满意度
            W1,2022-04-01,栗田湖社区,已办结,2022-04-05,满意
            W2,2022-04-02,金银社区,办理中,,
            W3,2022-05-03,金银社区,已答复,2022-05-04,不满意

            """, to: drop + "/requests.csv")
        // The standard pipeline needs channel: the file is not read.
        let standard = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"])
        #expect(standard.status == 1)
        #expect(standard.stdout.contains(#""code": "missing-column""#) && standard.stdout.contains(#""column": "channel""#))
        // With `default: online` it is.
        let pipeline = try pipeline(for: drop, [Self.channelDefault])
        let out = drop + "-out"
        let r = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", out, "--pipeline", pipeline], environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        // Only the datasets the small drop does not have.
        #expect(try findings(out + "/findings.json").map { $0["code"] as? String } == ["missing-file", "missing-file"])
        let csv = try rows(out + "/indicators.csv")
        #expect(csv["C/requests_received"]?[5] == "3")
        #expect(csv["C/resolution_rate"]?[5...7] == ["0.333333", "1", "3"])
        let evaluation =
            try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: out + "/indicators.json")))
            as! [String: Any]
        let breakdowns = evaluation["breakdowns"] as! [[String: Any]]
        let channels = try #require(breakdowns.first { $0["name"] as? String == "requests_by_channel" })
        let counts = Dictionary(
            uniqueKeysWithValues: (channels["slices"] as! [[String: Any]]).map { ($0["value"] as! String, $0["count"] as! Int) })
        #expect(counts == ["hotline": 0, "online": 3, "media": 0, "visit": 0, "letter": 0, "other": 0])
        // The normalise stage writes the default into its canonical rows.
        let stages = drop + "-stages"
        #expect(
            try BinaryHarness.run(["normalise", "--data", drop, "--period", "2022Q2", "--out", stages, "--pipeline", pipeline]).status == 0)
        let canonical = try String(contentsOfFile: stages + "/requests.csv", encoding: .utf8)
        #expect(canonical.contains("W1,2022-04-01,online,,resolved,2022-04-05,satisfied,K1,2\n"))
    }

    @Test("a requests file without status: no resolution_rate rows, a warning naming status and the indicators left out")
    func noStatus() throws {
        let drop = try BinaryHarness.temporaryFolder("no-status")
        try SmallDropFixture.write(to: drop, requests: false)
        try BinaryHarness.write(
            """
            诉求编号,受理时间,社区,满意度
            W1,2022-04-01,栗田湖社区,满意
            W2,2022-04-02,金银社区,
            W3,2022-05-03,金银社区,不满意

            """, to: drop + "/requests.csv")
        // A web platform's pipeline: channel online, status optional.
        let pipeline = try pipeline(for: drop, [Self.channelDefault, Self.statusOptional])
        let base = drop + "-out"
        let r = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", base + "/run", "--pipeline", pipeline],
            environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: base + "/run/indicators.csv", encoding: .utf8)
        for left in ["resolution_rate", "response_rate", "ontime_rate", "mean_days_to_close", "requests_resolved", "requests_open"] {
            #expect(!text.contains(",\(left),"), "\(left)")
        }
        let csv = try rows(base + "/run/indicators.csv")
        #expect(csv["C/requests_received"]?[5] == "3")
        #expect(csv["C/satisfaction_rate"]?[5...7] == ["0.5", "1", "2"])
        // Two warnings: status, and closed_at (also in no file: on-time rate and days to close).
        let warnings = try findings(base + "/run/findings.json").filter { $0["code"] as? String == "missing-column" }
        #expect(warnings.map { $0["column"] as? String } == ["closed_at", "status"])
        let w = try #require(warnings.first { $0["column"] as? String == "status" })
        #expect(w["severity"] as? String == "warning")
        #expect(w["dataset"] as? String == "requests")
        #expect(w["column"] as? String == "status")
        #expect(w["file"] is NSNull)
        #expect(
            w["message"] as? String == "requests 的文件都没有 status 列（表头可写作 status、办理状态、状态），依赖它的指标不予计算："
                + "requests_resolved、requests_in_progress、requests_explained、requests_open、resolution_rate、response_rate、ontime_rate、"
                + "mean_days_to_close；按它分类的图表不予绘制：requests_by_status")
        // The stages leave out the same indicators: normalise's canonical files carry an empty
        // status column, but the warning travels in its stage record.
        for args in [
            ["ingest", "--data", drop, "--out", base + "/ingest"],
            ["normalise", "--data", base + "/ingest", "--period", "2022Q2", "--out", base + "/normalise", "--pipeline", pipeline],
            ["aggregate", "--in", base + "/normalise", "--out", base + "/aggregate", "--pipeline", pipeline],
        ] {
            let s = try BinaryHarness.run(args, environment: epoch)
            #expect(s.status == 0, "\(args[0]): \(s.stderr)")
        }
        #expect(
            FileManager.default.contents(atPath: base + "/aggregate/indicators.csv")
                == FileManager.default.contents(atPath: base + "/run/indicators.csv"))
        // In English too.
        let en = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--pipeline", pipeline, "--lang", "en"])
        #expect(en.status == 0)
        #expect(
            en.stdout.contains(
                "no file of requests has the column status (headers accepted: status, 办理状态, 状态); the indicators that depend on it are left out: requests_resolved"
            ))
    }

    @Test("单位编号 in units.csv: the finding suggests 单位编码, in Chinese and in English")
    func headerSuggestion() throws {
        let drop = try BinaryHarness.temporaryFolder("header-suggestion")
        try SmallDropFixture.write(to: drop)
        try BinaryHarness.write(SmallDropFixture.units.replacingOccurrences(of: "单位编码,", with: "单位编号,"), to: drop + "/units.csv")
        let r = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json"])
        #expect(r.status == 1)
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let all = o["findings"] as! [[String: Any]]
        let missing = try #require(all.first { $0["code"] as? String == "missing-column" && $0["file"] as? String == "units.csv" })
        #expect(missing["column"] as? String == "unit_id")
        #expect(missing["line"] as? Int == 1)
        #expect(
            missing["message"] as? String
                == "缺少必需的列 unit_id（表头可写作 unit_id、单位编码、编码、代码），该文件未被读取；文件中的 单位编号 是否应为 单位编码？")
        let unknown = try #require(all.first { $0["code"] as? String == "unknown-column" && $0["file"] as? String == "units.csv" })
        #expect(unknown["value"] as? String == "单位编号")
        #expect(unknown["message"] as? String == "无法识别的列“单位编号”，已忽略；是否应为 单位编码 (unit_id)？")
        let en = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--lang", "en"])
        #expect(en.stdout.contains("is 单位编号 in the file meant to be 单位编码?"), "\(en.stdout)")
        #expect(en.stdout.contains("unknown column '单位编号' ignored; did you mean 单位编码 (unit_id)?"))
    }
}
