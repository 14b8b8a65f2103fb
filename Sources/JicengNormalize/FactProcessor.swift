import JicengCore
import JicengIngest
import JicengPipeline

/// What one file of a facts dataset needs to know to normalise its records.
public struct FactFileContext: Sendable {
    public var dataset: CompiledDataset
    public var mapping: HeaderMapping
    public var directory: UnitDirectory
    public var period: Period?
    public var fileName: String
    public var fileIndex: Int32
    public var fileEncoding: FileEncoding
    /// The whole file decodes in `fileEncoding` (`CSVHeader.wholeFileDecodes`): cells are valid
    /// UTF-8 and are not checked again one by one.
    public var wholeFileDecodes: Bool
    public var maxFieldBytes: Int
    public var listLimit: Int
    /// Write rejected records to the chunk's quarantine text.
    public var quarantine: Bool
    /// Only process these lines (for taking back duplicates); nil = all.
    public var onlyLines: Set<Int>?
    /// Per column, whether its slot holds the `FoldedTextHash` of a text (or unit-reference) cell
    /// instead of 1: the columns `distinct_count` measures count. Empty when there are none.
    public var distinctTextColumns: [Bool]

    public init(
        dataset: CompiledDataset, mapping: HeaderMapping, directory: UnitDirectory, period: Period?, fileName: String,
        fileIndex: Int32, fileEncoding: FileEncoding, wholeFileDecodes: Bool = false, maxFieldBytes: Int, listLimit: Int, quarantine: Bool,
        onlyLines: Set<Int>? = nil,
        distinctTextColumns: [Bool] = []
    ) {
        self.dataset = dataset
        self.mapping = mapping
        self.directory = directory
        self.period = period
        self.fileName = fileName
        self.fileIndex = fileIndex
        self.fileEncoding = fileEncoding
        self.wholeFileDecodes = wholeFileDecodes
        self.maxFieldBytes = maxFieldBytes
        self.listLimit = listLimit
        self.quarantine = quarantine
        self.onlyLines = onlyLines
        self.distinctTextColumns = distinctTextColumns
    }
}

/// Row counts of one file.
public struct RowCounts: Sendable, Hashable {
    public var read: Int64 = 0
    public var accepted: Int64 = 0
    public var rejected: Int64 = 0
    public var outOfPeriod: Int64 = 0
    /// The valid dates of the period column, in every row read (rejected or not).
    public var dates = DateSpan()

    public init() {}

    public mutating func add(_ o: RowCounts) {
        read += o.read
        accepted += o.accepted
        rejected += o.rejected
        outOfPeriod += o.outOfPeriod
        dates.add(o.dates)
    }
}

/// The output of one chunk: its findings, counts, unique-key occurrences, quarantine lines and
/// the sink's output.
public struct FactChunkOutput<SinkOutput: Sendable>: Sendable {
    public var findings: ChunkFindings
    public var counts: RowCounts
    public var keys: [[KeyOccurrence]]
    /// Quarantine CSV lines (already encoded), when enabled.
    public var quarantine: [UInt8]
    public var sink: SinkOutput
}

/// Normalises the records of one facts file on worker threads (contract §2–§4): cell counts,
/// sizes, encodings, missing values, types and constraints, enumeration synonyms, unit
/// references, row rules, derived values and the period; hands accepted rows to the sink.
public struct FactProcessor<Sink: RowSink>: RecordProcessor {
    public let context: FactFileContext
    public let sink: Sink

    public init(context: FactFileContext, sink: Sink) {
        self.context = context
        self.sink = sink
    }

    public struct WorkerState: @unchecked Sendable {
        let slotBuffer: SlotBuffer
        public var sinkState: Sink.State
        var slots: UnsafeMutablePointer<Int64> { slotBuffer.pointer }
    }

    /// A processor over a private copy of the context and sink (`RecordProcessor.forWorker`).
    public func forWorker() -> FactProcessor<Sink> {
        FactProcessor(context: context.privateCopy(), sink: sink.forWorker())
    }

    public func makeWorkerState() -> WorkerState {
        WorkerState(slotBuffer: SlotBuffer(count: context.dataset.slotCount), sinkState: sink.makeState())
    }

