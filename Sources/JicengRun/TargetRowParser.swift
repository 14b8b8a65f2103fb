import JicengAggregate
import JicengCore
import JicengPipeline

/// Turns one record of a targets file into a `TargetRule`, refusing each cell that cannot mean
/// what its author wants: a `targets-invalid` error at the file, line and column, in Chinese and
/// English, naming the value and, when there is one, the value probably meant.
///
/// The check that matters most: a rate (`IndicatorSpec.isRate`) is a fraction, so a rate target
/// written `91` for `91%` — which would hold every unit to 9100% and turn the whole report red —
/// is an error that suggests `91%`; likewise a warning margin of `3` for `3%`.
struct TargetRowParser: Sendable {
    let pipeline: Pipeline
    let layout: TargetFileLayout
    let file: String
    /// Folded level names (canonical, and the pipeline's synonyms such as 街道) → level.
    private let levels: [String: UnitLevel]
    /// The level spellings, for suggestions.
    private let levelWords: [String]

    init(pipeline: Pipeline, layout: TargetFileLayout, file: String) {
        self.pipeline = pipeline
        self.layout = layout
        self.file = file
        var levels: [String: UnitLevel] = [:]
        var words: [String] = []
        for level in UnitLevel.allCases {
            for word in [level.rawValue] + (pipeline.levelSynonyms[level] ?? []) where levels[TextFolding.fold(word)] == nil {
                levels[TextFolding.fold(word)] = level
                words.append(word)
            }
        }
        self.levels = levels
        levelWords = words
    }

