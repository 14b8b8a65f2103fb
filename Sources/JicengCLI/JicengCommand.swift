import ArgumentParser
import Foundation
import JicengCore
import JicengHistory

/// The `jiceng` command: Jiceng's stages for the analyst (`run`) and for CI (`validate`).
public struct JicengCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jiceng",
        abstract: "基层 Jiceng: quarterly grassroots-governance data drops → indicators, target checks, reports.",
        version: JicengVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, IngestCommand.self, NormaliseCommand.self, AggregateCommand.self, ReportCommand.self, SampleCommand.self, HistoryCommand.self])

    public init() {}

    /// Runs the command line and exits with contract §7's statuses: 0 success, 1 data errors,
    /// 2 usage or configuration errors (ArgumentParser's own usage status 64 is mapped to 2).
    public static func runMain() -> Never {
        var language = Language.zh
        do {
            var command = try parseAsRoot()
            language = (command as? LanguageChoosing)?.language ?? .zh
            try command.run()
            Foundation.exit(0)
        } catch let error as JicengError {
            fail(error, language)
        } catch let error as HistoryStoreError {
            // A store that cannot be used is a configuration error: `jiceng: history-…: FILE …`.
            FileHandle.standardError.write(Data("jiceng: \(error.description)\n".utf8))
            Foundation.exit(2)
        } catch {
            if let io = SystemErrorReason.ioFailure(error) { fail(io, language) }
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode, exit.rawValue == 1 { Foundation.exit(1) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
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
