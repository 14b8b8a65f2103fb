import ArgumentParser
import Foundation
import JicengCore

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
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(0)
        } catch let error as JicengError {
            FileHandle.standardError.write(Data("jiceng: \(error)\n".utf8))
            Foundation.exit(error.exitStatus)
        } catch let error as JicengIngestErrorConvertible {
            FileHandle.standardError.write(Data("jiceng: \(error.cliDescription)\n".utf8))
            Foundation.exit(2)
        } catch {
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
}

protocol JicengIngestErrorConvertible: Error {
    var cliDescription: String { get }
}
