import Foundation
import Testing

/// Targets that catch mistakes, through the real binary: a rate target written `91` stops the
/// run, a missing year and an unknown unit are warnings on stderr and in manifest.json, and an
/// overlay file changes exactly the targets it names.
@Suite("targets files: mistakes, warnings and overlays, through the real binary")
struct TargetsBinaryTests {
    static let header = "year,indicator,level,unit_id,comparator,target,warning,prorate"
    static let epoch = ["SOURCE_DATE_EPOCH": "1656633600"]

    /// The small drop (SmallDropFixture) in a fresh folder, and a work folder beside it for
    /// targets files and outputs.
    private func setUp(_ name: String) throws -> (drop: String, work: String) {
        let drop = try BinaryHarness.temporaryFolder(name)
        try SmallDropFixture.write(to: drop)
        let work = drop + "-work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        return (drop, work)
    }

    private func cleanUp(_ folders: String...) {
        for f in folders { try? FileManager.default.removeItem(atPath: f) }
    }

    private func targets(_ rows: [String], at path: String) throws -> String {
        try BinaryHarness.write(([Self.header] + rows).joined(separator: "\n") + "\n", to: path)
        return path
    }

    private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private func manifest(_ out: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// indicators.csv as its lines after the header.
    private func lines(_ out: String) throws -> [String] {
        Array(try text(out + "/indicators.csv").split(separator: "\n").dropFirst().map(String.init))
    }

    @Test("a rate target written 91: run and validate exit 2 naming file:line:column, suggesting 91% (zh and en); nothing written")
    func rateTargetWithoutPercent() throws {
        let (drop, work) = try setUp("t-91")
        defer { cleanUp(drop, work) }
        let bad = try targets(["2022,response_rate,,,>=,98%,0.02,none", "2022,诉求解决率,,,>=,91,0.03,none"], at: work + "/targets.csv")
        let out = work + "/out"
        let zh = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets", bad])
        #expect(zh.status == 2)
        #expect(
            zh.stderr == "jiceng: \(bad):3:6 (key 'target'): targets-invalid: 目标值 «91» 即 9100%，而 resolution_rate（诉求解决率）是比率，"
                + "目标值应在 0 到 1 之间（0% 到 100%）；是否应为 «91%»？\n", "\(zh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let en = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets", bad, "--lang", "en"])
        #expect(en.status == 2)
        #expect(
            en.stderr == "jiceng: \(bad):3:6 (key 'target'): targets-invalid: target '91' means 9100%, but resolution_rate (诉求解决率) "
                + "is a rate: its target lies between 0 and 1 (0% to 100%); did you mean '91%'?\n", "\(en.stderr)")
        // As an overlay, and in validate, the same error.
        let overlay = try BinaryHarness.run([
            "run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets-overlay", bad, "--lang", "en",
        ])
        #expect(overlay.status == 2)
        #expect(overlay.stderr == en.stderr)
        let validate = try BinaryHarness.run(["validate", "--data", drop, "--targets", bad, "--lang", "en", "--format", "json"])
        #expect(validate.status == 2)
        #expect(validate.stdout.isEmpty)
        #expect(validate.stderr == en.stderr)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a targets file with no row for the period's year: a warning naming it; the run goes on and every status is no_target")
    func missingYear() throws {
        let (drop, work) = try setUp("t-year")
        defer { cleanUp(drop, work) }
        let only2023 = try targets(
            ["2023,resolution_rate,,,>=,92%,0.03,none", "2023,ontime_rate,,,>=,0.9,0.05,none"], at: work + "/targets-2023.csv")
        let out = work + "/out"
        let r = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets", only2023], environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let warning = "jiceng: \(only2023): 警告 no-targets-for-year: 没有 2022 年的目标（文件中是 2023 年的目标），本期所有指标的状态都将是 no_target（无目标）\n"
        #expect(r.stderr.hasPrefix(warning), "\(r.stderr)")
        #expect(r.stderr.hasSuffix(" · 目标：\(only2023)（1 个警告）\n"), "\(r.stderr)")
        let statuses = Set(try lines(out).map { $0.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? "" })
        #expect(statuses == ["no_target"])
        let m = try manifest(out)
        #expect(m["targets"] as? String == only2023)
        let warnings = try #require(m["targets_warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["code"] as? String == "no-targets-for-year")
        #expect(warnings.first?["file"] as? String == only2023)
        #expect(warnings.first?["value"] as? String == "2022")
        #expect(warnings.first?["line"] == nil)
        // findings.json stays the drop's findings (contract §7): no targets warning in it.
        #expect(!(try text(out + "/findings.json")).contains("no-targets-for-year"))
        // validate prints it too (on stderr, in English with --lang en); the drop's own errors still exit 1.
        let v = try BinaryHarness.run([
            "validate", "--data", drop, "--period", "2022Q2", "--targets", only2023, "--lang", "en", "--format", "json",
        ])
        #expect(v.status == 1)
        #expect(v.stdout.hasPrefix("{\n  \"errors\": "))
        #expect(!v.stdout.contains("no-targets-for-year"))
        #expect(
            v.stderr == "jiceng: \(only2023): warning no-targets-for-year: no target for 2022 (it holds targets for 2023): "
                + "every indicator's status will be no_target\n", "\(v.stderr)")
        // The built-in targets for a year they do not cover.
        let v2020 = try BinaryHarness.run(["validate", "--data", drop, "--period", "2020", "--lang", "en", "--format", "json"])
        #expect(
            v2020.stderr.contains(
                "jiceng: built-in:Pipelines/targets.csv: warning no-targets-for-year: no target for 2020 (it holds targets for 2021–2024)"),
            "\(v2020.stderr)")
        // …and none for a year they cover, nor without a period.
        for period in [["--period", "2022Q2"], []] {
            let clean = try BinaryHarness.run(["validate", "--data", drop, "--format", "json"] + period)
            #expect(clean.stderr.isEmpty, "\(clean.stderr)")
        }
    }

    @Test("an unknown unit_id: a warning at its file and line (run, validate, report) and in manifest.json; the run goes on")
    func unknownUnit() throws {
        let (drop, work) = try setUp("t-unit")
        defer { cleanUp(drop, work) }
        let local = try targets(
            [
                "2022,resolution_rate,,K1,>=,100%,0,none",  // 2: a unit of the drop
                "2022,resolution_rate,,K9,>=,100%,0,none",  // 3: no such unit (K1…K4 are near: did you mean K1?)
                "2022,resolution_rate,,绣林街道,>=,95%,0,none",  // 4: a name, not an id
            ], at: work + "/local.csv")
        let out = work + "/out"
        let r = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", out, "--targets-overlay", local, "--lang", "en"],
            environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = [
            "jiceng: \(local):3 (key 'unit_id'): warning unknown-unit: unit_id 'K9' is no unit of the drop's units: the row applies to no unit; did you mean 'K1' (栗田湖社区)?",
            "jiceng: \(local):4 (key 'unit_id'): warning unknown-unit: unit_id '绣林街道' is no unit of the drop's units: the row applies to no unit; '绣林街道' is the name of unit S1: write its unit_id, S1",
        ]
        let stderr = r.stderr.split(separator: "\n").map(String.init)
        #expect(Array(stderr.prefix(2)) == expected, "\(r.stderr)")
        #expect(stderr.last?.hasSuffix(" · targets: built-in:Pipelines/targets.csv + \(local) (2 warnings)") == true, "\(r.stderr)")
        let warnings = try #require(try manifest(out)["targets_warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["line"] as? Int } == [3, 4])
        #expect(warnings.map { $0["value"] as? String } == ["K9", "绣林街道"])
        #expect(
            warnings.allSatisfy {
                $0["code"] as? String == "unknown-unit" && $0["column"] as? String == "unit_id" && $0["file"] as? String == local
            })
        // The known unit's row applies.
        #expect(try lines(out).contains { $0.hasPrefix("2022Q2,K1,栗田湖社区,community,resolution_rate,1,1,1,1,>=,met") })
        // validate (default language zh) and report say the same.
        let v = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--targets-overlay", local])
        #expect(v.stderr.contains("jiceng: \(local):3 (key 'unit_id'): 警告 unknown-unit: 单位编码 «K9» 不是数据包组织架构（units）中的单位"), "\(v.stderr)")
        let again = work + "/again"
        let report = try BinaryHarness.run(["report", "--in", out, "--out", again, "--targets-overlay", local, "--lang", "en"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr.split(separator: "\n").map(String.init) == expected)
    }

    @Test("an overlay changes exactly the target column of the rows it replaces; the manifest and closing line name both files")
    func overlay() throws {
        let (drop, work) = try setUp("t-overlay")
        defer { cleanUp(drop, work) }
        let plain = work + "/plain"
        let layered = work + "/layered"
        #expect(try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", plain], environment: Self.epoch).status == 0)
        // Replaces the built-in 2022 resolution_rate row for any unit (91%, margin 0.03), and adds a
        // row for K1's satisfaction rate (the built-in 92% for any unit stays for every other unit).
        let local = try targets(["2022,诉求解决率,,,>=,80%,0.03,none", "2022,satisfaction_rate,,K1,>=,100%,0,none"], at: work + "/local.csv")
        let r = try BinaryHarness.run(
            ["run", "--data", drop, "--period", "2022Q2", "--out", layered, "--targets-overlay", local],
            environment: Self.epoch)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasSuffix(" · 目标：built-in:Pipelines/targets.csv + \(local)\n"), "\(r.stderr)")
        let before = try lines(plain)
        let after = try lines(layered)
        #expect(before.count == after.count)
        var changed: [String] = []
        for (a, b) in zip(before, after) where a != b {
            let x = a.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let y = b.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // Only the target column (9th) differs; value, comparator and status stay (worked out below).
            #expect(Array(x[0..<8]) == Array(y[0..<8]) && Array(x[9...]) == Array(y[9...]), "\(a) → \(b)")
            changed.append("\(x[1])/\(x[4]): \(x[8]) → \(y[8])")
        }
        // Every unit's resolution rate (10 units) goes from 0.91 to 0.8, and K1's satisfaction rate
        // from 0.92 to 1. Resolution rates 1/3 (C, D), 1 (S1, K1), 0 (S2, K2, K4) and none (K3, G1,
        // G2) are missed, met, missed and no_data against both; K1's 1 of 1 satisfied meets both.
        #expect(
            changed.sorted() == [
                "C/resolution_rate: 0.91 → 0.8", "D/resolution_rate: 0.91 → 0.8", "G1/resolution_rate: 0.91 → 0.8",
                "G2/resolution_rate: 0.91 → 0.8", "K1/resolution_rate: 0.91 → 0.8", "K1/satisfaction_rate: 0.92 → 1",
                "K2/resolution_rate: 0.91 → 0.8", "K3/resolution_rate: 0.91 → 0.8", "K4/resolution_rate: 0.91 → 0.8",
                "S1/resolution_rate: 0.91 → 0.8", "S2/resolution_rate: 0.91 → 0.8",
            ])
        let m = try manifest(layered)
        #expect(m["targets"] as? String == "built-in:Pipelines/targets.csv")
        #expect(m["targets_overlays"] as? [String] == [local])
        #expect(m["targets_warnings"] == nil)
        // Without an overlay the manifest has no overlay key (outputs as before this option).
        #expect(try manifest(plain)["targets_overlays"] == nil)
        #expect(try manifest(plain)["targets"] as? String == "built-in:Pipelines/targets.csv")

        // On a --targets base file: the manifest names both; the overlay's row wins over the base row with its key.
        let base = try targets(
            ["2022,resolution_rate,,,>=,50%,0,none", "2022,resolution_rate,community,,>=,60%,0,none"], at: work + "/base.csv")
        let both = work + "/both"
        let b = try BinaryHarness.run(
            [
                "run", "--data", drop, "--period", "2022Q2", "--out", both, "--targets", base, "--targets-overlay", local,
                "--lang", "en",
            ], environment: Self.epoch)
        #expect(b.status == 0, "\(b.stderr)")
        #expect(b.stderr.hasSuffix(" · targets: \(base) + \(local)\n"), "\(b.stderr)")
        let mb = try manifest(both)
        #expect(mb["targets"] as? String == base)
        #expect(mb["targets_overlays"] as? [String] == [local])
        let rows = try lines(both)
        #expect(rows.contains("2022Q2,C,石首市,city,resolution_rate,0.333333,1,3,0.8,>=,missed"))  // local.csv:2 replaced base.csv:2
        #expect(rows.contains("2022Q2,K2,金银社区,community,resolution_rate,0,0,1,0.6,>=,missed"))  // base.csv:3 is more specific
        #expect(rows.contains { $0.hasPrefix("2022Q2,K1,栗田湖社区,community,satisfaction_rate,1,1,1,1,>=,met") })

        // report re-applies the same layers to the plain run: the same indicators.csv as the layered run.
        let reapplied = work + "/reapplied"
        let rep = try BinaryHarness.run(["report", "--in", plain, "--out", reapplied, "--targets-overlay", local], environment: Self.epoch)
        #expect(rep.status == 0, "\(rep.stderr)")
        #expect(try text(reapplied + "/indicators.csv") == (try text(layered + "/indicators.csv")))
        #expect(try manifest(reapplied)["targets_overlays"] as? [String] == [local])
    }
}
