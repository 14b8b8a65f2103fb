import ArgumentParser
import Foundation
import JicengCore
import JicengHistory

/// The `jiceng` command: Jiceng's stages for the analyst (`run`) and for CI (`validate`).
public struct JicengCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jiceng",
        abstract: localized(
            zh: "基层 Jiceng：把各单位季度报送的数据包算成指标表，对照目标值，写出报告。",
            en: "基层 Jiceng: quarterly grassroots-governance data drops → indicators, target checks, reports."),
        discussion: localized(
            zh: "消息和报告默认用中文；用 --lang en 或环境变量 LANG=en_US.UTF-8 改用英文。",
            en: "Messages and reports are in Chinese unless --lang en is given or the locale (LANG) is another language.")
            + "\n\n"
            + examples([
                ("jiceng validate --data 数据包", "检查数据包，列出所有数据问题", "check a drop and list every data problem"),
                ("jiceng run --data 数据包 --period 2022Q2 --out 报告", "计算指标并写出报告", "compute the indicators and write the reports"),
                ("jiceng run --help", "某个子命令的详细说明", "the help of one subcommand"),
            ]),
        version: JicengVersion.current,
        subcommands: [
            RunCommand.self, ValidateCommand.self, IngestCommand.self, NormaliseCommand.self, AggregateCommand.self, ReportCommand.self,
            SampleCommand.self, HistoryCommand.self,
        ])

    public init() {}

    /// Runs the command line and exits with contract §7's statuses: 0 success, 1 data errors,
    /// 2 usage or configuration errors (ArgumentParser's own usage status 64 is mapped to 2).
    /// Help and usage errors are printed by Jiceng in the command line's language
    /// (`InterfaceLanguage`, `HelpScreen`, `UsageErrorReport`).
    public static func runMain() -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var language = InterfaceLanguage.current
        do {
            var command = try parseAsRoot(arguments)
            language = (command as? LanguageChoosing)?.language ?? language
            try command.run()
            Foundation.exit(0)
        } catch let error as JicengError {
            fail(error, language)
        } catch let error as HistoryStoreError {
            // A store that cannot be used is a configuration error: `jiceng: history-…: FILE …`.
            FileHandle.standardError.write(Data("jiceng: \(error.text(language))\n".utf8))
            Foundation.exit(2)
        } catch {
            if let io = SystemErrorReason.ioFailure(error) { fail(io, language) }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue == 1 ? 1 : (exit.isSuccess ? 0 : 2)) }
            if exitCode(for: error) == .success {
                // Help, the version, a completion script.
                let text = fullMessage(for: error, columns: HelpScreen.unwrapped)
                let shown =
                    HelpScreen.isHelp(text)
                    ? HelpScreen.render(text, language: InterfaceLanguage.current, columns: TerminalText.columns()) : text
                FileHandle.standardOutput.write(Data((shown + "\n").utf8))
                Foundation.exit(0)
            }
            let report = UsageErrorReport(error: error, arguments: arguments, root: self)
            FileHandle.standardError.write(Data(report.text(columns: TerminalText.columns(of: 2)).utf8))
            Foundation.exit(2)
        }
    }

    private static func fail(_ error: JicengError, _ language: Language) -> Never {
        FileHandle.standardError.write(Data("jiceng: \(error.text(language))\n".utf8))
        Foundation.exit(error.exitStatus)
    }
}

/// A command with a `--lang` option: its errors are printed in that language.
protocol LanguageChoosing {
    var language: Language { get }
}
