import ArgumentParser
import Foundation
import JicengSample

/// `jiceng sample`: writes a contract-valid synthetic drop (demo data and benchmark input).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: "Generate a contract-valid synthetic data drop.")

    @Option(name: .long, help: "Number of requests to generate.")
    var requests: Int = 10_000_000

    @Option(name: .long, help: "Output folder for the drop.")
    var out: String

    @Option(name: .long, help: "Random seed (same seed, same files).")
    var seed: UInt64 = 4

    func run() throws {
        var configuration = SampleDropConfiguration(seed: seed)
        configuration.requests = requests
        let summary = try SampleDropGenerator(configuration).write(to: out)
        FileHandle.standardError.write(Data("jiceng sample: wrote \(summary) to \(out)\n".utf8))
    }
}
