import Foundation
import Testing

/// `--out` never destroys, and every I/O failure is an `io-failure` (issue 10, points 1 and 7),
/// through the real binary.
///
/// "Nothing touched" is checked on the whole folder around OUT: every entry, file bytes, links and
/// folders, before and after, so a leftover `.OUT.partial-PID` folder counts as a change too.
@Suite("--out never destroys; I/O failures are io-failures")
struct OutputSafetyTests {
    private let epoch = ["SOURCE_DATE_EPOCH": "1656633600"]
    /// Bytes that are not text, standing for a document someone cares about.
    private let thesis = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0x10, 0x80] + Array("第一章 绪论\n".utf8))
    /// What `run` writes into OUT (the marker aside).
    private let runFiles = [
        "findings.json", "indicators.csv", "indicators.json", "indicators.xlsx", "manifest.json",
        "quarantine.csv", "stage.json", "summary.html", "summary.md",
    ]

    // MARK: Helpers

    /// One entry of a folder tree as `lstat` sees it.
    enum Entry: Equatable {
        case folder
        case link(String)
        case file(Data)
    }

    /// Every entry under `folder` (hidden ones too, links not followed), by relative path.
    static func tree(_ folder: String) -> [String: Entry] {
        var entries: [String: Entry] = [:]
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = folder + "/" + child
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFLNK: entries[child] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
                case S_IFDIR:
                    entries[child] = .folder
                    walk(child)
                default: entries[child] = .file(FileManager.default.contents(atPath: full) ?? Data())
                }
            }
        }
        walk("")
        return entries
    }

    static func cleanUp(_ folders: String...) {
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// A folder holding the small hand-made drop, and a sibling work folder for outputs.
    private func setUp(_ name: String) throws -> (drop: String, work: String) {
        let drop = try BinaryHarness.temporaryFolder(name + "-drop")
        try SmallDropFixture.write(to: drop)
        let work = try BinaryHarness.temporaryFolder(name + "-work")
        return (drop, work)
    }

    /// Runs `executable` (the binary unless said otherwise) with `arguments`, in `folder` when given.
    private func run(_ arguments: [String], in folder: String? = nil, executable: String? = nil) throws -> BinaryHarness.Result {
        let (process, out, err) = BinaryHarness.prepare(arguments, environment: epoch)
        if let executable { process.executableURL = URL(fileURLWithPath: executable) }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        try process.run()
        let stdout = PipeDrain(out)
        let stderr = PipeDrain(err)
        process.waitUntilExit()
        return BinaryHarness.Result(
            status: process.terminationStatus, stdout: String(decoding: stdout.data(), as: UTF8.self),
            stderr: String(decoding: stderr.data(), as: UTF8.self))
    }

    /// Runs the binary with a file-size limit of `blocks` × 512 bytes and SIGXFSZ ignored, so a
    /// write beyond it fails with EFBIG ("File too large") as on a full disk.
    private func runLimited(_ arguments: [String], blocks: Int) throws -> BinaryHarness.Result {
        try run(["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$@\"", "sh", BinaryHarness.binary] + arguments, executable: "/bin/sh")
    }

    private func expectRefusal(
        _ r: BinaryHarness.Result, naming path: String, _ words: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(r.status == 2, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("jiceng: usage: --out "), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(path), "the message does not name \(path): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(words), "the message does not say \(words): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(
            r.stderr.contains("choose a new or empty folder"), "the message does not say what to do: \(r.stderr)",
            sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("crashed") && !r.stderr.contains("NSCocoaErrorDomain"), "\(r.stderr)", sourceLocation: sourceLocation)
    }

    private func marker(_ folder: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: folder + "/.jiceng-output"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func runArgs(_ drop: String, _ out: String) -> [String] {
        ["run", "--data", drop, "--period", "2022Q2", "--out", out, "--lang", "en"]
    }

    // MARK: Refused, nothing touched

    @Test("OUT holding a user's Documents/thesis.docx: exit 2 naming OUT, the document byte-identical")
    func userFolder() throws {
        let (drop, work) = try setUp("user")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/DIR"
        try FileManager.default.createDirectory(atPath: out + "/Documents", withIntermediateDirectories: true)
        try thesis.write(to: URL(fileURLWithPath: out + "/Documents/thesis.docx"))
        let before = Self.tree(work)
        let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
        expectRefusal(r, naming: out, "holds entries Jiceng did not write (or that changed since): Documents")
        #expect(Self.tree(work) == before)
        #expect(FileManager.default.contents(atPath: out + "/Documents/thesis.docx") == thesis)
    }

    @Test("the refusal is in Chinese by default")
    func chineseMessage() throws {
        let (drop, work) = try setUp("zh")
        defer { Self.cleanUp(drop, work) }
        try thesis.write(to: URL(fileURLWithPath: work + "/thesis.docx"))
        let r = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", work], environment: epoch)
        #expect(r.status == 2)
        #expect(r.stderr.contains("--out \(work) 中有不是 Jiceng 写出（或写出后被改动）的内容：thesis.docx"), "\(r.stderr)")
        #expect(r.stderr.contains("请指定一个新的或空的目录"), "\(r.stderr)")
    }

    @Test("OUT a regular file: exit 2, the file unchanged and no folder made")
    func regularFile() throws {
        let (drop, work) = try setUp("file")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/some-file.txt"
        try BinaryHarness.write("notes\n", to: out)
        let before = Self.tree(work)
        let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
        expectRefusal(r, naming: out, "is a file, not a folder")
        #expect(Self.tree(work) == before)
    }

    @Test("--out . and --out .. (and ./x/..): exit 2 with the message, not a crash or a raw Foundation error")
    func dotAndDotDot() throws {
        let (drop, work) = try setUp("dots")
        defer { Self.cleanUp(drop, work) }
        let child = work + "/child"
        try FileManager.default.createDirectory(atPath: child + "/x", withIntermediateDirectories: true)
        try thesis.write(to: URL(fileURLWithPath: child + "/thesis.docx"))
        try thesis.write(to: URL(fileURLWithPath: work + "/other.docx"))
        let before = Self.tree(work)
        for out in [".", "..", "./", "./x/..", "x/../.."] {
            let r = try run(runArgs(drop, out), in: child)
            expectRefusal(r, naming: "\"\(out)\"", "cannot be an output folder")
            #expect(Self.tree(work) == before, "--out \(out) changed \(work)")
        }
    }

    @Test("--out /: exit 2 with the message")
    func root() throws {
        let (drop, work) = try setUp("root")
        defer { Self.cleanUp(drop, work) }
        let r = try BinaryHarness.run(runArgs(drop, "/"), environment: epoch)
        expectRefusal(r, naming: "\"/\"", "the current folder, its parent and the root are never replaced")
    }

    @Test("OUT the drop itself (also spelled another way or through a link to it), inside the drop, or holding it: exit 2, drop unchanged")
    func outAndDrop() throws {
        let (drop, work) = try setUp("drop")
        defer { Self.cleanUp(drop, work) }
        let name = (drop as NSString).lastPathComponent
        let link = work + "/drop-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: drop)
        let beforeDrop = Self.tree(drop)
        let cases: [(data: String, out: String, words: String)] = [
            (drop, drop, "is the input folder --data \(drop)"),
            (drop, drop + "/../" + name, "is the input folder --data \(drop)"),
            (link, drop, "is the input folder --data \(link)"),
            (drop, drop + "/out", "lies inside the input folder --data \(drop)"),
            (link, drop + "/reports/2022Q2", "lies inside the input folder --data \(link)"),
            (drop, (drop as NSString).deletingLastPathComponent, "holds the input folder --data \(drop)"),
        ]
        for c in cases {
            let r = try BinaryHarness.run(runArgs(c.data, c.out), environment: epoch)
            expectRefusal(r, naming: c.out, c.words)
            #expect(Self.tree(drop) == beforeDrop, "--data \(c.data) --out \(c.out) changed the drop")
        }
        // The same for a stage that reads a stage folder: --in is an input too.
        let normalised = work + "/normalised"
        #expect(try BinaryHarness.run(["normalise", "--data", drop, "--period", "2022Q2", "--out", normalised]).status == 0)
        let beforeStage = Self.tree(normalised)
        let r = try BinaryHarness.run(["aggregate", "--in", normalised, "--out", normalised, "--lang", "en"])
        expectRefusal(r, naming: normalised, "is the input folder --in \(normalised)")
        #expect(Self.tree(normalised) == beforeStage)
    }

    @Test("OUT a symbolic link, even to an earlier Jiceng output: exit 2, link and target unchanged")
    func symbolicLink() throws {
        let (drop, work) = try setUp("link")
        defer { Self.cleanUp(drop, work) }
        let real = work + "/real"
        #expect(try BinaryHarness.run(runArgs(drop, real), environment: epoch).status == 0)
        let link = work + "/latest"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let dangling = work + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: work + "/nowhere")
        let before = Self.tree(work)
        for out in [link, dangling, link + "/"] {
            let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
            expectRefusal(r, naming: out, "is a symbolic link")
            #expect(Self.tree(work) == before, "--out \(out) changed \(work)")
        }
    }

    @Test("the current folder named another way (../here from inside it): exit 2, nothing touched")
    func currentFolder() throws {
        let (drop, work) = try setUp("cwd")
        defer { Self.cleanUp(drop, work) }
        let here = work + "/here"
        try FileManager.default.createDirectory(atPath: here, withIntermediateDirectories: true)  // empty, so only the rule refuses it
        let before = Self.tree(work)
        let r = try run(runArgs(drop, "../here"), in: here)
        expectRefusal(r, naming: "../here", "is the current folder or holds it")
        let above = try run(runArgs(drop, work), in: here)
        expectRefusal(above, naming: work, "is the current folder or holds it")
        #expect(Self.tree(work) == before)
    }

    // MARK: Replaced

    @Test("OUT absent (parents too): created, with every output and the marker of run; nothing else left beside it")
    func absent() throws {
        let (drop, work) = try setUp("absent")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/reports/2022/Q2"
        let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == [".jiceng-output"] + runFiles)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work + "/reports/2022") == ["Q2"])
        // The marker names the command and every file with its size.
        let m = try marker(out)
        #expect(m["tool"] as? String == "jiceng")
        #expect(m["command"] as? String == "run")
        let files = try #require(m["files"] as? [String: Int])
        #expect(files.keys.sorted() == runFiles)
        for name in runFiles {
            let size = try FileManager.default.attributesOfItem(atPath: out + "/" + name)[.size] as? Int
            #expect(files[name] == size, "\(name)")
        }
    }

    @Test("OUT an empty folder: replaced by the outputs")
    func emptyFolder() throws {
        let (drop, work) = try setUp("empty")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [".jiceng-output"] + runFiles)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == ["out"])
    }

    @Test("OUT a previous run's output: replaced by the new one (exit 0), nothing left beside it")
    func previousOutput() throws {
        let (drop, work) = try setUp("previous")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/out"
        #expect(try BinaryHarness.run(runArgs(drop, out), environment: epoch).status == 0)
        let first = try #require(FileManager.default.contents(atPath: out + "/indicators.csv"))
        // The second drop has no requests file: requests_received is no longer 3 for the city.
        let second = try BinaryHarness.temporaryFolder("previous-drop2")
        defer { Self.cleanUp(second) }
        try SmallDropFixture.write(to: second, requests: false)
        let r = try BinaryHarness.run(runArgs(second, out), environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        let now = try #require(FileManager.default.contents(atPath: out + "/indicators.csv"))
        #expect(now != first)
        #expect(String(decoding: first, as: UTF8.self).contains("2022Q2,C,石首市,city,requests_received,3,"))
        #expect(!String(decoding: now, as: UTF8.self).contains("2022Q2,C,石首市,city,requests_received,3,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [".jiceng-output"] + runFiles)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == ["out"])
    }

    @Test(
        "a run folder written before the marker existed (Jiceng manifest.json, only run's files) is replaced; with a stray file or a foreign manifest it is not"
    )
    func legacyOutput() throws {
        let (drop, work) = try setUp("legacy")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/out"
        #expect(try BinaryHarness.run(runArgs(drop, out), environment: epoch).status == 0)
        try FileManager.default.removeItem(atPath: out + "/.jiceng-output")
        let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/.jiceng-output"))

        // Legacy, plus a file of the user's: refused.
        try FileManager.default.removeItem(atPath: out + "/.jiceng-output")
        try thesis.write(to: URL(fileURLWithPath: out + "/notes.docx"))
        var before = Self.tree(work)
        expectRefusal(
            try BinaryHarness.run(runArgs(drop, out), environment: epoch), naming: out, "did not write (or that changed since): notes.docx")
        #expect(Self.tree(work) == before)

        // Only run's file names, but a manifest.json that is not Jiceng's: refused.
        try FileManager.default.removeItem(atPath: out + "/notes.docx")
        try BinaryHarness.write("{\"name\": \"my project\", \"version\": \"2\"}\n", to: out + "/manifest.json")
        before = Self.tree(work)
        let foreign = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
        expectRefusal(foreign, naming: out, "findings.json, indicators.csv, indicators.json and 6 more")
        #expect(Self.tree(work) == before)
    }

    @Test(
        "a previous output with a file added, a file edited, a file swapped for a folder, or a broken marker is no longer Jiceng's: exit 2, untouched"
    )
    func changedOutput() throws {
        let (drop, work) = try setUp("changed")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/out"
        #expect(try BinaryHarness.run(runArgs(drop, out), environment: epoch).status == 0)
        let original = Self.tree(work)
        typealias Change = (what: String, apply: () throws -> Void, undo: () throws -> Void, listed: String)
        let changes: [Change] = [
            (
                "added", { try self.thesis.write(to: URL(fileURLWithPath: out + "/thesis.docx")) },
                { try FileManager.default.removeItem(atPath: out + "/thesis.docx") }, "thesis.docx"
            ),
            (
                "hidden file added", { try BinaryHarness.write("x", to: out + "/.notes") },
                { try FileManager.default.removeItem(atPath: out + "/.notes") }, ".notes"
            ),
            (
                "edited",
                {
                    let handle = try #require(FileHandle(forWritingAtPath: out + "/summary.md"))
                    handle.seekToEndOfFile()
                    handle.write(Data("我的批注\n".utf8))
                    handle.closeFile()
                },
                {
                    guard case .file(let bytes) = original["out/summary.md"] else { return }
                    try bytes.write(to: URL(fileURLWithPath: out + "/summary.md"))
                }, "summary.md"
            ),
            (
                "swapped for a folder",
                {
                    try FileManager.default.removeItem(atPath: out + "/quarantine.csv")
                    try FileManager.default.createDirectory(atPath: out + "/quarantine.csv", withIntermediateDirectories: false)
                },
                {
                    try FileManager.default.removeItem(atPath: out + "/quarantine.csv")
                    guard case .file(let bytes) = original["out/quarantine.csv"] else { return }
                    try bytes.write(to: URL(fileURLWithPath: out + "/quarantine.csv"))
                }, "quarantine.csv"
            ),
            (
                "broken marker", { try BinaryHarness.write("{", to: out + "/.jiceng-output") },
                {
                    guard case .file(let bytes) = original["out/.jiceng-output"] else { return }
                    try bytes.write(to: URL(fileURLWithPath: out + "/.jiceng-output"))
                }, ".jiceng-output"
            ),
        ]
        for change in changes {
            try change.apply()
            let before = Self.tree(work)
            let r = try BinaryHarness.run(runArgs(drop, out), environment: epoch)
            expectRefusal(r, naming: out, change.listed)
            #expect(Self.tree(work) == before, "\(change.what): OUT or its parent changed")
            try change.undo()
            #expect(Self.tree(work) == original, "\(change.what): the test did not restore OUT")
        }
        // Restored exactly: Jiceng's own again.
        #expect(try BinaryHarness.run(runArgs(drop, out), environment: epoch).status == 0)
    }

    // MARK: Every command that writes a folder

    @Test("ingest, normalise, aggregate, report and sample each refuse a folder that is not Jiceng's, and mark their own")
    func everyCommand() throws {
        let (drop, work) = try setUp("stages")
        defer { Self.cleanUp(drop, work) }
        let user = work + "/user"
        try FileManager.default.createDirectory(atPath: user + "/Documents", withIntermediateDirectories: true)
        try thesis.write(to: URL(fileURLWithPath: user + "/Documents/thesis.docx"))
        let ingest = work + "/ingest"
        let normalise = work + "/normalise"
        let aggregate = work + "/aggregate"
        let steps: [(command: String, arguments: [String], out: String)] = [
            ("ingest", ["--data", drop], ingest),
            ("normalise", ["--data", ingest, "--period", "2022Q2"], normalise),
            ("aggregate", ["--in", normalise], aggregate),
            ("report", ["--in", aggregate], work + "/report"),
            ("sample", ["--requests", "50"], work + "/sample"),
        ]
        for step in steps {
            let before = Self.tree(work)
            let refused = try BinaryHarness.run(
                [step.command] + step.arguments + ["--out", user] + (step.command == "sample" ? [] : ["--lang", "en"]))
            #expect(refused.status == 2, "\(step.command): \(refused.stderr)")
            #expect(refused.stderr.contains("--out \(user)") && refused.stderr.contains("Documents"), "\(step.command): \(refused.stderr)")
            #expect(Self.tree(work) == before, "\(step.command) changed something")
            #expect(FileManager.default.contents(atPath: user + "/Documents/thesis.docx") == thesis)

            let done = try BinaryHarness.run([step.command] + step.arguments + ["--out", step.out], environment: epoch)
            #expect(done.status == 0, "\(step.command): \(done.stderr)")
            #expect(try marker(step.out)["command"] as? String == step.command)
            // And its own output is replaced by the same command.
            let again = try BinaryHarness.run([step.command] + step.arguments + ["--out", step.out], environment: epoch)
            #expect(again.status == 0, "\(step.command) again: \(again.stderr)")
        }
        // The marker lists the stage's own files: ingest's copy of the requests file is one.
        let files = try #require(try marker(ingest)["files"] as? [String: Int])
        #expect(files.keys.sorted() == ["findings.json", "grids.csv", "requests.csv", "stage.json", "units.csv"])
    }

    // MARK: I/O failures

    @Test("an OUT parent that cannot hold a folder (a file): exit 2, io-failure naming it and the reason")
    func parentIsAFile() throws {
        let (drop, work) = try setUp("parent-file")
        defer { Self.cleanUp(drop, work) }
        try BinaryHarness.write("x", to: work + "/file.txt")
        let before = Self.tree(work)
        let r = try BinaryHarness.run(runArgs(drop, work + "/file.txt/out"), environment: epoch)
        #expect(r.status == 2)
        #expect(r.stderr == "jiceng: io-failure: cannot create folder \(work)/file.txt: Not a directory\n", "\(r.stderr)")
        #expect(Self.tree(work) == before)
    }

    /// Makes `folder` unwritable, even for root (chmod, then the immutable attribute); false when
    /// neither works here.
    static func makeUnwritable(_ folder: String) -> Bool {
        func writable() -> Bool {
            let probe = folder + "/probe"
            if mkdir(probe, 0o755) == 0 {
                rmdir(probe)
                return true
            }
            return false
        }
        chmod(folder, 0o555)
        if !writable() { return true }
        let chattr = Process()
        chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        chattr.arguments = ["+i", folder]
        chattr.standardError = FileHandle.nullDevice
        guard (try? chattr.run()) != nil else { return false }
        chattr.waitUntilExit()
        return !writable()
    }

    static func makeWritable(_ folder: String) {
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") {
            let chattr = Process()
            chattr.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            chattr.arguments = ["-i", folder]
            chattr.standardError = FileHandle.nullDevice
            if (try? chattr.run()) != nil { chattr.waitUntilExit() }
        }
        chmod(folder, 0o755)
    }

    @Test("an unwritable OUT parent: exit 2, io-failure naming the temporary folder and the reason, and nothing made")
    func unwritableParent() throws {
        let (drop, work) = try setUp("unwritable")
        defer { Self.cleanUp(drop, work) }
        let parent = work + "/locked"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false)
        defer { Self.makeWritable(parent) }
        guard Self.makeUnwritable(parent) else {
            Issue.record("cannot make a folder unwritable here (neither chmod nor chattr +i works)")
            return
        }
        let r = try BinaryHarness.run(runArgs(drop, parent + "/out"), environment: epoch)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("jiceng: io-failure: cannot create the temporary folder \(parent)/.out.partial-"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix(": Permission denied\n") || r.stderr.hasSuffix(": Operation not permitted\n"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
    }

    @Test(
        "a write that fails (file size limit): ingest and run exit 2 with io-failure naming the file and reason; the previous OUT byte-identical"
    )
    func failedWrite() throws {
        let (drop, work) = try setUp("write")
        defer { Self.cleanUp(drop, work) }
        let ingest = work + "/ingest"
        let out = work + "/out"
        #expect(try BinaryHarness.run(["ingest", "--data", drop, "--out", ingest]).status == 0)
        #expect(try BinaryHarness.run(runArgs(drop, out), environment: epoch).status == 0)
        let before = Self.tree(work)
        // 512 bytes: units.csv and grids.csv fit once copied with `_line`, requests.csv (about 750 bytes) does not.
        let r = try runLimited(["ingest", "--data", drop, "--out", ingest], blocks: 1)
        #expect(r.status == 2)
        // In Chinese by default, the system's own words in brackets.
        #expect(r.stderr.hasPrefix("jiceng: io-failure: 无法写入 \(work)/.ingest.partial-"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("/requests.csv：文件过大（File too large）\n"), "\(r.stderr)")
        #expect(Self.tree(work) == before)

        // 4,096 bytes: the built-in targets (1,873 bytes, copied to a temporary file) and quarantine.csv
        // (809) fit, indicators.csv (13,111), the first report file, does not.
        let run = try runLimited(runArgs(drop, out), blocks: 8)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("jiceng: io-failure: cannot write \(work)/.out.partial-"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("/indicators.csv: File too large\n"), "\(run.stderr)")
        #expect(Self.tree(work) == before)
    }

    @Test("a folder named requests.csv in the drop: validate, ingest and run exit 2 with io-failure naming it; OUT untouched")
    func folderNamedLikeAFile() throws {
        let (drop, work) = try setUp("dir-csv")
        defer { Self.cleanUp(drop, work) }
        let out = work + "/out"
        #expect(try BinaryHarness.run(runArgs(drop, out), environment: epoch).status == 0)
        try FileManager.default.removeItem(atPath: drop + "/requests.csv")
        try FileManager.default.createDirectory(atPath: drop + "/requests.csv", withIntermediateDirectories: false)
        let before = Self.tree(work)
        let expected = "jiceng: io-failure: cannot read \(drop)/requests.csv: Is a directory\n"
        let validate = try BinaryHarness.run(["validate", "--data", drop, "--lang", "en"])
        #expect(validate.status == 2)
        #expect(validate.stderr == expected, "\(validate.stderr)")
        for command in [runArgs(drop, out), ["ingest", "--data", drop, "--out", out, "--lang", "en"]] {
            let r = try BinaryHarness.run(command, environment: epoch)
            #expect(r.status == 2, "\(command[0]): \(r.stderr)")
            #expect(r.stderr == expected, "\(command[0]): \(r.stderr)")
            #expect(Self.tree(work) == before, "\(command[0]) changed OUT")
        }
    }
}
