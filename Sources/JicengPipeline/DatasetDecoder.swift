import JicengCore

/// Reads one entry of `datasets:` into a `DatasetSpec` and checks everything that can be checked
/// inside one dataset: column types and their options, header aliases and enumeration synonyms
/// that would be ambiguous, unit references, the period column, rules and derived columns.
///
/// Exists to keep the dataset part of the pipeline file (by far the largest) in one place.
struct DatasetDecoder {
    let levelSynonyms: [UnitLevel: [String]]
    let parameters: [String: Double]

    static let datasetKeys = ["title", "file_prefix", "required", "role", "columns", "unit_reference", "period_column", "rules", "derived"]
    static let columnKeys = ["type", "title", "aliases", "required", "value_required", "unique", "default", "minimum", "values", "role"]
    static let typeNames = ["text", "integer", "boolean", "date", "enum", "level", "unit_reference"]
    static let hierarchyColumns = ["unit_id", "name", "level", "parent_id"]

    func decode(name: String, cursor: YAMLCursor) throws -> DatasetSpec {
        let m = try cursor.mapping(allowed: Self.datasetKeys, required: ["columns"], what: "a dataset definition")
        let role = DatasetRole(rawValue: try m["role"]?.choice(["hierarchy", "facts"]) ?? "facts")!
        var spec = DatasetSpec(
            name: name,
            filePrefix: try m["file_prefix"]?.text(),
            required: try m["required"]?.bool() ?? false,
            role: role,
            columns: try decodeColumns(m["columns"]!),
            title: try m["title"]?.localizedTitle(name: name))

        if let derived = m["derived"] { spec.derived = try decodeDerived(derived, dataset: spec) }
        try checkHierarchyColumns(spec, cursor: m["columns"]!)
        if let unitReference = m["unit_reference"] {
            spec.unitReference = try decodeUnitReference(unitReference, dataset: spec)
        } else if role == .facts {
            throw cursor.error("dataset '\(name)' needs 'unit_reference': the columns that name a row's unit, in order of precedence")
        }
        try checkEveryUnitColumnListed(spec, cursor: m["unit_reference"] ?? cursor)
        if let period = m["period_column"] {
            let column = try period.reference(to: "column", among: spec.columns.map(\.name), context: "in dataset '\(name)'")
            guard spec.column(named: column)?.type == .date else {
                throw period.error("the period column '\(column)' must be a date column")
            }
            spec.periodColumn = column
        }
        if let rules = m["rules"] { spec.rules = try decodeRules(rules, dataset: spec) }
        return spec
    }

    // MARK: Columns

    private func decodeColumns(_ cursor: YAMLCursor) throws -> [ColumnSpec] {
        let entries = try cursor.mapping(what: "the columns, one 'name: {…}' per column").entries
        guard !entries.isEmpty else { throw cursor.error("a dataset needs at least one column") }
        var columns: [ColumnSpec] = []
        // Folded header spelling → (column, line), to reject a header that two columns would match.
        var spellings: [String: String] = [:]
        for entry in entries {
            _ = try entry.keyCursor.identifier(what: "column name")
            let column = try decodeColumn(name: entry.key, cursor: entry.value)
            let aliasCursors = try entry.value.mapping()["aliases"]?.list() ?? []
            for (index, spelling) in ([column.name] + column.aliases).enumerated() {
                let folded = TextFolding.fold(spelling)
                if let other = spellings[folded], other != column.name {
                    let at = index == 0 ? entry.keyCursor : aliasCursors[index - 1]
                    throw at.error("header '\(spelling)' would match both column '\(other)' and column '\(column.name)'")
                }
                spellings[folded] = column.name
            }
            columns.append(column)
        }
        return columns
    }

