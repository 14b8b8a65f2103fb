import Foundation
import Testing

/// Shell completion (issue 13): the script `--generate-completion-script bash` writes, loaded
/// into a real bash and asked what it completes, as the shell asks on a Tab.
@Suite("Shell completion completes subcommands, options, values and paths")
struct CompletionBinaryTests {
    @Test("bash: folders for --data, .yaml for --pipeline, .csv for --targets, options, subcommands and --format's values")
    func bash() throws {
        let folder = try BinaryHarness.temporaryFolder("completion")
        for name in ["drop-a", "drop-b"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: false)
        }
        for name in ["pipeline.yaml", "targets.csv", "notes.txt"] { try BinaryHarness.write("x", to: folder + "/" + name) }
        let script = try BinaryHarness.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0, "\(script.stderr)")
        try BinaryHarness.write(script.stdout, to: folder + "/jiceng.bash")
        // Sets the words of a command line as bash does before calling the completion function.
        let driver = """
            source ./jiceng.bash
            ask() {
              COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<< "$1"
              [[ "$1" == *" " ]] && COMP_WORDS+=("")
              COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
              _jiceng jiceng "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
              printf '%s\\n' "$(printf '%s\\n' "${COMPREPLY[@]}" | sort | tr '\\n' ' ')"
            }
            ask "jiceng run --data "
            ask "jiceng run --pipeline "
            ask "jiceng run --targets "
            ask "jiceng run --pe"
            ask "jiceng va"
            ask "jiceng validate --format "
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", driver]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let drain = PipeDrain(out)
        process.waitUntilExit()
        let answers = String(decoding: drain.data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        #expect(
            answers.prefix(6) == [
                "drop-a drop-b ",
                "drop-a drop-b pipeline.yaml ",
                "drop-a drop-b targets.csv ",
                "--period ",
                "validate ",
                "github json junit text ",
            ], "\(answers)")
    }
}