    public func process(_ batch: RecordBatch, state: inout WorkerState) -> FactChunkOutput<Sink.ChunkOutput> {
        var out = FactChunkOutput<Sink.ChunkOutput>(
            findings: ChunkFindings(listLimit: context.listLimit), counts: RowCounts(),
            keys: Array(repeating: [], count: context.dataset.uniqueColumns.count), quarantine: [],
            sink: sink.endChunk(state: &state.sinkState))
        let ctx = context
        let spec = ctx.dataset.spec
        for m in batch.malformed {
            out.counts.read += 1
            out.counts.rejected += 1
            let f = StructuralFindings.malformed(m, dataset: spec.name, file: ctx.fileName)
            out.findings.add(f)
            if ctx.quarantine { appendQuarantine(&out.quarantine, f, raw: [m.excerpt]) }
        }
        for a in batch.abandoned {
            out.counts.read += 1
            out.counts.rejected += 1
            let f = StructuralFindings.abandoned(a, dataset: spec.name, file: ctx.fileName, maxFieldBytes: ctx.maxFieldBytes)
            out.findings.add(f)
            if ctx.quarantine { appendQuarantine(&out.quarantine, f, raw: []) }
        }
        var rowFindings: [Finding] = []
        for r in 0..<batch.count {
            if let only = ctx.onlyLines, !only.contains(originalLine(batch, r, batch.fieldCount(r))) { continue }
            rowFindings.removeAll(keepingCapacity: true)
            let outcome = normalize(batch, r, slots: state.slots, findings: &rowFindings, keys: &out.keys, dates: &out.counts.dates)
            switch outcome {
            case .blank: continue
            case .rejected:
                out.counts.read += 1
                out.counts.rejected += 1
            case .outOfPeriod:
                out.counts.read += 1
                out.counts.outOfPeriod += 1
            case .accepted(let unit):
                out.counts.read += 1
                out.counts.accepted += 1
                sink.accept(
                    NormalizedRow(
                        unit: unit, slots: state.slots, line: originalLine(batch, r, batch.fieldCount(r)), fields: batch.fields(of: r)),
                    weight: 1, state: &state.sinkState)
            }
            for f in rowFindings { out.findings.add(f) }
            if ctx.quarantine, case .rejected = outcome, let first = rowFindings.first(where: { $0.severity == .error }) {
                appendQuarantine(
                    &out.quarantine, first,
                    raw: (0..<batch.fieldCount(r)).map {
                        String(decoding: batch.field(r, $0), as: UTF8.self)
                    }, allFindings: rowFindings.filter { $0.severity == .error })
            }
        }
        out.sink = sink.endChunk(state: &state.sinkState)
        return out
    }

    /// Takes back rows at `lines` (found to be duplicates after they were counted): each row that
    /// normalises as accepted is given to the sink with weight -1. Returns how many were.
    public func takeBack(_ batch: RecordBatch, state: inout WorkerState) -> Int {
        var taken = 0
        var scratch: [Finding] = []
        var keys: [[KeyOccurrence]] = Array(repeating: [], count: context.dataset.uniqueColumns.count)
        var dates = DateSpan()
        for r in 0..<batch.count {
            guard let only = context.onlyLines, only.contains(originalLine(batch, r, batch.fieldCount(r))) else { continue }
            scratch.removeAll(keepingCapacity: true)
            if case .accepted(let unit) = normalize(batch, r, slots: state.slots, findings: &scratch, keys: &keys, dates: &dates) {
                sink.accept(
                    NormalizedRow(
                        unit: unit, slots: state.slots, line: originalLine(batch, r, batch.fieldCount(r)), fields: batch.fields(of: r)),
                    weight: -1, state: &state.sinkState)
                taken += 1
            }
        }
        _ = sink.endChunk(state: &state.sinkState)
        return taken
    }

    enum Outcome {
        case blank, rejected, outOfPeriod
        case accepted(unit: Int)
    }

