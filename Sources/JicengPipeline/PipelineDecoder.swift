import JicengCore
import Yams

/// Reads the composed YAML tree of a pipeline file into a `Pipeline`, section by section, and
/// checks every reference between sections (measures → datasets and columns, indicators →
/// measures, report → indicators and enumeration columns).
///
/// Sections are read in dependency order whatever their order in the file, so an analyst may
/// arrange the file as they like. The first problem found is thrown, located at its line and key.
struct PipelineDecoder {
    let file: String

    static let topLevelKeys = ["name", "version", "parameters", "levels", "targets_file", "datasets", "measures", "indicators", "report"]
    static let measureKeys = ["dataset", "aggregate", "column", "where"]
    static let indicatorKeys = ["title", "value", "numerator", "denominator", "factor", "display"]
    static let reportKeys = ["headline", "rankings", "bar_charts", "breakdowns"]

    /// The pipeline, and the cursor of `targets_file` so the loader can report a missing file there.
    func decode(_ root: Node) throws -> (pipeline: Pipeline, targetsFile: YAMLCursor?) {
        let top = YAMLCursor(node: root, path: "", file: file)
        let m = try top.mapping(
            allowed: Self.topLevelKeys, required: ["name", "datasets", "measures", "indicators"],
            what: "a pipeline (name:, datasets:, measures:, indicators:, …)")
        let name = try m["name"]!.text()
        var version = 1
        if let v = m["version"] {
            version = Int(try v.integer())
            guard version >= 1 else { throw v.error("the version must be 1 or more") }
        }
        let parameters = try decodeParameters(m["parameters"])
        let levels = try decodeLevels(m["levels"])
        let datasets = try decodeDatasets(m["datasets"]!, levels: levels, parameters: parameters)
        let measures = try decodeMeasures(m["measures"]!, datasets: datasets, parameters: parameters)
        let indicators = try decodeIndicators(m["indicators"]!, measures: measures)
        let report = try decodeReport(m["report"], datasets: datasets, indicators: indicators)
        let targets = try m["targets_file"]?.text()
        let pipeline = Pipeline(
            name: name, version: version, parameters: parameters, levelSynonyms: levels, datasets: datasets,
            measures: measures, indicators: indicators, targetsFile: targets, report: report)
        return (pipeline, m["targets_file"])
    }

    // MARK: Parameters and levels

    private func decodeParameters(_ cursor: YAMLCursor?) throws -> [String: Double] {
        guard let cursor else { return [:] }
        var parameters: [String: Double] = [:]
        for entry in try cursor.mapping(what: "parameters, one 'name: number' per line").entries {
            let name = try entry.keyCursor.identifier(what: "parameter name")
            parameters[name] = try entry.value.number()
        }
        return parameters
    }

    private func decodeLevels(_ cursor: YAMLCursor?) throws -> [UnitLevel: [String]] {
        guard let cursor else { return [:] }
        let names = UnitLevel.allCases.sorted().map(\.rawValue)
        var levels: [UnitLevel: [String]] = [:]
        var spellings: [String: UnitLevel] = [:]
        for entry in try cursor.mapping(allowed: names, what: "levels, one 'level: [synonyms]' per line").entries {
            let level = UnitLevel(rawValue: entry.key)!
            let items = try entry.value.list(what: "a list of synonyms, e.g. [区, 县, 县级市]")
            var synonyms: [String] = []
            for item in items {
                let synonym = try item.text()
                let folded = TextFolding.fold(synonym)
                for other in UnitLevel.allCases where other != level && TextFolding.fold(other.rawValue) == folded {
                    throw item.error("'\(synonym)' is the name of the level '\(other.rawValue)'")
                }
                if let other = spellings[folded], other != level {
                    throw item.error("'\(synonym)' is also a synonym of the level '\(other.rawValue)'")
                }
                spellings[folded] = level
                synonyms.append(synonym)
            }
            levels[level] = synonyms
        }
        return levels
    }

