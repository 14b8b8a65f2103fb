import JicengCore
import JicengPipeline

/// The sentinel for "no value" in a normalised row's `Int64` slots.
public let missingSlot = Int64.min

/// A dataset spec turned into what the hot path needs: a slot per column (and derived column),
/// header-name and enumeration lookup tables built once, and rules over slot indices.
public final class CompiledDataset: Sendable {
    /// How a column's bytes become a slot value.
    public enum Parse: Sendable, Hashable {
        case text
        case integer(minimum: Int64?)
        case boolean, date, enumeration
        case reference(UnitReferenceRole)
    }

    public let spec: DatasetSpec
    public let columnParses: [Parse]
    /// Enumeration lookups, per column (nil for other types).
    let enumLookups: [FoldedLookup<Int>?]
    /// The same, unretained (`enumLookups` keeps them alive), for `enumerationCode`.
    private let unretainedEnumLookups: [Unmanaged<FoldedLookup<Int>>?]
    let headerLookup: FoldedLookup<Int>
    /// Slots: one per column, then one per derived column.
    let slotCount: Int
    let periodSlot: Int?
    /// Reference columns in precedence order (column indices): the grid, unit and community
    /// columns in the order the pipeline lists them, then the street column (contract v2 §9: a
    /// street name places a row only when no other reference is given).
    let referenceColumns: [Int]
    /// The street column: it tells apart communities of the same name, and places a row alone.
    let streetColumn: Int?
    public let uniqueColumns: [Int]
    let rules: [CompiledRule]
    let derived: [DerivedSlot]
    /// Per column, for the row loop: whether a value is required, and the slot value of its
    /// default (`ColumnSpec.defaultValue`) where a row has none.
    public let valueRequired: [Bool]
    public let defaults: [Int64?]
    /// Per column, the slot value of a text default when a distinct count hashes the column
    /// (`FoldedTextHash` of the text, as a cell holding it would give); nil otherwise.
    let hashedDefaults: [Int64?]
    let isReference: [Bool]

    struct DerivedSlot: Sendable {
        var slot: Int
        var from: Int
        var to: Int
    }

    enum CompiledRule: Sendable {
        case requiredWhen(column: Int, condition: SlotCondition)
        case notBefore(column: Int, reference: Int)
    }

    public init(_ spec: DatasetSpec, parameters: [String: Double]) throws {
        self.spec = spec
        var parses: [Parse] = []
        var enums: [FoldedLookup<Int>?] = []
        var headerEntries: [(key: String, value: Int)] = []
        for (i, column) in spec.columns.enumerated() {
            headerEntries.append((column.name, i))
            for alias in column.aliases { headerEntries.append((alias, i)) }
            switch column.type {
            case .text:
                parses.append(.text)
                enums.append(nil)
            case .integer(let minimum):
                parses.append(.integer(minimum: minimum))
                enums.append(nil)
            case .boolean:
                parses.append(.boolean)
                enums.append(nil)
            case .date:
                parses.append(.date)
                enums.append(nil)
            case .unitReference(let role):
                parses.append(.reference(role))
                enums.append(nil)
            case .enumeration(let e):
                parses.append(.enumeration)
                var entries: [(key: String, value: Int)] = []
                for (code, value) in e.values.enumerated() {
                    entries.append((value.name, code))
                    for s in value.synonyms { entries.append((s, code)) }
                }
                enums.append(FoldedLookup(entries, combine: { a, _ in a }))
            }
        }
        columnParses = parses
        enumLookups = enums
        unretainedEnumLookups = enums.map { $0.map(Unmanaged.passUnretained) }
        // The first declaration wins if two columns share an alias.
        headerLookup = FoldedLookup(headerEntries, combine: { a, _ in a })
        var slotNames = spec.columns.map(\.name)
        var derived: [DerivedSlot] = []
        for d in spec.derived {
            switch d.formula {
            case .daysBetween(let from, let to):
                guard let f = slotNames.firstIndex(of: from), let t = slotNames.firstIndex(of: to) else {
                    throw JicengError(.pipelineInvalid, "derived column \(d.name) of \(spec.name) names an unknown column")
                }
                derived.append(DerivedSlot(slot: slotNames.count, from: f, to: t))
            }
            slotNames.append(d.name)
        }
        self.derived = derived
        slotCount = slotNames.count
        periodSlot = spec.periodColumn.flatMap { slotNames.firstIndex(of: $0) }
        let street = spec.columns.firstIndex { $0.type == .unitReference(.street) }
        let listed = spec.unitReference.compactMap { name in spec.columns.firstIndex { $0.name == name } }
        referenceColumns = listed.filter { $0 != street } + listed.filter { $0 == street }
        streetColumn = street
        uniqueColumns = spec.columns.indices.filter { spec.columns[$0].unique }
        let names = slotNames
        rules = try spec.rules.map { rule in
            switch rule {
            case .requiredWhen(let column, let condition):
                guard let c = names.firstIndex(of: column) else {
                    throw JicengError(.pipelineInvalid, "rule of \(spec.name) names an unknown column \(column)")
                }
                return .requiredWhen(
                    column: c, condition: try SlotCondition(condition, dataset: spec, slotNames: names, parameters: parameters))
            case .notBefore(let column, let reference):
                guard let c = names.firstIndex(of: column), let r = names.firstIndex(of: reference) else {
                    throw JicengError(.pipelineInvalid, "rule of \(spec.name) names an unknown column")
                }
                return .notBefore(column: c, reference: r)
            }
        }
        slotNamesStorage = names
        valueRequired = spec.columns.map(\.valueRequired)
        defaults = spec.columns.map { column in column.defaultValue.map { Self.slotValue(of: $0, type: column.type) } }
        hashedDefaults = spec.columns.map { column in
            guard case .text(let text)? = column.defaultValue else { return nil }
            var bytes = text.trimmingSpaces()
            return bytes.withUTF8 { FoldedTextHash.slotValue($0) }
        }
        let references = Set(referenceColumns)
        isReference = spec.columns.indices.map { references.contains($0) }
    }