    @inline(__always)
    func normalize(
        _ batch: RecordBatch, _ r: Int, slots: UnsafeMutablePointer<Int64>, findings: inout [Finding],
        keys: inout [[KeyOccurrence]], dates: inout DateSpan
    ) -> Outcome {
        // Everything is read through `context` (borrowed with self) rather than local copies: a
        // copy would retain and release each class reference and array, per row and per thread.
        // Column names are read from the spec only on the (cold) paths that report a finding:
        // copying the spec per row would retain and release each of its strings and arrays.
        func name(_ c: Int) -> String { context.dataset.spec.columns[c].name }
        // Messages name a column by the file's header for it too: `办理状态 (status)`.
        func label(_ c: Int) -> String { c < context.mapping.columnLabels.count ? context.mapping.columnLabels[c] : name(c) }
        let fieldCount = batch.fieldCount(r)
        let line = originalLine(batch, r, fieldCount)
        // Blank records (every cell empty) are skipped silently: spreadsheets leave them behind.
        // A stage folder's records are never blank: the stage that wrote them skipped those.
        if context.mapping.provenanceLineField < 0 && BlankRecord.isBlank(batch, r) { return .blank }
        // `cells`: the record's cells in the drop; `available`: those of its fields that hold them.
        let (cells, available) = cellCounts(batch, r, fieldCount)

        func add(
            _ severity: Severity, _ code: FindingCode, _ column: String?, _ value: UnsafeBufferPointer<UInt8>?, _ message: LocalizedText
        ) {
            let text = value.map { SensitiveDataMasker.mask(String(decoding: ByteTrimming.trimmed($0), as: UTF8.self)) }
            findings.append(
                Finding(
                    severity: severity, code: code, dataset: context.dataset.spec.name, file: context.fileName, line: line,
                    column: column, value: text, message: message))
        }
        var ok = true
        // Compared here, so that the spec's name is only read (retained) for a finding.
        if cells != context.mapping.dataHeaderCount {
            if let f = StructuralFindings.cellCount(
                expected: context.mapping.dataHeaderCount, found: cells,
                dataset: context.dataset.spec.name, file: context.fileName, line: line)
            {
                findings.append(f)
            }
            ok = false
        }
        if let big = batch.oversizedField(r) {
            let c = big < context.mapping.fieldToColumn.count ? context.mapping.fieldToColumn[big] : -1
            findings.append(
                StructuralFindings.oversizedField(
                    column: c >= 0 ? name(c) : nil, dataset: context.dataset.spec.name,
                    file: context.fileName, line: line, maxFieldBytes: context.maxFieldBytes))
            return .rejected
        }
        let gbFile = context.fileEncoding == .gb18030
        // Columns.
        let columnCount = context.dataset.columnParses.count
        for c in 0..<columnCount {
            slots[c] = missingSlot
            let fi = context.mapping.columnToField[c]
            guard fi >= 0, fi < available else {
                if fi < 0, let d = defaultSlot(c) { slots[c] = d }
                continue
            }
            let raw = batch.field(r, fi)
            let bytes = ByteTrimming.trimmed(raw)
            if !(context.wholeFileDecodes || UTF8Validation.isValid(bytes)) || (gbFile && containsReplacement(bytes)) {
                add(.error, .encodingError, name(c), nil, FindingMessages.undecodableCell(label(c)))
                ok = false
                continue
            }
            if MissingValue.isMissing(bytes) {
                if let d = defaultSlot(c) {
                    slots[c] = d
                } else if context.dataset.valueRequired[c] && !context.dataset.isReference[c] {
                    add(.error, .missingValue, name(c), nil, FindingMessages.missingValue(label(c)))
                    ok = false
                }
                continue
            }
            switch context.dataset.columnParses[c] {
            case .text, .reference:
                slots[c] = context.distinctTextColumns.isEmpty || !context.distinctTextColumns[c] ? 1 : FoldedTextHash.slotValue(bytes)
            case .integer(let minimum):
                guard let v = IntegerParser.parse(bytes) else {
                    add(.error, .typeError, name(c), bytes, FindingMessages.typeError(label(c), expected: .wholeNumber))
                    ok = false
                    continue
                }
                if let minimum, v < minimum {
                    add(.error, .constraintError, name(c), bytes, FindingMessages.belowMinimum(label(c), minimum: minimum))
                    ok = false
                    continue
                }
                slots[c] = v
            case .boolean:
                guard let v = BooleanParser.parse(bytes) else {
                    add(.error, .typeError, name(c), bytes, FindingMessages.typeError(label(c), expected: .yesNo))
                    ok = false
                    continue
                }
                slots[c] = v ? 1 : 0
            case .date:
                guard let d = DateParser.parse(bytes) else {
                    add(.error, .typeError, name(c), bytes, FindingMessages.typeError(label(c), expected: .date))
                    ok = false
                    continue
                }
                slots[c] = Int64(d.dayNumber)
            case .enumeration:
                guard let code = context.dataset.enumerationCode(column: c, bytes) else {
                    add(.error, .typeError, name(c), bytes, FindingMessages.typeError(label(c), expected: .allowedValue))
                    ok = false
                    continue
                }
                slots[c] = Int64(code)
            }
        }
        // The period: every valid date counts toward the dataset's span, whatever else is wrong
        // with the row (a row of the right quarter with an unknown unit is still of that quarter).
        var outsidePeriod = false
        if let ps = context.dataset.periodSlot, slots[ps] != missingSlot {
            let day = Int32(truncatingIfNeeded: slots[ps])
            let inside = context.period.map { $0.contains(CivilDate(dayNumber: day)) } ?? true
            dates.add(day: day, inPeriod: inside)
            outsidePeriod = !inside
        }
        // Unique keys: every row with a key counts, whatever else is wrong with it.
        for (k, c) in context.dataset.uniqueColumns.enumerated() {
            let fi = context.mapping.columnToField[c]
            guard fi >= 0, fi < available, slots[c] != missingSlot else { continue }
            let bytes = ByteTrimming.trimmed(batch.field(r, fi))
            let key: KeyHash
            if case .reference = context.dataset.columnParses[c] {
                // A unit reference (grids.grid_id) names its unit the way lookups match it: folded,
                // so `g1`, `G1` and `Ｇ１` are the same grid and a second one is a duplicate.
                var folded = TextFolding.fold(utf8: bytes)
                key = folded.withUTF8 { KeyHash($0) }
            } else {
                key = KeyHash(bytes)
            }
            keys[k].append(KeyOccurrence(key: key, file: context.fileIndex, line: line))
        }
        // Unit reference: the first non-empty of the reference columns.
        var unit = -1
        if !context.dataset.referenceColumns.isEmpty {
            var used: Int?
            for c in context.dataset.referenceColumns where context.mapping.columnToField[c] >= 0 && slots[c] != missingSlot {
                used = c
                break
            }
            if let c = used {
                let bytes = ByteTrimming.trimmed(batch.field(r, context.mapping.columnToField[c]))
                let (resolved, ambiguous) = resolveUnit(column: c, bytes, batch, r, available: available)
                if let resolved {
                    unit = resolved
                } else {
                    add(
                        .error, .unknownUnit, name(c), bytes,
                        FindingMessages.unknownUnit(
                            label(c), ambiguous: ambiguous,
                            street: c == context.dataset.streetColumn))
                    ok = false
                }
            } else if ok {
                let present = context.dataset.referenceColumns.filter { context.mapping.columnToField[$0] >= 0 }
                add(.error, .missingValue, present.first.map { name($0) }, nil, FindingMessages.missingReference(present.map { label($0) }))
                ok = false
            }
        }
        // Derived values and rules.
        for d in context.dataset.derived {
            let from = slots[d.from]
            let to = slots[d.to]
            slots[d.slot] = (from == missingSlot || to == missingSlot) ? missingSlot : to - from
        }
        for rule in context.dataset.rules {
            switch rule {
            case .requiredWhen(let c, let condition):
                if slots[c] == missingSlot && condition.holds(slots) && !hadFinding(findings, column: name(c)) {
                    add(.error, .missingValue, name(c), nil, FindingMessages.missingValueWhen(label(c)))
                    ok = false
                }
            case .notBefore(let c, let ref):
                if slots[c] != missingSlot && slots[ref] != missingSlot && slots[c] < slots[ref] {
                    let fi = context.mapping.columnToField[c]
                    add(
                        .error, .ruleError, name(c), fi >= 0 ? batch.field(r, fi) : nil,
                        FindingMessages.notBefore(label(c), label(ref)))
                    ok = false
                }
            }
        }
        guard ok else { return .rejected }
        if outsidePeriod, let period = context.period, let ps = context.dataset.periodSlot {
            let fi = context.mapping.columnToField[ps]
            add(
                .warning, .outOfPeriod, name(ps), fi >= 0 ? batch.field(r, fi) : nil,
                FindingMessages.outOfPeriod(label(ps), period: period))
            return .outOfPeriod
        }
        return .accepted(unit: unit)
    }