    // MARK: Datasets

    private func decodeDatasets(_ cursor: YAMLCursor, levels: [UnitLevel: [String]], parameters: [String: Double]) throws -> [DatasetSpec] {
        let decoder = DatasetDecoder(levelSynonyms: levels, parameters: parameters)
        var datasets: [DatasetSpec] = []
        var hierarchyName: String?
        for entry in try cursor.mapping(what: "datasets, one 'name: {…}' per dataset").entries {
            let name = try entry.keyCursor.identifier(what: "dataset name")
            let dataset = try decoder.decode(name: name, cursor: entry.value)
            if dataset.role == .hierarchy {
                if let hierarchyName {
                    throw entry.value.error("only one dataset can have role hierarchy, and '\(hierarchyName)' already has it")
                }
                hierarchyName = name
            }
            if let clash = datasets.first(where: { $0.filePrefix == dataset.filePrefix }) {
                throw entry.value.error("datasets '\(clash.name)' and '\(name)' read the same files ('\(dataset.filePrefix)*.csv')")
            }
            datasets.append(dataset)
        }
        guard !datasets.isEmpty else { throw cursor.error("a pipeline needs at least one dataset") }
        guard hierarchyName != nil else {
            throw cursor.error("no dataset has 'role: hierarchy': one dataset (units) must define the organisational hierarchy")
        }
        return datasets
    }

    // MARK: Measures

    private func decodeMeasures(_ cursor: YAMLCursor, datasets: [DatasetSpec], parameters: [String: Double]) throws -> [MeasureSpec] {
        var measures: [MeasureSpec] = []
        for entry in try cursor.mapping(what: "measures, one 'name: {dataset: …, aggregate: …}' per measure").entries {
            let name = try entry.keyCursor.identifier(what: "measure name")
            let m = try entry.value.mapping(
                allowed: Self.measureKeys, required: ["dataset", "aggregate"],
                what: "a measure ({dataset: …, aggregate: count|sum|distinct_count, column: …, where: …})")
            let datasetName = try m["dataset"]!.reference(to: "dataset", among: datasets.map(\.name))
            let dataset = datasets.first { $0.name == datasetName }!
            let columnNames = dataset.columns.map(\.name) + dataset.derived.map(\.name)
            let aggregation: MeasureSpec.Aggregation
            switch try m["aggregate"]!.choice(["count", "sum", "distinct_count"]) {
            case "count":
                if let c = m["column"] {
                    throw c.error("'column' is not used with 'aggregate: count' (it counts rows; use 'where' to filter them)")
                }
                aggregation = .count
            case "sum":
                guard let c = m["column"] else { throw entry.value.error("'aggregate: sum' needs 'column': the number column to add up") }
                let column = try c.reference(to: "column", among: columnNames, context: "in dataset '\(datasetName)'")
                let isNumber: Bool
                if let spec = dataset.column(named: column) {
                    if case .integer = spec.type { isNumber = true } else { isNumber = false }
                } else {
                    isNumber = true  // derived columns are day counts
                }
                guard isNumber else { throw c.error("column '\(column)' is not a number column, so it cannot be summed") }
                aggregation = .sum(column: column)
            default:
                guard let c = m["column"] else {
                    throw entry.value.error("'aggregate: distinct_count' needs 'column': the column whose distinct values are counted")
                }
                aggregation = .distinctCount(
                    column: try c.reference(to: "column", among: columnNames, context: "in dataset '\(datasetName)'"))
            }
            let condition = try m["where"].map { try $0.condition(checker: ConditionChecker(dataset: dataset, parameters: parameters)) }
            measures.append(MeasureSpec(name: name, dataset: datasetName, aggregation: aggregation, condition: condition))
        }
        return measures
    }

    // MARK: Indicators

