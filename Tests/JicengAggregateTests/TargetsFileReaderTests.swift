import Foundation
import JicengCore
import JicengPipeline
import Testing

@testable import JicengAggregate
@testable import JicengRun

/// The targets reader (contract §6): what it accepts, and each mistake refused at its file, line
/// and column with the value probably meant.
@Suite("targets files: reading and refusing mistakes")
struct TargetsFileReaderTests {
    static let header = "year,indicator,level,unit_id,comparator,target,warning,prorate"
    let pipeline = PipelineLoader.standard

    private func read(_ lines: [String]) throws -> TargetsFile {
        try TargetsFileReader.read(text: lines.joined(separator: "\n") + "\n", name: "my-targets.csv", pipeline: pipeline)
    }

    /// The error reading `lines` throws (nil when it reads).
    private func error(_ lines: [String]) -> JicengError? {
        do {
            _ = try read(lines)
            return nil
        } catch let error as JicengError {
            return error
        } catch {
            Issue.record("not a JicengError: \(error)")
            return nil
        }
    }

    /// Checks a refusal: code targets-invalid, exit 2, the place, and words of both messages.
    private func expectRefused(
        _ lines: [String], line: Int?, column: Int? = nil, key: String? = nil, zh: [String], en: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let e = error(lines) else {
            Issue.record("accepted: \(lines)", sourceLocation: sourceLocation)
            return
        }
        #expect(e.code == .targetsInvalid, sourceLocation: sourceLocation)
        #expect(e.exitStatus == 2, sourceLocation: sourceLocation)
        #expect(
            e.location == SourceLocation(file: "my-targets.csv", line: line, column: column, key: key), "\(e)",
            sourceLocation: sourceLocation)
        let text = e.localizedMessage ?? LocalizedText(zh: "", en: "")
        for word in zh { #expect(text.zh.contains(word), "«\(word)» not in \(text.zh)", sourceLocation: sourceLocation) }
        for word in en { #expect(text.en.contains(word), "'\(word)' not in \(text.en)", sourceLocation: sourceLocation) }
    }

    @Test("a Chinese header, indicators by Chinese and English title, level synonyms, ≥/≤, percentages; lines as in the file")
    func readsWhatPeopleWrite() throws {
        let file = try read([
            "年度,指标,层级,单位编码,比较,目标值,预警幅度,分解方式",
            "2022,诉求解决率,,,≥,91%,3%,",  // line 2
            "",  // line 3: blank, skipped
            "2022年,Mean days to close,街道,,≤,9,2,none",  // line 4: English title
            "2023,ｓｅｒｖｉｃｅｓ＿ｄｅｌｉｖｅｒｅｄ,街道,S1,＞＝,2000,60,LINEAR",  // line 5: full-width, upper case
        ])
        #expect(file.name == "my-targets.csv")
        #expect(
            file.rules == [
                TargetRule(
                    year: 2022, indicator: "resolution_rate", comparator: .atLeast, target: 0.91, warning: 0.03,
                    file: "my-targets.csv", line: 2),
                TargetRule(
                    year: 2022, indicator: "mean_days_to_close", level: .street, comparator: .atMost, target: 9, warning: 2,
                    file: "my-targets.csv", line: 4),
                TargetRule(
                    year: 2023, indicator: "services_delivered", level: .street, unitId: "S1", comparator: .atLeast, target: 2000,
                    warning: 60, prorate: .linear, file: "my-targets.csv", line: 5),
            ])
        #expect(file.rules[0].source == "my-targets.csv:2")
        // The column order is free, optional columns may be left out.
        let short = try read(["target,comparator,indicator,year", "0.9,>=,群众满意率,2024"])
        #expect(
            short.rules == [
                TargetRule(
                    year: 2024, indicator: "satisfaction_rate", comparator: .atLeast, target: 0.9,
                    file: "my-targets.csv", line: 2)
            ])
    }

    @Test("the standard targets read cleanly: 44 rows at lines 2–45, 2022's resolution rate 91% with margin 0.03")
    func standardTargets() throws {
        let file = try TargetsFileReader.read(text: StandardTargetsText.csv, name: "built-in:Pipelines/targets.csv", pipeline: pipeline)
        #expect(file.rules.count == 44)
        #expect(file.rules.map(\.line) == Array(2...45).map { Optional($0) })
        #expect(
            file.rules[1]
                == TargetRule(
                    year: 2022, indicator: "resolution_rate", comparator: .atLeast, target: 0.91, warning: 0.03,
                    file: "built-in:Pipelines/targets.csv", line: 3))
        // 95% is the double nearest 0.95 (95 ÷ 100), not 95 × 0.01 = 0.9500000000000001.
        #expect(file.rules.contains { $0.year == 2024 && $0.indicator == "satisfaction_rate" && $0.target == 0.95 })
    }

    @Test("a rate target written 91 for 91% is refused at its line and column, with '91%' suggested")
    func rateTargetAboveOne() {
        expectRefused(
            [Self.header, "2022,response_rate,,,>=,0.98,0.02,none", "2022,诉求解决率,,,>=,91,0.03,none"],
            line: 3, column: 6, key: "target",
            zh: ["«91»", "9100%", "resolution_rate（诉求解决率）是比率", "是否应为 «91%»？"],
            en: ["target '91' means 9100%", "resolution_rate (诉求解决率) is a rate", "did you mean '91%'?"])
        // Every rate, not just the resolution rate: 1.5 for a coverage would be 150%.
        expectRefused(
            [Self.header, "2022,grid_party_branch_coverage,,,>=,1.5,,"], line: 2, column: 6, key: "target",
            zh: ["150%", "是否应为 «1.5%»？"], en: ["means 150%", "did you mean '1.5%'?"])
        // Written as a percentage above 100%: refused, and nothing to suggest.
        expectRefused(
            [Self.header, "2022,resolution_rate,,,>=,910%,,"], line: 2, column: 6, key: "target",
            zh: ["«910%» 超过 100%"], en: ["'910%' is above 100%"])
        #expect(error([Self.header, "2022,resolution_rate,,,>=,910%,,"])?.localizedMessage?.en.contains("did you mean") == false)
        // 250 would be 25000%, and 250% is no rate either: no suggestion.
        #expect(error([Self.header, "2022,resolution_rate,,,>=,250,,"])?.localizedMessage?.en.contains("did you mean") == false)
        expectRefused(
            [Self.header, "2022,resolution_rate,,,>=,-5%,,"], line: 2, column: 6, key: "target",
            zh: ["小于 0"], en: ["is below 0"])
    }

    @Test("rate targets of 0, 1 and 100% are fine; other ratios and counts may be above 1")
    func targetsThatAreFine() throws {
        let file = try read([
            Self.header,
            "2022,resolution_rate,,,>=,1,,",
            "2022,resolution_rate,street,,>=,100%,,",
            "2022,requests_open,,,<=,0,,",
            "2022,mean_days_to_close,,,<=,9,2,",
            "2022,residents_per_grid_worker,,,<=,350,50,",
            "2022,services_per_1000_residents,,,>=,12,0.5,linear",
            "2022,services_delivered,street,,>=,2000,60,linear",
        ])
        #expect(file.rules.map(\.target) == [1, 1, 0, 9, 350, 12, 2000])
        #expect(file.rules.map(\.warning) == [0, 0, 0, 2, 50, 0.5, 60])
    }

    @Test("a rate's warning margin written 3 for 3% is refused with '3%' suggested")
    func rateMarginAboveOne() {
        expectRefused(
            [Self.header, "2022,resolution_rate,,,>=,91%,3,none"], line: 2, column: 7, key: "warning",
            zh: ["预警幅度 «3» 超过 1", "是否应为 «3%»？"], en: ["warning '3' is above 1", "did you mean '3%'?"])
        expectRefused(
            [Self.header, "2022,mean_days_to_close,,,<=,9,-2,none"], line: 2, column: 7, key: "warning",
            zh: ["不小于 0"], en: ["≥ 0"])
    }

    @Test("a misspelt indicator gets 'did you mean' with the indicator's title; an unknown one says how to name one")
    func misspeltIndicator() {
        expectRefused(
            [Self.header, "2022,resolution_rat,,,>=,91%,,"], line: 2, column: 2, key: "indicator",
            zh: ["«resolution_rat» 不是指标体系 standard 的指标", "是否应为 resolution_rate，即“诉求解决率”？"],
            en: ["did you mean resolution_rate, “诉求解决率”?"])
        expectRefused(
            [Self.header, "2022,诉求解决律,,,>=,91%,,"], line: 2, column: 2, key: "indicator",
            zh: ["是否应为 resolution_rate"], en: ["did you mean resolution_rate"])
        expectRefused(
            [Self.header, "2022,GDP,,,>=,1,,"], line: 2, column: 2, key: "indicator",
            zh: ["中文名称（诉求解决率）"], en: ["its title (诉求解决率)"])
        #expect(error([Self.header, "2022,GDP,,,>=,1,,"])?.localizedMessage?.en.contains("did you mean") == false)
    }

    @Test("header mistakes: an unknown column with a suggestion, a column twice, a required column missing")
    func headerMistakes() {
        expectRefused(
            ["year,indicater,comparator,target"], line: 1, column: 2,
            zh: ["未知的列 «indicater»（是否应为 «indicator»？）"], en: ["unknown column 'indicater' (did you mean 'indicator'?)"])
        expectRefused(
            ["年度,指标,比较,目标数"], line: 1, column: 4,
            zh: ["是否应为 «目标值»"], en: ["did you mean '目标值'?"])
        expectRefused(
            ["year,indicator,comparator,target,指标"], line: 1, column: 5,
            zh: ["列 indicator（指标）出现了两次：第 2 列和第 5 列"], en: ["appears twice: columns 2 and 5"])
        expectRefused(["year,indicator,comparator"], line: 1, zh: ["缺少必需的列 target（目标值）"], en: ["required column target (目标值) is missing"])
        expectRefused([""], line: nil, zh: ["目标文件是空的"], en: ["the targets file is empty"])
        // A trailing empty header cell (left by a spreadsheet) is ignored.
        #expect(error(["year,indicator,comparator,target,", "2022,grids,>=,1,"]) == nil)
    }

    @Test("cell mistakes, each at its column: year, level (with a suggestion), comparator, target, prorate, empty cells")
    func cellMistakes() {
        expectRefused(
            [Self.header, "22,resolution_rate,,,>=,91%,,"], line: 2, column: 1, key: "year",
            zh: ["«22» 不是四位数的年份"], en: ["year '22' is not a four-digit year"])
        expectRefused(
            [Self.header, "2022,resolution_rate,stret,,>=,91%,,"], line: 2, column: 3, key: "level",
            zh: ["«stret» 不是层级（是否应为 «street»？）"], en: ["'stret' is not a level (did you mean 'street'?)"])
        expectRefused(
            [Self.header, "2022,resolution_rate,,,=,91%,,"], line: 2, column: 5, key: "comparator",
            zh: ["比较 «=» 应为 >="], en: ["comparator '=' must be >="])
        expectRefused(
            [Self.header, "2022,resolution_rate,,,>=,九成,,"], line: 2, column: 6, key: "target",
            zh: ["目标值 «九成» 不是数字"], en: ["target '九成' is not a number"])
        expectRefused(
            [Self.header, "2022,resolution_rate,,,>=,91%,,monthly"], line: 2, column: 8, key: "prorate",
            zh: ["分解方式 «monthly»"], en: ["prorate 'monthly' must be none"])
        expectRefused(
            [Self.header, "2022,,,,>=,91%,,"], line: 2, column: 2, key: "indicator",
            zh: ["indicator（指标）为空"], en: ["indicator (指标) is empty"])
    }

    @Test("the first mistake in file order is reported: a malformed record at its line, after a good row")
    func firstMistakeInFileOrder() {
        expectRefused(
            [Self.header, "2022,resolution_rate,,,>=,91%,,", "2022,\"bad\"x,,,>=,1,,", "2022,nonsense,,,>=,1,,"],
            line: 3, zh: ["不是有效的 CSV"], en: ["malformed CSV"])
        expectRefused(
            [Self.header, "2022,nonsense,,,>=,1,,", "2022,\"bad\"x,,,>=,1,,"],
            line: 2, column: 2, key: "indicator", zh: ["«nonsense»"], en: ["'nonsense'"])
    }

    @Test("a missing file is targets-invalid naming it")
    func missingFile() {
        do {
            _ = try TargetsFileReader.read(path: "/nonexistent/targets.csv", pipeline: pipeline)
            Issue.record("read a missing file")
        } catch let e as JicengError {
            #expect(e.code == .targetsInvalid)
            #expect(e.location?.file == "/nonexistent/targets.csv")
            #expect(e.text(.zh).contains("无法读取目标文件"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("numbers: plain decimals and percentages, full-width digits; nothing else")
    func numbers() {
        #expect(TargetsFileReader.parseNumber("91%")! == (0.91, true))
        #expect(TargetsFileReader.parseNumber("0.91")! == (0.91, false))
        #expect(TargetsFileReader.parseNumber("１２")! == (12, false))
        #expect(TargetsFileReader.parseNumber(" 3 % ")! == (0.03, true))
        for bad in ["", "%", "1e3", "1,000", "九成", "nan", "inf"] {
            #expect(TargetsFileReader.parseNumber(bad) == nil, "\(bad)")
        }
    }
}