    /// The slot value of column `c`'s default, or nil: a text default is hashed when a distinct
    /// count reads the column, as the cell would be.
    @inline(__always)
    func defaultSlot(_ c: Int) -> Int64? {
        guard let d = context.dataset.defaults[c] else { return nil }
        if !context.distinctTextColumns.isEmpty && context.distinctTextColumns[c] { return context.dataset.hashedDefaults[c] }
        return d
    }

    /// The record's cells in the drop, and how many of its fields hold them (fields beyond are
    /// absent, as in the drop). A drop's record: its fields. A stage folder's record: its fields
    /// without the provenance columns, padded or cut to the header's width by `ingest`, which
    /// writes the drop's count in `_cells` when it differed.
    @inline(__always)
    func cellCounts(_ batch: RecordBatch, _ r: Int, _ fieldCount: Int) -> (cells: Int, available: Int) {
        let m = context.mapping
        guard m.provenanceLineField >= 0 else { return (fieldCount, fieldCount) }
        var cells = max(0, fieldCount - (m.headerCount - m.dataHeaderCount))
        let cf = m.cellCountField
        if cf >= 0, cf < fieldCount, let v = IntegerParser.parse(batch.field(r, cf)), v >= 0 { cells = Int(clamping: v) }
        return (cells, min(cells, m.dataHeaderCount, fieldCount))
    }