    private let slotNamesStorage: [String]

    /// The code of the enumeration value (or synonym) in `bytes` for column `c`, or nil. Called
    /// per cell: the lookup is used without retaining it (the dataset owns it).
    @inline(__always)
    func enumerationCode(column c: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        unretainedEnumLookups[c]!._withUnsafeGuaranteedRef { $0.lookup(bytes) }
    }

    /// A copy for one worker thread: every array and lookup the row loop reads is its own (see
    /// `RecordProcessor.forWorker`); the spec and the names, read only to word findings, are shared.
    init(privateCopyOf o: CompiledDataset) {
        spec = o.spec
        columnParses = o.columnParses.map { $0 }
        enumLookups = o.enumLookups.map { $0?.privateCopy() }
        unretainedEnumLookups = enumLookups.map { $0.map(Unmanaged.passUnretained) }
        headerLookup = o.headerLookup
        slotCount = o.slotCount
        periodSlot = o.periodSlot
        referenceColumns = o.referenceColumns.map { $0 }
        streetColumn = o.streetColumn
        uniqueColumns = o.uniqueColumns.map { $0 }
        rules = o.rules.map { $0.privateCopy() }
        derived = o.derived.map { $0 }
        valueRequired = o.valueRequired.map { $0 }
        defaults = o.defaults.map { $0 }
        hashedDefaults = o.hashedDefaults.map { $0 }
        isReference = o.isReference.map { $0 }
        slotNamesStorage = o.slotNamesStorage
    }

    /// A default as a slot holds the value of a cell: the integer, 1/0, the day number, the
    /// enumeration value's code, or 1 for a text (a text slot says that the cell has a value).
    static func slotValue(of value: ColumnDefault, type: ColumnType) -> Int64 {
        switch value {
        case .integer(let v): return v
        case .boolean(let b): return b ? 1 : 0
        case .date(let d): return Int64(d.dayNumber)
        case .value(let name):
            guard case .enumeration(let e) = type, let code = e.code(of: name) else { return missingSlot }
            return Int64(code)
        case .text: return 1
        }
    }

    /// Canonical names of the slots: columns, then derived columns.
    public var slotNames: [String] { slotNamesStorage }

    public func slot(named name: String) -> Int? { slotNamesStorage.firstIndex(of: name) }

    /// Looks up a header name (folded, with aliases); nil when it matches no column.
    public func column(forHeader header: String) -> Int? { headerLookup.lookup(header) }
}
