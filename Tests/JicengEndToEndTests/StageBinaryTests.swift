import Foundation
import Testing

@Suite("stages alone, pipelines and targets, through the real binary")
struct StageBinaryTests {
    private let epoch = ["SOURCE_DATE_EPOCH": "1656633600"]

    @Test("ingest → normalise → aggregate → report gives run's indicators.csv and findings at the drop's lines")
    func stagesEqualRun() throws {
        let drop = try BinaryHarness.temporaryFolder("stages")
        try SmallDropFixture.write(to: drop)
        let base = drop + "-out"
        func run(_ args: [String]) throws {
            let r = try BinaryHarness.run(args, environment: epoch)
            #expect(r.status == 0, "\(args[0]): \(r.stderr)")
        }
        try run(["run", "--data", drop, "--period", "2022Q2", "--out", base + "/run"])
        try run(["ingest", "--data", drop, "--out", base + "/ingest"])
        try run(["normalise", "--data", base + "/ingest", "--period", "2022Q2", "--out", base + "/normalise"])
        try run(["aggregate", "--in", base + "/normalise", "--out", base + "/aggregate"])
        try run(["report", "--in", base + "/aggregate", "--out", base + "/report"])
        let expected = FileManager.default.contents(atPath: base + "/run/indicators.csv")
        #expect(expected != nil)
        #expect(FileManager.default.contents(atPath: base + "/aggregate/indicators.csv") == expected)
        #expect(FileManager.default.contents(atPath: base + "/report/indicators.csv") == expected)
        // Canonical rows: canonical values, resolved unit, original line.
        let canonical = try String(contentsOfFile: base + "/normalise/requests.csv", encoding: .utf8)
        #expect(canonical.hasPrefix("request_id,received_at,channel,category,status,closed_at,satisfaction,unit_id,_line\n"))
        #expect(canonical.contains("R2,2022-04-02,online,,in_progress,,,K4,3\n"))
        #expect(!canonical.contains("R1,2022-04-11"))  // the duplicate R1 is not a canonical row
        // Findings keep the drop's positions through the stages.
        func positions(_ path: String) throws -> [String] {
            let o = try JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: path)!) as! [String: Any]
            return (o["findings"] as! [[String: Any]]).map { "\($0["code"]!)@\($0["line"] ?? "-")" }
        }
        #expect(try positions(base + "/normalise/findings.json") == positions(base + "/run/findings.json"))
    }

    @Test("report re-applies changed targets without re-reading the drop")
    func reportWithNewTargets() throws {
        let drop = try BinaryHarness.temporaryFolder("retarget")
        try SmallDropFixture.write(to: drop)
        let out = drop + "-run"
        let again = drop + "-again"
        #expect(try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out]).status == 0)
        try FileManager.default.removeItem(atPath: drop)  // the drop is gone: report must not need it
        let targets = out + "-targets.csv"
        try BinaryHarness.write("年度,指标,层级,单位编码,比较,目标值,预警幅度,分解方式\n2022,resolution_rate,,,>=,30%,0,none\n", to: targets)
        let r = try BinaryHarness.run(["report", "--in", out, "--out", again, "--targets", targets])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: again + "/indicators.csv", encoding: .utf8)
        #expect(csv.contains("2022Q2,C,石首市,city,resolution_rate,0.333333,1,3,0.3,>=,met\n"))
    }

    @Test("an indicator added in a pipeline file is computed with no Swift change")
    func extraIndicator() throws {
        let drop = try BinaryHarness.temporaryFolder("extra")
        try SmallDropFixture.write(to: drop)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var yaml = try String(contentsOf: root.appendingPathComponent("Pipelines/standard.yaml"), encoding: .utf8)
        // Requests received through the 12345 hotline, and their share of all requests.
        yaml = yaml.replacingOccurrences(
            of: "\nmeasures:\n",
            with: """

                measures:
                  hotline_requests: {dataset: requests, aggregate: count, where: channel = hotline}

                """)
        yaml = yaml.replacingOccurrences(
            of: "\nindicators:\n",
            with: """

                indicators:
                  hotline_share:
                    title: {zh: 热线诉求占比, en: Hotline share}
                    numerator: hotline_requests
                    denominator: requests_received
                    display: percent

                """)
        let pipeline = drop + "-pipeline.yaml"
        try BinaryHarness.write(yaml.replacingOccurrences(of: "targets_file: targets.csv", with: "# no targets"), to: pipeline)
        let out = drop + "-out"
        let r = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out, "--pipeline", pipeline])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        // In period: R1 via 12345热线 (hotline), R2 网络 (online), R3 走访 (visit) → 1/3.
        #expect(csv.contains("2022Q2,C,石首市,city,hotline_share,0.333333,1,3,,,no_target\n"))
    }

    @Test("a broken pipeline file exits 2 naming the file, the line and the key")
    func brokenPipeline() throws {
        let drop = try BinaryHarness.temporaryFolder("broken")
        try SmallDropFixture.write(to: drop)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let standard = try String(contentsOf: root.appendingPathComponent("Pipelines/standard.yaml"), encoding: .utf8)
        // Break one key: the numerator of resolution_rate names a measure that does not exist.
        var lines = standard.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("  resolution_rate:") })
        let target = try #require(lines[start...].firstIndex { $0.contains("numerator: requests_resolved") })
        lines[target] = lines[target].replacingOccurrences(of: "requests_resolved", with: "no_such_measure")
        let pipeline = drop + "-broken.yaml"
        try BinaryHarness.write(
            lines.joined(separator: "\n").replacingOccurrences(of: "targets_file: targets.csv", with: "# no targets"),
            to: pipeline)
        let r = try BinaryHarness.run(["validate", "--data", drop, "--pipeline", pipeline])
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.yaml"))
        #expect(r.stderr.contains("broken.yaml:\(target + 1):"), "\(r.stderr)")
        #expect(r.stderr.contains("indicators.resolution_rate.numerator"))
    }
}
