import Foundation
import Testing

/// The analyst's language (issue 13): help and messages in Chinese by default, English with
/// `--lang en` or an English locale, through the real binary.
@Suite("Help and messages in Chinese by default, English on request")
struct LanguageBinaryTests {
    /// Every command's help, as it is asked for.
    static let helpCommands: [[String]] = [
        [], ["run"], ["validate"], ["ingest"], ["normalise"], ["aggregate"], ["report"], ["sample"],
        ["history"], ["history", "list"], ["history", "export"],
    ]

    @Test("every command's help is in Chinese by default, with examples, and fits 80 columns", arguments: helpCommands)
    func chineseHelp(_ command: [String]) throws {
        let r = try BinaryHarness.run(command + ["--help"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("用法：jiceng"), "\(r.stdout)")
        #expect(r.stdout.contains("示例：\n  # "), "\(r.stdout)")
        #expect(r.stdout.contains("显示帮助信息。"))
        for english in ["USAGE:", "OVERVIEW:", "OPTIONS:", "SUBCOMMANDS:", "Show help information", "(default:", "Examples:"] {
            #expect(!r.stdout.contains(english), "\(english) in \(command): \(r.stdout)")
        }
        // Chinese characters take two columns; no line may run past the terminal's 80.
        for line in r.stdout.split(separator: "\n") {
            #expect(Self.columns(line) <= 80, "\(command): \(line)")
        }
    }

    @Test("every command's help is in English with --lang en", arguments: helpCommands)
    func englishHelp(_ command: [String]) throws {
        // `--lang` before `--help`: help is given whatever follows, and the language is read first.
        let r = try BinaryHarness.run(command + ["--lang", "en", "--help"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("USAGE: jiceng"), "\(r.stdout)")
        #expect(r.stdout.contains("Examples:\n  # "), "\(r.stdout)")
        #expect(!r.stdout.contains("用法") && !r.stdout.contains("示例") && !r.stdout.contains("数据包"), "\(r.stdout)")
    }

    @Test("the locale decides when --lang is not given; --lang always wins")
    func locale() throws {
        func help(_ environment: [String: String], _ extra: [String] = []) throws -> String {
            try BinaryHarness.run(["run"] + extra + ["--help"], environment: environment).stdout
        }
        #expect(try help(["LANG": "en_US.UTF-8"]).hasPrefix("OVERVIEW: Compute indicators"))
        #expect(try help(["LANG": "zh_CN.UTF-8"]).hasPrefix("概述：计算一个统计期的指标"))
        #expect(try help(["LANG": "C.UTF-8"]).hasPrefix("概述："))  // no locale chosen: the analysts' language
        #expect(try help([:]).hasPrefix("概述："))  // unset
        #expect(try help(["LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"]).hasPrefix("OVERVIEW:"))  // LC_ALL first
        #expect(try help(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]).hasPrefix("OVERVIEW:"))
        #expect(try help(["LANG": "en_US.UTF-8"], ["--lang", "zh"]).hasPrefix("概述："))
        #expect(try help(["LANG": "zh_CN.UTF-8"], ["--lang=en"]).hasPrefix("OVERVIEW:"))
        // The default shown for --lang is the language in force.
        func unwrapped(_ text: String, _ separator: String) -> String {
            text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: separator)
        }
        #expect(unwrapped(try help(["LANG": "en_US.UTF-8"]), " ").contains("(values: zh, en; default: en)"))
        #expect(unwrapped(try help([:]), "").contains("（可选：zh、en；默认：zh）"))
    }

    @Test("usage errors are in Chinese by default: a missing option, a missing drop folder, a bad period")
    func chineseUsageErrors() throws {
        let missing = try BinaryHarness.run(["validate"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("jiceng: usage: 缺少必需的选项 --data <目录>\n"), "\(missing.stderr)")
        #expect(missing.stderr.contains("用法：jiceng validate --data <目录>"), "\(missing.stderr)")
        #expect(missing.stderr.contains("详见 jiceng validate --help"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("Error:") && !missing.stderr.contains("Missing"), "\(missing.stderr)")

        let folder = try BinaryHarness.run(["validate", "--data", "/nonexistent/jiceng"])
        #expect(folder.status == 2)
        #expect(
            folder.stderr == "jiceng: usage: 数据目录 /nonexistent/jiceng 不存在或不是目录；请用 --data 指定各单位报送的 CSV 文件所在的目录\n",
            "\(folder.stderr)")

        let period = try BinaryHarness.run(["validate", "--data", ".", "--period", "2022Q5"])
        #expect(period.status == 2)
        #expect(period.stderr.hasPrefix("jiceng: usage: 选项 --period 的值 «2022Q5» 无效：无法识别的统计期；可用写法："), "\(period.stderr)")
        #expect(!period.stderr.contains("The value"), "\(period.stderr)")

        let english = try BinaryHarness.run(["validate", "--data", ".", "--period", "2022Q5"], environment: ["LANG": "en_US.UTF-8"])
        #expect(
            english.stderr.hasPrefix("jiceng: usage: invalid value «2022Q5» for option --period: not a period; accepted forms:"),
            "\(english.stderr)")
    }

    @Test("the closing line of run, an I/O failure and a refused --out are in Chinese by default")
    func chineseMessages() throws {
        let drop = try BinaryHarness.temporaryFolder("lang-run")
        try SmallDropFixture.write(to: drop)
        let out = drop + "-out"
        let run = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.hasSuffix(
                "jiceng run：2022Q2 — 指标 \(try Self.dataRows(out + "/indicators.csv")) 行，5 个错误，3 个警告 → \(out) · 目标：built-in:Pipelines/targets.csv\n"
            ),
            "\(run.stderr)")
        // The hierarchy cannot be built without units: data-errors, in Chinese.
        let noUnits = try BinaryHarness.temporaryFolder("lang-nounits")
        let failed = try BinaryHarness.run(["run", "--data", noUnits, "--period", "2022Q2", "--out", noUnits + "-out"])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasSuffix("jiceng: data-errors: 无法从 units*.csv 建立单位层级，无法计算任何指标\n"), "\(failed.stderr)")
        #expect(failed.stderr.contains("错误 missing-file × 1"), "\(failed.stderr)")
        // The system's reason in Chinese, with its own words in brackets.
        let file = drop + "-file"
        try BinaryHarness.write("x", to: file)
        let io = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", file + "/sub/out"])
        #expect(io.status == 2)
        #expect(io.stderr == "jiceng: io-failure: 无法创建目录 \(file)：不是目录（Not a directory）\n", "\(io.stderr)")
    }

    /// The display width of a line: two columns for CJK and full-width characters.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    static func dataRows(_ path: String) throws -> String {
        let count = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count - 1
        var digits = String(count)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return digits + grouped
    }
}
