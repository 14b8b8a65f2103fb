import JicengCore
import JicengNormalize
import JicengPipeline

/// The pipeline's measures (and the hidden per-value counts behind breakdown charts) compiled
/// against each dataset's slots, numbered so that per-unit totals are one flat `Int64` array.
public struct CompiledMeasures: Sendable {
    public struct Measure: Sendable {
        public enum Kind: Sendable {
            case count
            case sum(slot: Int)
            case distinct(slot: Int)
        }

        public var name: String
        public var dataset: String
        public var kind: Kind
        public var condition: SlotCondition?
    }

    public let measures: [Measure]
    /// Measure indices per dataset name.
    public let byDataset: [String: [Int]]
    /// For each breakdown, its slices: (enumeration value, title, measure index).
    public let breakdowns: [(spec: BreakdownSpec, slices: [(value: EnumerationValue, measure: Int)])]

    public var count: Int { measures.count }

    public func index(of name: String) -> Int? { measures.firstIndex { $0.name == name } }

    /// Per column of `dataset`, whether a distinct-count measure counts it and it is a text or
    /// unit-reference column (whose slot must then hold the cell's `FoldedTextHash`, not 1);
    /// empty when no such measure exists, so that no row pays for hashing.
    public func distinctTextColumns(of dataset: CompiledDataset) -> [Bool] {
        var flags = [Bool](repeating: false, count: dataset.columnParses.count)
        for index in byDataset[dataset.spec.name] ?? [] {
            guard case .distinct(let slot) = measures[index].kind, slot < flags.count else { continue }
            switch dataset.columnParses[slot] {
            case .text, .reference: flags[slot] = true
            default: break
            }
        }
        return flags.contains(true) ? flags : []
    }

    public init(pipeline: Pipeline, datasets: [String: CompiledDataset]) throws {
        var list: [Measure] = []
        for m in pipeline.measures {
            guard let ds = datasets[m.dataset] else {
                throw JicengError(.pipelineInvalid, "measure \(m.name) names unknown dataset \(m.dataset)")
            }
            func slot(_ column: String) throws -> Int {
                guard let s = ds.slot(named: column) else {
                    throw JicengError(.pipelineInvalid, "measure \(m.name) names unknown column \(column)")
                }
                return s
            }
            let kind: Measure.Kind
            switch m.aggregation {
            case .count: kind = .count
            case .sum(let c): kind = .sum(slot: try slot(c))
            case .distinctCount(let c): kind = .distinct(slot: try slot(c))
            }
            let condition = try m.condition.map {
                try SlotCondition($0, dataset: ds.spec, slotNames: ds.slotNames, parameters: pipeline.parameters)
            }
            list.append(Measure(name: m.name, dataset: m.dataset, kind: kind, condition: condition))
        }
        var breakdowns: [(BreakdownSpec, [(EnumerationValue, Int)])] = []
        for b in pipeline.report.breakdowns {
            guard let ds = datasets[b.dataset], let slot = ds.slot(named: b.column),
                case .enumeration(let e)? = ds.spec.column(named: b.column)?.type
            else {
                throw JicengError(.pipelineInvalid, "breakdown \(b.name) must name an enumeration column of a dataset")
            }
            var slices: [(EnumerationValue, Int)] = []
            for (code, value) in e.values.enumerated() {
                slices.append((value, list.count))
                list.append(
                    Measure(
                        name: "breakdown:\(b.name):\(value.name)", dataset: b.dataset, kind: .count,
                        condition: .isIn(slot: slot, values: [Int64(code)])))
            }
            breakdowns.append((b, slices))
        }
        measures = list
        var by: [String: [Int]] = [:]
        for (i, m) in list.enumerated() { by[m.dataset, default: []].append(i) }
        byDataset = by
        self.breakdowns = breakdowns.map { (spec: $0.0, slices: $0.1.map { (value: $0.0, measure: $0.1) }) }
    }
}
