// libFuzzer entry point over the reader (CSVFileReader: encoding detection, GB18030, boundary
// scanner, libcsv chunk parser) and the normaliser (HeaderMapping, FactProcessor, the units
// hierarchy), with the standard pipeline.
//
// No `@main` and no `main.swift`: libFuzzer brings its own `main`, which calls
// `LLVMFuzzerTestOneInput` below for every input. See Fuzz/README.md for how to build and run it.

import JicengCore
import JicengIngest
import JicengNormalize
import JicengPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// Everything that does not depend on the input, built once per process.
enum FuzzSetup {
    static let pipeline = PipelineLoader.standard

    static func compiled(_ name: String) -> CompiledDataset {
        guard let spec = pipeline.datasets.first(where: { $0.name == name }),
            let dataset = try? CompiledDataset(spec, parameters: pipeline.parameters)
        else {
            fatalError("the standard pipeline has no usable dataset \(name)")
        }
        return dataset
    }

    static let requests = compiled("requests")
    static let units = compiled("units")

    /// The small hierarchy of the end-to-end fixture, so that fuzzed requests can resolve units by
    /// id, grid id, community name (with the ambiguous 新建社区) and street.
    static let directory: UnitDirectory = {
        func row(_ id: String, _ name: String, _ level: UnitLevel, _ parent: String?, _ aliases: [String] = []) -> UnitRow {
            UnitRow(id: id, name: name, level: level, parentId: parent, aliases: aliases, file: "units.csv", line: 2)
        }
        let rows = [
            row("C", "石首市", .city, nil), row("D", "石首城区", .district, "C"),
            row("S1", "绣林街道", .street, "D", ["绣林"]), row("S2", "笔架山街道", .street, "D"),
            row("K1", "栗田湖社区", .community, "S1", ["栗田湖"]), row("K2", "金银社区", .community, "S2"),
            row("K3", "新建社区", .community, "S1"), row("K4", "新建社区", .community, "S2"),
            row("G1", "一网格", .grid, "K1"), row("G2", "二网格", .grid, "K2"),
        ]
        guard let d = UnitHierarchyBuilder.build(rows).directory else { fatalError("fixture hierarchy rejected") }
        return d
    }()

    static let period = Period(year: 2022, quarter: 2)

    /// The options the brief asks for: tiny chunks and reads so that every record boundary, CRLF
    /// pair and multi-byte character lands across a block or chunk edge somewhere in the corpus;
    /// chunks also end after 5 cells, so the cut by cell count is exercised as well.
    static let tiny = CSVReadOptions(chunkBytes: 64, readBytes: 7, maxFieldBytes: 64, maxChunkCells: 5, workers: 1)
    /// The same field limit read in one piece: the reference the tiny reading must agree with.
    static let whole = CSVReadOptions(chunkBytes: 1 << 20, readBytes: 1 << 16, maxFieldBytes: 64, workers: 1)
    /// Tiny chunks on two worker threads (only with JICENG_FUZZ_PARALLEL=1: threads are slow here).
    static let parallel = CSVReadOptions(chunkBytes: 64, readBytes: 7, maxFieldBytes: 64, maxChunkCells: 5, workers: 2)
    static let checkParallel = getenv("JICENG_FUZZ_PARALLEL").map { String(cString: $0) == "1" } ?? false

    static let path: String = {
        var isDir = stat()
        let folder = stat("/dev/shm", &isDir) == 0 ? "/dev/shm" : "/tmp"
        return "\(folder)/jiceng-fuzz-\(getpid()).csv"
    }()
}

/// Stops the process in a way libFuzzer reports as a crash, with the broken invariant.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        let text = "JicengFuzz invariant broken: \(message())\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
        abort()
    }
}

/// What one chunk looked like from outside the normaliser.
struct ChunkShape: Sendable {
    var chunkIndex: Int
    var records: Int
    var firstLine: Int?
    var lastLine: Int?
    var malformed: Int
    var abandoned: Int
}

/// Wraps a `FactProcessor` and checks every batch before handing it on: record lines start after
/// the header and never go down within a batch; field counts and oversized-field indices are sane.
struct CheckingProcessor<Sink: RowSink>: RecordProcessor {
    let inner: FactProcessor<Sink>
    let headerLine: Int

    struct Output: Sendable {
        var shape: ChunkShape
        var inner: FactChunkOutput<Sink.ChunkOutput>
    }

