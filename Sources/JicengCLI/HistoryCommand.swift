import ArgumentParser
import Foundation
import JicengCore
import JicengHistory
import JicengReport

/// `jiceng history`: what a history store holds (contract §8).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List or export the runs recorded in a history store.",
        subcommands: [HistoryListCommand.self, HistoryExportCommand.self])
}

/// The store the `history` commands read.
struct HistoryStoreOptions: ParsableArguments {
    @Option(name: .long, help: "History store (SQLite); default: $JICENG_HISTORY.")
    var history: String?

    func open() throws -> HistoryStore {
        guard let path = HistoryLocation.resolve(explicit: history) else {
            throw JicengError(.usage, "name the history store with --history FILE or \(HistoryLocation.environmentVariable)")
        }
        return try HistoryStore.openForReading(path: path)
    }
}

/// `jiceng history list`: the recorded runs, for people.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the recorded periods: pipeline, period, when recorded, the inputs' SHA-256.")

    @OptionGroup var store: HistoryStoreOptions

    @Option(name: .long, help: "Language: zh or en.")
    var lang: Language = .zh

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
        abstract: "Write the recorded indicators.csv rows to standard output, ordered by period (header of indicators.csv).")

    @OptionGroup var store: HistoryStoreOptions

    @Option(name: .long, help: "Only runs of this pipeline (its name, e.g. standard).")
    var pipeline: String?

    @Option(name: .long, help: "Only periods starting on or after this period's first day (2022Q1, 2022).",
            transform: Period.argument)
    var from: Period?

    @Option(name: .long, help: "Only periods ending on or before this period's last day (2022Q4, 2022).",
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
        try history.forEachIndicatorRow(RunSelection(pipeline: pipeline, from: from, to: to), run: { run in
            prefixes = run.units.map { Array(IndicatorsCSV.unitPrefix(period: run.period, unitId: $0.id, unitName: $0.name, level: $0.level).utf8) }
            fields = run.indicators.map { Array(IndicatorsCSV.indicatorField($0).utf8) }
        }, row: { unit, indicator, cells in
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