    /// The record's line in the original drop: its own line, or the `_line` provenance column
    /// written by an earlier stage.
    @inline(__always)
    public func originalLine(_ batch: RecordBatch, _ r: Int, _ cells: Int) -> Int {
        let p = context.mapping.provenanceLineField
        guard p >= 0, p < cells, let v = IntegerParser.parse(batch.field(r, p)), v > 0 else { return batch.line(r) }
        return Int(v)
    }

    private func hadFinding(_ findings: [Finding], column: String) -> Bool {
        findings.contains { $0.column == column }
    }

    private func containsReplacement(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for i in 0..<(bytes.count - 2) where bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { return true }
        return false
    }

    /// Resolves a reference column's value to a unit; `ambiguous` when several units match.
    private func resolveUnit(
        column c: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ batch: RecordBatch, _ r: Int,
        available: Int
    ) -> (Int?, Bool) {
        let dir = context.directory
        switch context.dataset.columnParses[c] {
        case .reference(.grid):
            guard let u = dir.unit(id: bytes), dir.level(of: u) == .grid else { return (nil, false) }
            return (u, false)
        case .reference(.unit):
            return (dir.unit(id: bytes), false)
        case .reference(.community):
            var street: UnsafeBufferPointer<UInt8>?
            if let sc = context.dataset.streetColumn, context.mapping.columnToField[sc] >= 0,
                context.mapping.columnToField[sc] < available
            {
                let streetBytes = ByteTrimming.trimmed(batch.field(r, context.mapping.columnToField[sc]))
                if !MissingValue.isMissing(streetBytes) { street = streetBytes }
            }
            let (unit, ambiguous) = dir.community(named: bytes, inStreetNamed: street)
            return (unit, ambiguous)
        case .reference(.street):
            // Contract v2 §9: a street name alone places the row at the street.
            let streets = dir.streets(named: bytes)
            if streets.count == 1 { return (streets[0], false) }
            return (nil, streets.count > 1)
        default:
            return (dir.unit(id: bytes), false)
        }
    }

    private func appendQuarantine(_ out: inout [UInt8], _ finding: Finding, raw: [String], allFindings: [Finding]? = nil) {
        let record = QuarantineRecord(
            dataset: context.dataset.spec.name, file: context.fileName, line: finding.line ?? 0,
            findings: allFindings ?? [finding], cells: raw)
        out.append(contentsOf: record.utf8)
    }
}