    func makeWorkerState() -> FactProcessor<Sink>.WorkerState { inner.makeWorkerState() }

    func process(_ batch: RecordBatch, state: inout FactProcessor<Sink>.WorkerState) -> Output {
        var previous = headerLine + 1
        for r in 0..<batch.count {
            let line = batch.line(r)
            invariant(line >= 2 && line > headerLine, "record \(r) of chunk \(batch.chunkIndex) at line \(line), header at \(headerLine)")
            invariant(line >= previous, "line \(line) after \(previous) in chunk \(batch.chunkIndex)")
            previous = line
            let cells = batch.fieldCount(r)
            invariant(cells >= 1, "record at line \(line) has \(cells) fields")
            if let big = batch.oversizedField(r) {
                invariant(big >= 0 && big < cells, "oversized field \(big) of \(cells)")
                invariant(batch.field(r, big).count > 64, "field \(big) flagged oversized at \(batch.field(r, big).count) bytes")
            }
            for f in 0..<cells where batch.field(r, f).count > 64 {
                invariant(
                    batch.oversizedField(r) != nil && batch.oversizedField(r)! <= f,
                    "a field of \(batch.field(r, f).count) bytes not flagged")
            }
        }
        for m in batch.malformed { invariant(m.line >= 2 && m.line > headerLine, "malformed record at line \(m.line)") }
        for a in batch.abandoned { invariant(a.line >= 2 && a.line > headerLine, "abandoned record at line \(a.line)") }
        let shape = ChunkShape(
            chunkIndex: batch.chunkIndex, records: batch.count,
            firstLine: batch.count > 0 ? batch.line(0) : nil,
            lastLine: batch.count > 0 ? batch.line(batch.count - 1) : nil,
            malformed: batch.malformed.count, abandoned: batch.abandoned.count)
        return Output(shape: shape, inner: inner.process(batch, state: &state))
    }
}

/// What reading one file with one set of options produced, in a form two readings can be compared in.
struct FileResult: Equatable {
    enum Header: Equatable {
        case header(fields: [String], line: Int, encoding: FileEncoding)
        case empty, undecodable
        case malformed(line: Int, unterminated: Bool)
        case tooLarge(line: Int)
    }

    var header: Header
    var usable = false
    var counts = RowCounts()
    /// (line, code, column) of every row finding, in file order.
    var findings: [String] = []
    var units: [UnitRow] = []
    var rawBytes: Int64 = 0
}

/// Personal data must never leave the normaliser unmasked. Whatever else the masker leaves
/// readable (request ids, 12-digit unit codes), no whole digit run (ASCII or full-width) in a
/// finding or a quarantine line may still have the shape of a mobile number (11 digits, `1[3-9]…`),
/// an ID-card number (18 characters with a final X, 18 or 15 digits) or a bank card (16–19 digits).
func checkMasked(_ text: String, _ what: String) {
    let scalars = Array(text.unicodeScalars)
    func digit(_ k: Int) -> Int? {
        guard k < scalars.count else { return nil }
        let v = scalars[k].value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }
    var i = 0
    while i < scalars.count {
        guard digit(i) != nil else {
            i += 1
            continue
        }
        var j = i
        while digit(j) != nil { j += 1 }
        let length = j - i
        let mobile = length == 11 && digit(i) == 1 && (3...9).contains(digit(i + 1)!)
        let idCard = length == 15 || length == 18 || (length == 17 && j < scalars.count && (scalars[j] == "X" || scalars[j] == "x"))
        let bankCard = (16...19).contains(length)
        invariant(!(mobile || idCard || bankCard), "unmasked personal number in \(what): \(text.debugDescription)")
        i = j
    }
}

func checkMasked(_ finding: Finding) {
    checkMasked(finding.value ?? "", "value of \(finding.code.rawValue)")
    checkMasked(finding.message.zh, "message of \(finding.code.rawValue)")
    checkMasked(finding.message.en, "message of \(finding.code.rawValue)")
}

