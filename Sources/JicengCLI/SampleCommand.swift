import ArgumentParser
import Foundation
import JicengSample

/// `jiceng sample`: writes a contract-valid synthetic drop (demo data and benchmark input).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample", abstract: "Generate a contract-valid synthetic data drop.")

    @Option(name: .long, help: "Number of requests to generate.")
    var requests: Int = 10_000_000

    @Option(name: .long, help: "Output folder for the drop: new, empty or an earlier Jiceng output.")
    var out: String

    @Option(name: .long, help: "Random seed (same seed, same files).")
    var seed: UInt64 = 4

    func run() throws {
        let destination = try OutputDestination(out, inputs: [])
        var configuration = SampleDropConfiguration(seed: seed)
        configuration.requests = requests
        var summary: SampleDropSummary?
        try OutputFolder.produce(at: destination, command: "sample") { folder in
            summary = try SampleDropGenerator(configuration).write(to: folder.temporary)
        }
        let files = summary?.files.count ?? 0, bytes = summary?.totalBytes ?? 0
        FileHandle.standardError.write(Data("jiceng sample: wrote \(files) files (\(bytes) bytes) to \(out)\n".utf8))
    }
}
