import Foundation
import Testing

/// Mistyped command lines (issue 13): the typo is named, the nearest option or subcommand
/// suggested, and the exit status is 2; through the real binary.
@Suite("Usage errors name the typo and suggest the nearest option or subcommand")
struct UsageErrorBinaryTests {
    @Test("--perod is an unknown option with --period suggested, not --period missing")
    func mistypedOption() throws {
        let zh = try BinaryHarness.run(["run", "--data", ".", "--perod", "2022Q2", "--out", "out"])
        #expect(zh.status == 2)
        #expect(zh.stderr.hasPrefix("jiceng: usage: 没有选项 --perod，是不是要用 --period？\n"), "\(zh.stderr)")
        #expect(zh.stderr.contains("\n用法：jiceng run [<选项>] --data <目录> --period <统计期> --out <目录>\n"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("Missing expected argument"), "\(zh.stderr)")

        let en = try BinaryHarness.run(["run", "--data", ".", "--perod", "2022Q2", "--out", "out", "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.hasPrefix("jiceng: usage: unknown option --perod; did you mean --period?\n"), "\(en.stderr)")
        #expect(en.stderr.contains("\nUsage: jiceng run [<options>] --data <folder> --period <period> --out <folder>\n"), "\(en.stderr)")
    }

    @Test("valdate is an unknown subcommand with validate suggested, not an unknown --data")
    func mistypedSubcommand() throws {
        let zh = try BinaryHarness.run(["valdate", "--data", "."])
        #expect(zh.status == 2)
        #expect(zh.stderr.hasPrefix("jiceng: usage: 没有子命令 valdate，是不是要用 validate？\n"), "\(zh.stderr)")
        #expect(!zh.stderr.contains("Unknown option"), "\(zh.stderr)")

        let en = try BinaryHarness.run(["valdate", "--data", "."], environment: ["LANG": "en_US.UTF-8"])
        #expect(en.stderr.hasPrefix("jiceng: usage: unknown subcommand valdate; did you mean validate?\n"), "\(en.stderr)")

        let nested = try BinaryHarness.run(["history", "lst"])
        #expect(nested.status == 2)
        #expect(nested.stderr.hasPrefix("jiceng: usage: 没有子命令 lst，是不是要用 list？\n"), "\(nested.stderr)")
        // Nothing close: the subcommands are listed instead.
        let far = try BinaryHarness.run(["xyz"])
        #expect(
            far.stderr.hasPrefix(
                "jiceng: usage: 没有子命令 xyz；可用的子命令：run, validate, ingest, normalise, normalize, aggregate, report, sample, history\n"),
            "\(far.stderr)")
    }

    @Test("values: one of a list (with a suggestion), a number, a missing value, a flag given a value")
    func values() throws {
        let format = try BinaryHarness.run(["validate", "--data", ".", "--format", "jsn"])
        #expect(format.status == 2)
        #expect(format.stderr.hasPrefix("jiceng: usage: 选项 --format 的值 «jsn» 无效，是不是要用 json？\n"), "\(format.stderr)")
        let lang = try BinaryHarness.run(["validate", "--data", ".", "--lang", "fr"])
        #expect(lang.stderr.hasPrefix("jiceng: usage: 选项 --lang 的值 «fr» 无效；可用的值：zh、en\n"), "\(lang.stderr)")
        let number = try BinaryHarness.run(["validate", "--data", ".", "--max-findings", "many"])
        #expect(number.status == 2)
        #expect(
            number.stderr.hasPrefix("jiceng: usage: 选项 --max-findings 的值 «many» 无效\n说明：--max-findings <条数>  每个文件每种问题"),
            "\(number.stderr)")
        let missing = try BinaryHarness.run(["validate", "--data"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("jiceng: usage: 选项 --data <目录> 后面缺少值\n"), "\(missing.stderr)")
        let flag = try BinaryHarness.run(["run", "--data", ".", "--period", "2022Q2", "--out", "o", "--strict=yes"])
        #expect(flag.status == 2)
        #expect(flag.stderr.hasPrefix("jiceng: usage: 开关 --strict 不带值（写成 --strict，不要写 --strict=yes）\n"), "\(flag.stderr)")
        let both = try BinaryHarness.run(["validate", "--data", ".", "--quiet", "--verbose"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("jiceng: usage: --quiet 和 --verbose 不能同时使用\n"), "\(both.stderr)")
        let several = try BinaryHarness.run(["run", "--data", "."])
        #expect(several.stderr.hasPrefix("jiceng: usage: 缺少必需的选项 --period <统计期>、--out <目录>\n"), "\(several.stderr)")
    }
}