func read(dataset: CompiledDataset, options: CSVReadOptions, size: Int) -> FileResult {
    let name = dataset.spec.name + ".csv"
    let reader: CSVFileReader
    do { reader = try CSVFileReader(path: FuzzSetup.path, options: options) } catch { fatalError("cannot open the fuzz file: \(error)") }
    var observed: Int64 = 0
    reader.rawObserver = { observed += Int64($0.count) }
    var result: FileResult
    do {
        switch try reader.readHeader() {
        case .empty: result = FileResult(header: .empty)
        case .undecodable: result = FileResult(header: .undecodable)
        case .malformed(let m):
            invariant(m.line >= 1, "malformed header at line \(m.line)")
            result = FileResult(header: .malformed(line: m.line, unterminated: m.unterminatedQuote))
        case .tooLarge(let a):
            invariant(a.line >= 1, "oversized header at line \(a.line)")
            result = FileResult(header: .tooLarge(line: a.line))
        case .header(let header):
            invariant(header.line >= 1 && !header.fields.isEmpty, "header at line \(header.line) with \(header.fields.count) fields")
            result = FileResult(header: .header(fields: header.fields, line: header.line, encoding: header.encoding))
            let mapping = HeaderMapping(header: header, dataset: dataset, file: name)
            invariant(mapping.headerCount == header.fields.count, "mapping of \(mapping.headerCount) for \(header.fields.count) fields")
            for f in mapping.findings {
                if dataset.spec.name == "requests" { checkMasked(f) }
                result.findings.append("\(f.line ?? -1) \(f.code.rawValue) \(f.column ?? "")")
            }
            guard mapping.isUsable else { break }
            result.usable = true
            let isUnits = dataset.spec.role == .hierarchy
            let context = FactFileContext(
                dataset: dataset, mapping: mapping, directory: isUnits ? UnitDirectory(units: []) : FuzzSetup.directory,
                period: isUnits ? nil : FuzzSetup.period, fileName: name, fileIndex: 0, fileEncoding: header.encoding,
                maxFieldBytes: options.maxFieldBytes, listLimit: 1 << 20, quarantine: true)
            var lastLine = header.line
            var nextChunk = 0
            func absorb<S>(_ out: CheckingProcessor<S>.Output) {
                let shape = out.shape
                invariant(shape.chunkIndex == nextChunk, "chunk \(shape.chunkIndex) delivered when \(nextChunk) was due")
                nextChunk += 1
                if let first = shape.firstLine {
                    invariant(first >= lastLine, "chunk \(shape.chunkIndex) starts at line \(first) after line \(lastLine)")
                    lastLine = shape.lastLine!
                }
                let c = out.inner.counts
                invariant(c.read == c.accepted + c.rejected + c.outOfPeriod, "counts do not add up: \(c)")
                invariant(c.read >= Int64(shape.malformed + shape.abandoned), "read \(c.read) < malformed + abandoned")
                invariant(c.read <= Int64(shape.records + shape.malformed + shape.abandoned), "read \(c.read) > records of the chunk")
                invariant(c.accepted + c.outOfPeriod <= Int64(shape.records), "accepted more than the chunk's records")
                result.counts.add(c)
                var rejectedLines = Set<Int>()
                for f in out.inner.findings.listed {
                    if !isUnits { checkMasked(f) }
                    invariant((f.line ?? 0) > header.line, "finding \(f.code.rawValue) at line \(f.line ?? -1), header at \(header.line)")
                    if f.severity == .error { rejectedLines.insert(f.line ?? 0) }
                    result.findings.append("\(f.line ?? -1) \(f.code.rawValue) \(f.column ?? "")")
                }
                invariant(Int64(rejectedLines.count) <= c.rejected, "errors on \(rejectedLines.count) lines, \(c.rejected) rows rejected")
                if !out.inner.quarantine.isEmpty {
                    let text = String(decoding: out.inner.quarantine, as: UTF8.self)
                    // Line numbers in a fuzz input stay far below 7 digits, so the whole line is checked.
                    if !isUnits { checkMasked(text, "quarantine") }
                }
            }
            if isUnits {
                let sink = try UnitRowSink(mapping: mapping, dataset: dataset, fileName: name)
                let processor = CheckingProcessor(inner: FactProcessor(context: context, sink: sink), headerLine: header.line)
                _ = try reader.readRecords(with: processor) { out in
                    absorb(out)
                    result.units.append(contentsOf: out.inner.sink)
                }
                invariant(
                    Int64(result.units.count) == result.counts.accepted,
                    "\(result.units.count) unit rows for \(result.counts.accepted) accepted")
                let built = UnitHierarchyBuilder.build(result.units)
                if let d = built.directory {
                    invariant(d.count <= result.units.count, "directory larger than its rows")
                    for (i, u) in d.units.enumerated() {
                        invariant((u.parent == nil) == (i == 0), "unit \(i) parent \(String(describing: u.parent))")
                        if let p = u.parent { invariant(p < i && d.units[p].level.rank < u.level.rank, "unit \(i) under \(p)") }
                    }
                }
            } else {
                let processor = CheckingProcessor(inner: FactProcessor(context: context, sink: DiscardingSink()), headerLine: header.line)
                _ = try reader.readRecords(with: processor) { absorb($0) }
            }
        }
        try reader.drainRaw()
    } catch {
        fatalError("reading a file of \(size) bytes threw: \(error)")
    }
    invariant(reader.rawBytesRead == Int64(size), "read \(reader.rawBytesRead) raw bytes of \(size)")
    invariant(observed == Int64(size), "the raw observer saw \(observed) bytes of \(size)")
    return result
}