    private func decodeColumn(name: String, cursor: YAMLCursor) throws -> ColumnSpec {
        let m = try cursor.mapping(allowed: Self.columnKeys, required: ["type"], what: "a column definition ({type: …, aliases: […], …})")
        let typeName = try m["type"]!.choice(Self.typeNames)
        func only(_ key: String, with types: [String]) throws {
            if let c = m[key], !types.contains(typeName) {
                throw c.error("'\(key)' is only used with type \(types.joined(separator: " or ")), and '\(name)' is \(typeName)")
            }
        }
        try only("values", with: ["enum"])
        try only("role", with: ["unit_reference"])
        try only("minimum", with: ["integer"])

        let type: ColumnType
        switch typeName {
        case "text": type = .text
        case "boolean": type = .boolean
        case "date": type = .date
        case "integer":
            var minimum: Int64? = 0
            if let c = m["minimum"] { minimum = try c.string() == "none" ? nil : c.integer() }
            type = .integer(minimum: minimum)
        case "enum":
            guard let values = m["values"] else {
                throw cursor.error("column '\(name)' has type enum but no 'values'")
            }
            type = .enumeration(try decodeEnumeration(values, column: name))
        case "level":
            type = .enumeration(levelEnumeration())
        default:
            guard let roleCursor = m["role"] else {
                throw cursor.error("column '\(name)' has type unit_reference but no 'role' (grid, unit, community or street)")
            }
            type = .unitReference(UnitReferenceRole(rawValue: try roleCursor.choice(UnitReferenceRole.allCases.map(\.rawValue)))!)
        }

        let unique = try m["unique"]?.bool() ?? false
        var defaultValue: ColumnDefault?
        if let c = m["default"] {
            if unique {
                throw c.error("column '\(name)' is unique and cannot have a default: every row without a value would repeat it")
            }
            defaultValue = try c.columnDefault(for: type, column: name)
        }
        let required = try m["required"]?.bool() ?? false
        return ColumnSpec(
            name: name,
            aliases: try m["aliases"]?.texts() ?? [],
            type: type,
            required: required,
            valueRequired: try m["value_required"]?.bool(),
            unique: unique,
            defaultValue: defaultValue,
            title: try m["title"]?.localizedTitle(name: name))
    }

    private func decodeEnumeration(_ cursor: YAMLCursor, column: String) throws -> EnumerationSpec {
        let entries = try cursor.mapping(what: "the values, one 'name: {title: …, synonyms: […]}' per value").entries
        guard !entries.isEmpty else { throw cursor.error("an enum column needs at least one value") }
        var values: [EnumerationValue] = []
        var spellings: [String: String] = [:]
        for entry in entries {
            let name = try entry.keyCursor.identifier(what: "value name")
            let m = try entry.value.mapping(allowed: ["title", "synonyms"], what: "a value definition ({title: …, synonyms: […]})")
            let synonymCursors = try m["synonyms"]?.list() ?? []
            let synonyms = try synonymCursors.map { try $0.text() }
            for (index, spelling) in ([name] + synonyms).enumerated() {
                let folded = TextFolding.fold(spelling)
                if let other = spellings[folded], other != name {
                    let at = index == 0 ? entry.keyCursor : synonymCursors[index - 1]
                    throw at.error("'\(spelling)' would mean both '\(other)' and '\(name)' in column '\(column)'")
                }
                spellings[folded] = name
            }
            values.append(EnumerationValue(name: name, synonyms: synonyms, title: try m["title"]?.localizedTitle(name: name)))
        }
        return EnumerationSpec(values: values)
    }

    /// The five levels in rank order, with the synonyms of the `levels:` section.
    func levelEnumeration() -> EnumerationSpec {
        EnumerationSpec(
            values: UnitLevel.allCases.sorted().map {
                EnumerationValue(
                    name: $0.rawValue, synonyms: levelSynonyms[$0] ?? [],
                    title: LocalizedText(zh: $0.chineseName, en: DecodingHelpers.englishTitle(from: $0.rawValue)))
            })
    }

    // MARK: Units

    private func checkHierarchyColumns(_ spec: DatasetSpec, cursor: YAMLCursor) throws {
        guard spec.role == .hierarchy else { return }
        for name in Self.hierarchyColumns where spec.column(named: name) == nil {
            throw cursor.error(
                "the hierarchy dataset '\(spec.name)' needs the column '\(name)' (it needs \(Self.hierarchyColumns.joined(separator: ", ")))"
            )
        }
        if case .enumeration = spec.column(named: "level")!.type {
        } else {
            let at = try cursor.mapping()["level"] ?? cursor
            throw at.error("the column 'level' of the hierarchy dataset must have type level")
        }
    }

