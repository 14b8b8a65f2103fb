import ArgumentParser
import Foundation
import JicengCore
import JicengHistory
import JicengReport

/// `jiceng history`: what a history store holds (contract §8).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: localized(zh: "列出或导出历史库中记录的运行。", en: "List or export the runs recorded in a history store."),
        discussion: examples([
            ("jiceng history list --history 历史库.sqlite", "已记录的统计期", "the recorded periods"),
            (
                "jiceng history export --history 历史库.sqlite --from 2022 --to 2022 > 2022年指标.csv", "导出 2022 年各期的指标行",
                "the indicator rows of 2022 and its quarters"
            ),
        ]),
        subcommands: [HistoryListCommand.self, HistoryExportCommand.self])
}

/// The store the `history` commands read.
struct HistoryStoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "历史库（SQLite）；默认取 $JICENG_HISTORY。", en: "History store (SQLite); default: $JICENG_HISTORY.",
            valueName: ValueName.file),
        completion: .file())
    var history: String?

    func open() throws -> HistoryStore {
        guard let path = HistoryLocation.resolve(explicit: history) else {
            throw JicengError(
                .usage,
                LocalizedText(
                    zh: "请用 --history 文件 或环境变量 \(HistoryLocation.environmentVariable) 指定历史库",
                    en: "name the history store with --history FILE or \(HistoryLocation.environmentVariable)"))
        }
        return try HistoryStore.openForReading(path: path)
    }
}

/// `jiceng history list`: the recorded runs, for people.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: localized(
            zh: "列出已记录的统计期：流水线、统计期、记录时间、输入文件的 SHA-256。",
            en: "List the recorded periods: pipeline, period, when recorded, the inputs' SHA-256."),
        discussion: examples([("jiceng history list --history 历史库.sqlite", "列出历史库中的记录", "list what the store holds")]))

    @OptionGroup var store: HistoryStoreOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "语言：zh 或 en；不写时按环境变量 LANG，未设置时为 zh。",
            en: "Language: zh or en; default: from LANG, zh when unset.", valueName: ValueName.language))
    var lang: Language = InterfaceLanguage.current

    func run() throws {
        let history = try store.open()
        let runs = try history.recordedRuns()
        try history.close()
        FileHandle.standardOutput.write(Data(HistoryListText.render(runs, path: history.path, language: lang).utf8))
    }
}

/// `jiceng history export`: the recorded indicator rows as one CSV on standard output.
struct HistoryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: localized(
            zh: "把记录的 indicators.csv 行按统计期顺序写到标准输出（表头同 indicators.csv）。",
            en: "Write the recorded indicators.csv rows to standard output, ordered by period (header of indicators.csv)."),
        discussion: examples([
            ("jiceng history export --history 历史库.sqlite > 全部指标.csv", "全部记录", "every recorded row"),
            (
                "jiceng history export --history 历史库.sqlite --pipeline standard --from 2022Q1 --to 2022Q2 > 上半年.csv",
                "标准流水线 2022 年第一、二季度", "the standard pipeline's 2022Q1 and 2022Q2"
            ),
        ]))

    @OptionGroup var store: HistoryStoreOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "只导出这个流水线的记录（流水线名称，例如 standard）。", en: "Only runs of this pipeline (its name, e.g. standard).",
            valueName: ValueName.name))
    var pipeline: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "只导出从这个统计期第一天起的统计期（2022Q1、2022）。",
            en: "Only periods starting on or after this period's first day (2022Q1, 2022).", valueName: ValueName.period),
        transform: Period.argument)
    var from: Period?

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "只导出到这个统计期最后一天为止的统计期（2022Q4、2022）。",
            en: "Only periods ending on or before this period's last day (2022Q4, 2022).", valueName: ValueName.period),
        transform: Period.argument)
    var to: Period?

    func run() throws {
        let history = try store.open()
        var output = StandardOutputWriter()
        output.append(IndicatorsCSV.header + "\n")
        // A row is its unit's prefix, its indicator's field and its cells (as `IndicatorsCSV.line`
        // joins them), each prefix and field built once per run.
        var prefixes: [[UInt8]] = []
        var fields: [[UInt8]] = []
        try history.forEachIndicatorRow(
            RunSelection(pipeline: pipeline, from: from, to: to),
            run: { run in
                prefixes = run.units.map {
                    Array(IndicatorsCSV.unitPrefix(period: run.period, unitId: $0.id, unitName: $0.name, level: $0.level).utf8)
                }
                fields = run.indicators.map { Array(IndicatorsCSV.indicatorField($0).utf8) }
            },
            row: { unit, indicator, cells in
                output.append(bytes: prefixes[unit])
                output.append(bytes: fields[indicator])
                output.append(cells)
                output.append("\n")
                try output.flushIfFull()
            })
        try output.flush()
        try history.close()
    }
}