#if JICENG_FUZZING
    @_silgen_name("__lsan_disable") func lsanDisable()
    @_silgen_name("__lsan_enable") func lsanEnable()

    /// Builds the pipeline and the hierarchy before the first input. Loading the standard pipeline
    /// leaks about 1 KB once (indirect `Condition` boxes made in `ConditionParser.parsePredicate`, see
    /// Fuzz/README.md): allocated with LeakSanitizer paused so that it is not blamed on an input.
    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzInitialize(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        lsanDisable()
        _ = FuzzSetup.requests
        _ = FuzzSetup.units
        _ = FuzzSetup.directory
        _ = FuzzSetup.path
        _ = FuzzSetup.checkParallel
        _ = RecoveryCheck.path
        lsanEnable()
        return 0
    }
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fd = open(FuzzSetup.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fatalError("cannot create \(FuzzSetup.path)") }
    var written = 0
    while written < size {
        let n = write(fd, data + written, size - written)
        guard n > 0 else { fatalError("cannot write \(FuzzSetup.path)") }
        written += n
    }
    close(fd)

    for dataset in [FuzzSetup.requests, FuzzSetup.units] {
        let tiny = read(dataset: dataset, options: FuzzSetup.tiny, size: size)
        let whole = read(dataset: dataset, options: FuzzSetup.whole, size: size)
        // How the file is cut into blocks and chunks must not change anything that is reported.
        invariant(tiny.header == whole.header, "header \(tiny.header) in tiny reads, \(whole.header) in one piece")
        invariant(tiny.counts == whole.counts, "counts \(tiny.counts) in tiny reads, \(whole.counts) in one piece")
        invariant(tiny.findings.sorted() == whole.findings.sorted(), "findings differ:\n\(tiny.findings)\nvs\n\(whole.findings)")
        invariant(tiny.units == whole.units, "unit rows differ")
        if FuzzSetup.checkParallel {
            let parallel = read(dataset: dataset, options: FuzzSetup.parallel, size: size)
            invariant(parallel == tiny, "two workers read differently from one")
        }
    }
    RecoveryCheck.check(data, size)
    return 0
}

#if !JICENG_FUZZING
    /// Without the fuzzer flags (a plain `swift build`, which builds every target) the target is a
    /// replay tool: `JicengFuzz FILE…` runs each file through the same reading and checks, once, so a
    /// crash or a corpus can be replayed without libFuzzer. The fuzzing build defines JICENG_FUZZING
    /// and has no `main` of its own: libFuzzer's `main` drives `LLVMFuzzerTestOneInput`.
    @main
    struct FuzzReplay {
        static func main() {
            let paths = CommandLine.arguments.dropFirst()
            if paths.isEmpty {
                print("usage: JicengFuzz FILE…  (replays inputs; build with the fuzzer flags to fuzz, see Fuzz/README.md)")
                return
            }
            for path in paths {
                let fd = open(path, O_RDONLY)
                guard fd >= 0 else {
                    print("cannot open \(path)")
                    exit(2)
                }
                var bytes: [UInt8] = []
                var block = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    bytes.append(contentsOf: block[0..<n])
                }
                close(fd)
                _ = bytes.withUnsafeBufferPointer { buffer in
                    fuzz(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
                }
                print("ok \(path) (\(bytes.count) bytes)")
            }
        }
    }
#endif
