import JicengCore
import JicengPipeline

extension TargetLayers {
    /// The warnings about these targets for a run of `year` over a drop with `units` (id and
    /// name of every unit), in file order: base file first, each file's year warning before its
    /// line warnings. Only rows of `year` are checked, since only they apply (a unit that a
    /// later year's row names may not exist yet); with no year (`validate` without `--period`)
    /// every row is checked and there is no year warning. Without units (no hierarchy could be
    /// built) unit ids are not checked.
    public func warnings(year: Int?, units: [(id: String, name: String)]?) -> [TargetWarning] {
        let applied = book
        var warnings: [TargetWarning] = []
        let knownIds = units.map { Set($0.map { TextFolding.fold($0.id) }) }
        for file in files {
            let rows = file.rules.filter { year == nil || $0.year == year }
            if let year, rows.isEmpty {
                warnings.append(Self.noRows(file: file, year: year, bookIsEmpty: !applied.rules.contains { $0.year == year }))
            }
            var firstLine: [TargetRule.Key: Int] = [:]
            for rule in rows {
                if let line = rule.line, let earlier = firstLine[rule.key] {
                    warnings.append(
                        TargetWarning(
                            code: .duplicateTarget, file: file.name, line: line, value: rule.indicator,
                            message: LocalizedText(
                                zh: "与第 \(earlier) 行是同一目标（年度、指标、层级、单位编码都相同），以本行为准",
                                en: "repeats the target of line \(earlier) (same year, indicator, level and unit_id); this line applies")))
                } else if let line = rule.line {
                    firstLine[rule.key] = line
                }
                if let id = rule.unitId, let units, let knownIds, !knownIds.contains(TextFolding.fold(id)) {
                    warnings.append(Self.unknownUnit(id, rule: rule, file: file, units: units))
                }
            }
        }
        return warnings
    }

    private static func noRows(file: TargetsFile, year: Int, bookIsEmpty: Bool) -> TargetWarning {
        let years = Set(file.rules.map(\.year)).sorted()
        let held: LocalizedText
        if years.isEmpty {
            held = LocalizedText(zh: "文件中没有任何目标", en: "it holds no target at all")
        } else if years.count >= 3 && years.last! - years.first! == years.count - 1 {
            held = LocalizedText(zh: "文件中是 \(years.first!)–\(years.last!) 年的目标", en: "it holds targets for \(years.first!)–\(years.last!)")
        } else {
            held = LocalizedText(
                zh: "文件中是 \(years.map(String.init).joined(separator: "、")) 年的目标",
                en: "it holds targets for \(years.map(String.init).joined(separator: ", "))")
        }
        let effect =
            bookIsEmpty
            ? LocalizedText(zh: "本期所有指标的状态都将是 no_target（无目标）", en: "every indicator's status will be no_target")
            : LocalizedText(zh: "它不改变本期的任何目标", en: "it changes no target of this period")
        return TargetWarning(
            code: .noTargetsForYear, file: file.name, value: String(year),
            message: LocalizedText(
                zh: "没有 \(year) 年的目标（\(held.zh)），\(effect.zh)",
                en: "no target for \(year) (\(held.en)): \(effect.en)"))
    }

    private static func unknownUnit(_ id: String, rule: TargetRule, file: TargetsFile, units: [(id: String, name: String)]) -> TargetWarning
    {
        var hint = LocalizedText(zh: "", en: "")
        let folded = TextFolding.fold(id)
        let named = units.filter { TextFolding.fold($0.name) == folded }
        if named.count == 1 {
            hint = LocalizedText(
                zh: "；«\(id)» 是单位 \(named[0].id) 的名称，unit_id 列应写单位编码 \(named[0].id)",
                en: "; '\(id)' is the name of unit \(named[0].id): write its unit_id, \(named[0].id)")
        } else if let guess = Suggestion.closest(to: folded, among: units.map(\.id)), let unit = units.first(where: { $0.id == guess }) {
            hint = LocalizedText(zh: "；是否应为 «\(unit.id)»（\(unit.name)）？", en: "; did you mean '\(unit.id)' (\(unit.name))?")
        }
        return TargetWarning(
            code: .unknownUnit, file: file.name, line: rule.line, column: "unit_id", value: id,
            message: LocalizedText(
                zh: "单位编码 «\(id)» 不是数据包组织架构（units）中的单位，这一行不适用于任何单位\(hint.zh)",
                en: "unit_id '\(id)' is no unit of the drop's units: the row applies to no unit\(hint.en)"))
    }
}