    private func decodeUnitReference(_ cursor: YAMLCursor, dataset: DatasetSpec) throws -> [String] {
        if dataset.role == .hierarchy {
            throw cursor.error("the hierarchy dataset '\(dataset.name)' defines units and cannot refer to them: remove 'unit_reference'")
        }
        let items = try cursor.list(what: "a list of columns in order of precedence, e.g. [grid_id, unit_id, community, street]")
        guard !items.isEmpty else { throw cursor.error("'unit_reference' needs at least one column") }
        var names: [String] = []
        var roles: [UnitReferenceRole] = []
        for item in items {
            let name = try item.reference(to: "column", among: dataset.columns.map(\.name), context: "in dataset '\(dataset.name)'")
            guard case .unitReference(let role) = dataset.column(named: name)!.type else {
                throw item.error("column '\(name)' is listed as a unit reference but its type is not unit_reference")
            }
            if names.contains(name) { throw item.error("column '\(name)' is listed twice") }
            if role == .street && roles.contains(.street) {
                throw item.error("a dataset has at most one street column, and '\(name)' is a second one")
            }
            names.append(name)
            roles.append(role)
        }
        // A street column may come anywhere in the list: it is tried last (contract v2 §9), and a
        // community column beside it uses it to tell apart communities of the same name.
        return names
    }

    private func checkEveryUnitColumnListed(_ spec: DatasetSpec, cursor: YAMLCursor) throws {
        for column in spec.columns {
            if case .unitReference = column.type, !spec.unitReference.contains(column.name) {
                throw cursor.error(
                    "column '\(column.name)' has type unit_reference but is not listed in 'unit_reference' of dataset '\(spec.name)'")
            }
        }
    }

    // MARK: Derived columns and rules

    private func decodeDerived(_ cursor: YAMLCursor, dataset: DatasetSpec) throws -> [DerivedColumn] {
        var derived: [DerivedColumn] = []
        let dateColumns = dataset.columns.filter { $0.type == .date }.map(\.name)
        let allColumns = dataset.columns.map(\.name)
        for entry in try cursor.mapping(what: "derived columns, one 'name: {formula: …}' per column").entries {
            let name = try entry.keyCursor.identifier(what: "column name")
            if dataset.column(named: name) != nil {
                throw entry.keyCursor.error("derived column '\(name)' has the name of a column of dataset '\(dataset.name)'")
            }
            let m = try entry.value.mapping(
                allowed: ["formula", "from", "to"], required: ["formula", "from", "to"],
                what: "a derived column ({formula: days_between, from: …, to: …})")
            _ = try m["formula"]!.choice(["days_between"])
            let from = try m["from"]!.reference(
                to: "date column", among: dateColumns, existing: allColumns, context: "in dataset '\(dataset.name)'")
            let to = try m["to"]!.reference(
                to: "date column", among: dateColumns, existing: allColumns, context: "in dataset '\(dataset.name)'")
            derived.append(DerivedColumn(name: name, formula: .daysBetween(from: from, to: to)))
        }
        return derived
    }

    private func decodeRules(_ cursor: YAMLCursor, dataset: DatasetSpec) throws -> [RowRule] {
        let checker = ConditionChecker(dataset: dataset, parameters: parameters)
        let columnNames = dataset.columns.map(\.name)
        let dateColumns = dataset.columns.filter { $0.type == .date }.map(\.name)
        var rules: [RowRule] = []
        for item in try cursor.list(what: "a list of rules, each '- rule: required_when|not_before'") {
            let kind = try item.mapping(
                allowed: ["rule", "column", "when", "reference"], required: ["rule"], what: "a rule ({rule: …, column: …, …})")["rule"]!
            switch try kind.choice(["required_when", "not_before"]) {
            case "required_when":
                let m = try item.mapping(allowed: ["rule", "column", "when"], required: ["column", "when"])
                let column = try m["column"]!.reference(to: "column", among: columnNames, context: "in dataset '\(dataset.name)'")
                rules.append(.requiredWhen(column: column, condition: try m["when"]!.condition(checker: checker)))
            default:
                let m = try item.mapping(allowed: ["rule", "column", "reference"], required: ["column", "reference"])
                let column = try m["column"]!.reference(
                    to: "date column", among: dateColumns, existing: columnNames, context: "in dataset '\(dataset.name)'")
                let reference = try m["reference"]!.reference(
                    to: "date column", among: dateColumns, existing: columnNames, context: "in dataset '\(dataset.name)'")
                rules.append(.notBefore(column: column, reference: reference))
            }
        }
        return rules
    }
}
