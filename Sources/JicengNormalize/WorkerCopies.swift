import JicengCore

// Private copies of what the row loop reads, one per worker thread (see
// `RecordProcessor.forWorker`): the same values in buffers no other thread retains.

extension FactFileContext {
    /// A copy that shares no array buffer or class instance the row loop reads with `self`.
    func privateCopy() -> FactFileContext {
        var copy = self
        copy.dataset = CompiledDataset(privateCopyOf: dataset)
        copy.mapping = HeaderMapping(privateCopyOf: mapping)
        copy.directory = directory.privateCopy()
        copy.distinctTextColumns = distinctTextColumns.map { $0 }
        return copy
    }
}

extension HeaderMapping {
    init(privateCopyOf o: HeaderMapping) {
        fieldToColumn = o.fieldToColumn.map { $0 }
        columnToField = o.columnToField.map { $0 }
        headerCount = o.headerCount
        provenanceLineField = o.provenanceLineField
        cellCountField = o.cellCountField
        dataHeaderCount = o.dataHeaderCount
        isUsable = o.isUsable
        findings = o.findings
        columnLabels = o.columnLabels
    }
}

extension CompiledDataset.CompiledRule {
    func privateCopy() -> CompiledDataset.CompiledRule {
        switch self {
        case .requiredWhen(let column, let condition): return .requiredWhen(column: column, condition: condition.privateCopy())
        case .notBefore: return self
        }
    }
}

extension SlotCondition {
    /// The same condition built anew: its boxes and value lists are its own.
    func privateCopy() -> SlotCondition {
        switch self {
        // An indirect enum: every case is a box, so even the plain ones are built anew.
        case .compare(let slot, let op, let value): return .compare(slot: slot, op: op, value: value)
        case .isSet(let slot): return .isSet(slot: slot)
        case .isTrue(let slot): return .isTrue(slot: slot)
        case .isIn(let slot, let values): return .isIn(slot: slot, values: values.map { $0 })
        case .and(let parts): return .and(parts.map { $0.privateCopy() })
        case .or(let parts): return .or(parts.map { $0.privateCopy() })
        case .not(let inner): return .not(inner.privateCopy())
        }
    }
}