    /// The rule of the record at `line`, or nil for a blank record (every cell empty).
    func rule(line: Int, fields: [String]) throws -> TargetRule? {
        if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { return nil }
        func fail(_ column: TargetColumn, _ zh: String, _ en: String) -> JicengError {
            JicengError(
                .targetsInvalid, LocalizedText(zh: zh, en: en),
                at: SourceLocation(file: file, line: line, column: layout.position(of: column), key: column.name))
        }
        func cell(_ column: TargetColumn) -> String? { layout.cell(column, in: fields) }
        func required(_ column: TargetColumn) throws -> String {
            guard let text = cell(column) else {
                throw fail(column, "\(column.name)（\(column.chineseName)）为空", "\(column.name) (\(column.chineseName)) is empty")
            }
            return text
        }

        let yearText = try required(.year)
        var yearDigits = TextFolding.fold(yearText)
        if yearDigits.hasSuffix("年") { yearDigits.removeLast() }
        guard let year = Int(yearDigits), (1000...9999).contains(year) else {
            throw fail(.year, "年度 «\(yearText)» 不是四位数的年份，例如 2022", "year '\(yearText)' is not a four-digit year such as 2022")
        }

        let spec = try indicator(try required(.indicator), fail: { fail(.indicator, $0, $1) })
        let named = "\(spec.name)（\(spec.title.zh)）"
        let namedEn = "\(spec.name) (\(spec.title.zh))"

        var level: UnitLevel?
        if let text = cell(.level) {
            guard let found = levels[TextFolding.fold(text)] else {
                let guess = Suggestion.closest(to: TextFolding.fold(text), among: levelWords)
                throw fail(
                    .level, "«\(text)» 不是层级\(guess.map { "（是否应为 «\($0)»？）" } ?? "")；可用：\(levelWords.joined(separator: "、"))；留空表示所有层级",
                    "'\(text)' is not a level\(guess.map { " (did you mean '\($0)'?)" } ?? ""); levels: \(levelWords.joined(separator: ", ")); empty for every level"
                )
            }
            level = found
        }

        let comparator: Comparator
        let comparatorText = try required(.comparator)
        switch TextFolding.fold(comparatorText).filter({ $0 != " " }) {
        case ">=", "≥", "=>": comparator = .atLeast
        case "<=", "≤", "=<": comparator = .atMost
        default:
            throw fail(
                .comparator, "比较 «\(comparatorText)» 应为 >=（不低于目标）或 <=（不高于目标），也可写 ≥、≤",
                "comparator '\(comparatorText)' must be >= (at least the target) or <= (at most the target), also written ≥, ≤")
        }

        let targetText = try required(.target)
        guard let (target, targetPercent) = TargetsFileReader.parseNumber(targetText) else {
            throw fail(
                .target, "目标值 «\(targetText)» 不是数字；应写 0.9 或 90% 这样的数",
                "target '\(targetText)' is not a number such as 0.9 or 90%")
        }
        if spec.isRate && !(0...1).contains(target) {
            let guess = !targetPercent && target > 1 && target <= 100 ? targetText + "%" : nil
            let means = target < 0 ? "小于 0，" : (targetPercent ? "超过 100%，" : "即 \(Self.percent(target))，")
            let meansEn = target < 0 ? " is below 0, but" : (targetPercent ? " is above 100%, but" : " means \(Self.percent(target)), but")
            throw fail(
                .target,
                "目标值 «\(targetText)» \(means)而 \(named)是比率，目标值应在 0 到 1 之间（0% 到 100%）\(guess.map { "；是否应为 «\($0)»？" } ?? "")",
                "target '\(targetText)'\(meansEn) \(namedEn) is a rate: its target lies between 0 and 1 (0% to 100%)\(guess.map { "; did you mean '\($0)'?" } ?? "")"
            )
        }

        var warning = 0.0
        if let text = cell(.warning) {
            guard let (value, percent) = TargetsFileReader.parseNumber(text), value >= 0 else {
                throw fail(.warning, "预警幅度 «\(text)» 应是不小于 0 的数，例如 0.03 或 3%", "warning '\(text)' must be a number ≥ 0 such as 0.03 or 3%")
            }
            if spec.isRate && value > 1 {
                let guess = !percent && value <= 100 ? text + "%" : nil
                throw fail(
                    .warning,
                    "预警幅度 «\(text)» 超过 1（100 个百分点），会让所有未达标的单位都只是预警；\(named)是比率，预警幅度应在 0 到 1 之间\(guess.map { "；是否应为 «\($0)»？" } ?? "")",
                    "warning '\(text)' is above 1 (100 points) and would make every miss a mere warning; \(namedEn) is a rate: its margin lies between 0 and 1\(guess.map { "; did you mean '\($0)'?" } ?? "")"
                )
            }
            warning = value
        }

        var prorate = TargetRule.Prorate.none
        if let text = cell(.prorate) {
            guard let value = TargetRule.Prorate(rawValue: TextFolding.fold(text)) else {
                throw fail(
                    .prorate, "分解方式 «\(text)» 应为 none（全年目标，默认）或 linear（季度按目标的四分之一考核）",
                    "prorate '\(text)' must be none (the yearly target, the default) or linear (a quarter is held to a quarter of it)")
            }
            prorate = value
        }
        return TargetRule(
            year: year, indicator: spec.name, level: level, unitId: cell(.unitId), comparator: comparator,
            target: target, warning: warning, prorate: prorate, file: file, line: line)
    }

    /// The indicator a cell names, by name or title; a misspelt one is refused with the likely one.
    private func indicator(_ text: String, fail: (String, String) -> JicengError) throws -> IndicatorSpec {
        switch pipeline.lookUpIndicator(text) {
        case .found(let spec):
            return spec
        case .ambiguous(let specs):
            throw fail(
                "«\(text)» 是多个指标的名称：\(specs.map { "\($0.name)（\($0.title.zh)）" }.joined(separator: "、"))；请写指标名",
                "'\(text)' is the title of several indicators: \(specs.map { "\($0.name) (\($0.title.zh))" }.joined(separator: ", ")); write the indicator's name"
            )
        case .unknown(let suggestion):
            throw fail(
                "«\(text)» 不是指标体系 \(pipeline.name) 的指标\(suggestion.map { "（是否应为 \($0.name)，即“\($0.title.zh)”？）" } ?? "")；指标可写名称（resolution_rate）或中文名称（诉求解决率）",
                "'\(text)' is not an indicator of the pipeline \(pipeline.name)\(suggestion.map { " (did you mean \($0.name), “\($0.title.zh)”?)" } ?? ""); name an indicator by its name (resolution_rate) or its title (诉求解决率)"
            )
        }
    }

    /// 91 → `9100%`, 0.5 → `50%`: what a number means as a rate, for messages.
    static func percent(_ value: Double) -> String {
        DecimalFormatter.format(value * 100) + "%"
    }
}
