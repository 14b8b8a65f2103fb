import ArgumentParser

/// How much `run` and `validate` say on the terminal: `--quiet` (errors and the exit status
/// only) or `--verbose` (also each file's rows and the time each stage took).
///
/// It exists so that a script or a cron job can run Jiceng without chatter, and an analyst
/// chasing a slow or surprising run can see where the rows and the time went, with one pair of
/// flags shared by both commands.
struct ConsoleOptions: ParsableArguments {
    @Flag(
        name: [.short, .long],
        help: ArgumentHelp(
            zh: "只输出错误；成功时什么也不输出（看退出状态）。",
            en: "Print errors only; nothing on success (see the exit status)."))
    var quiet = false

    @Flag(
        name: [.short, .long],
        help: ArgumentHelp(
            zh: "另外列出每个文件的行数和用时，以及各阶段的用时。",
            en: "Also list each file's rows and time, and each stage's time."))
    var verbose = false

    var verbosity: Verbosity { quiet ? .quiet : (verbose ? .verbose : .normal) }

    func validate() throws {
        if quiet && verbose {
            throw ValidationError(localized(zh: "--quiet 和 --verbose 不能同时使用", en: "--quiet and --verbose cannot be used together"))
        }
    }
}

/// How much a command prints besides its results.
enum Verbosity {
    case quiet, normal, verbose
}