    private func decodeIndicators(_ cursor: YAMLCursor, measures: [MeasureSpec]) throws -> [IndicatorSpec] {
        let measureNames = measures.map(\.name)
        var indicators: [IndicatorSpec] = []
        for entry in try cursor.mapping(
            what: "indicators, one 'name: {title: …, value: …}' or 'name: {title: …, numerator: …, denominator: …}' per indicator"
        ).entries {
            let name = try entry.keyCursor.identifier(what: "indicator name")
            let m = try entry.value.mapping(allowed: Self.indicatorKeys, required: ["title"], what: "an indicator definition")
            let formula: IndicatorSpec.Formula
            if let value = m["value"] {
                for key in ["numerator", "denominator", "factor"] {
                    if let c = m[key] { throw c.error("an indicator has either 'value' or 'numerator' and 'denominator', not both") }
                }
                formula = .value(measure: try value.reference(to: "measure", among: measureNames))
            } else {
                guard let numerator = m["numerator"], let denominator = m["denominator"] else {
                    throw entry.value.error("indicator '\(name)' needs 'value: <measure>' or both 'numerator:' and 'denominator:'")
                }
                var factor = 1.0
                if let c = m["factor"] {
                    factor = try c.number()
                    guard factor != 0 else { throw c.error("the factor cannot be 0") }
                }
                formula = .ratio(
                    numerator: try numerator.reference(to: "measure", among: measureNames),
                    denominator: try denominator.reference(to: "measure", among: measureNames),
                    factor: factor)
            }
            let defaultDisplay: IndicatorSpec.Display
            if case .value = formula { defaultDisplay = .count } else { defaultDisplay = .percent }
            let display =
                try m["display"].map { IndicatorSpec.Display(rawValue: try $0.choice(["count", "percent", "decimal"]))! } ?? defaultDisplay
            indicators.append(
                IndicatorSpec(name: name, formula: formula, display: display, title: try m["title"]!.localizedTitle(name: name)))
        }
        guard !indicators.isEmpty else { throw cursor.error("a pipeline needs at least one indicator") }
        return indicators
    }

    // MARK: Report

    private func decodeReport(_ cursor: YAMLCursor?, datasets: [DatasetSpec], indicators: [IndicatorSpec]) throws -> ReportSettings {
        guard let cursor else { return ReportSettings() }
        let m = try cursor.mapping(allowed: Self.reportKeys, what: "report settings (headline:, rankings:, bar_charts:, breakdowns:)")
        let names = indicators.map(\.name)
        func indicatorList(_ key: String) throws -> [String] {
            guard let c = m[key] else { return [] }
            var list: [String] = []
            for item in try c.list(what: "a list of indicator names") {
                let name = try item.reference(to: "indicator", among: names)
                if list.contains(name) { throw item.error("indicator '\(name)' is listed twice") }
                list.append(name)
            }
            return list
        }
        var settings = ReportSettings(
            headline: try indicatorList("headline"), rankings: try indicatorList("rankings"),
            barCharts: try indicatorList("bar_charts"))
        if let c = m["breakdowns"] {
            for entry in try c.mapping(what: "breakdowns, one 'name: {dataset: …, column: …, title: …}' per chart").entries {
                let name = try entry.keyCursor.identifier(what: "breakdown name")
                let b = try entry.value.mapping(
                    allowed: ["dataset", "column", "title"], required: ["dataset", "column", "title"],
                    what: "a breakdown ({dataset: …, column: …, title: …})")
                let datasetName = try b["dataset"]!.reference(to: "dataset", among: datasets.map(\.name))
                let dataset = datasets.first { $0.name == datasetName }!
                let enumColumns = dataset.columns.filter { if case .enumeration = $0.type { return true } else { return false } }.map(
                    \.name)
                let column = try b["column"]!.reference(
                    to: "enum column", among: enumColumns, existing: dataset.columns.map(\.name),
                    context: "in dataset '\(datasetName)'")
                settings.breakdowns.append(
                    BreakdownSpec(
                        name: name, dataset: datasetName, column: column,
                        title: try b["title"]!.localizedTitle(name: name)))
            }
        }
        return settings
    }
}
