import ArgumentParser
import Foundation
import JicengSample

/// `jiceng sample`: writes a contract-valid synthetic drop (demo data and benchmark input).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: localized(zh: "生成一个符合数据约定的模拟数据包（演示和性能测试用）。", en: "Generate a contract-valid synthetic data drop."),
        discussion: examples([
            ("jiceng sample --out 示例数据", "一万条诉求的小数据包", "a small drop of 10,000 requests"),
            ("jiceng sample --requests 10000000 --out 大数据包", "一千万条诉求，用于性能测试", "10 million requests, for benchmarks"),
            (
                "jiceng sample --shape clean --requests 10000000 --out 干净数据包", "一个系统导出的规整数据包（2023 年全年）",
                "one clean export of one system (the whole of 2023)"
            ),
        ]))

    /// Requests in a drop when `--requests` is not given: enough to look real, small enough to be written at once.
    static let defaultRequests = 10_000

    @Option(name: .long, help: ArgumentHelp(zh: "生成的诉求条数。", en: "Number of requests to generate.", valueName: ValueName.count))
    var requests: Int = SampleCommand.defaultRequests

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "数据包的输出目录：新的、空的或以前 Jiceng 写出的目录。",
            en: "Output folder for the drop: new, empty or an earlier Jiceng output.", valueName: ValueName.folder),
        completion: .directory)
    var out: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            zh: "数据包的样子：messy（默认，真实导出的各种写法：别名、编码、同义词、多种日期，2022Q2）或 clean（一个系统的一份导出：一个 requests.csv，标准列名，按社区名称和街道，中文状态，日期时间，2023 年全年）。",
            en:
                "Shape of the drop: messy (default: every form real exports take, 2022Q2) or clean (one export of one system: one requests.csv, canonical headers, communities by name with their street, Chinese status words, date-times, the whole of 2023).",
            valueName: ValueName.shape))
    var shape: Shape = .messy

    /// The shapes offered on the command line (the generator's `plain` shape is for tests).
    enum Shape: String, ExpressibleByArgument, CaseIterable {
        case messy, clean
    }

    @Option(name: .long, help: ArgumentHelp(zh: "随机种子（种子相同，文件相同）。", en: "Random seed (same seed, same files).", valueName: ValueName.seed))
    var seed: UInt64 = 4

    func validate() throws {
        guard requests >= 0 else {
            throw ValidationError(localized(zh: "--requests 不能小于 0", en: "--requests must be at least 0"))
        }
    }

    func run() throws {
        let destination = try OutputDestination(out, inputs: [])
        var configuration: SampleDropConfiguration
        switch shape {
        case .messy:
            configuration = SampleDropConfiguration(seed: seed)
            configuration.requests = requests
        case .clean:
            configuration = .cleanExport(requests: requests, seed: seed)
        }
        var files = 0
        var bytes = 0
        try OutputFolder.produce(at: destination, command: "sample") { folder in
            let summary = try SampleDropGenerator(configuration).write(to: folder.temporary)
            files = summary.files.count
            bytes = summary.totalBytes
        }
        let line = localized(
            zh: "jiceng sample：已写出 \(files) 个文件（\(NumberText.grouped(bytes)) 字节，诉求 \(NumberText.grouped(requests)) 条）→ \(out)\n",
            en:
                "jiceng sample: wrote \(files) files (\(NumberText.grouped(bytes)) bytes, \(NumberText.grouped(requests)) requests) to \(out)\n"
        )
        FileHandle.standardError.write(Data(line.utf8))
    }
}
