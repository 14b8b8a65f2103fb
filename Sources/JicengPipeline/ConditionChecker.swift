import JicengCore

/// Checks a parsed `Condition` against the dataset it filters: every column exists (including
/// derived ones), enumeration columns are compared with their canonical value names, numbers go
/// with numeric columns, `$parameters` are declared, and a bare column is a yes/no column.
///
/// Exists so that a condition naming a misspelt column or value is rejected when the pipeline is
/// loaded instead of silently matching no rows.
struct ConditionChecker {
    /// What a condition may do with one column.
    enum Operand {
        case number
        case boolean
        case date
        case text
        case unitReference
        case enumeration(EnumerationSpec)
    }

    /// A problem, with the word of the condition text it is about (to point at its column).
    struct Problem: Error {
        var message: String
        var word: String?
    }

    let dataset: String
    let operands: [String: Operand]
    /// Columns in declaration order, for messages.
    let columnOrder: [String]
    let parameters: [String: Double]

    init(dataset: DatasetSpec, parameters: [String: Double]) {
        var operands: [String: Operand] = [:]
        var order: [String] = []
        for column in dataset.columns {
            order.append(column.name)
            switch column.type {
            case .text: operands[column.name] = .text
            case .integer: operands[column.name] = .number
            case .boolean: operands[column.name] = .boolean
            case .date: operands[column.name] = .date
            case .enumeration(let spec): operands[column.name] = .enumeration(spec)
            case .unitReference: operands[column.name] = .unitReference
            }
        }
        for derived in dataset.derived {
            order.append(derived.name)
            switch derived.formula {
            case .daysBetween: operands[derived.name] = .number
            }
        }
        self.dataset = dataset.name
        self.operands = operands
        self.columnOrder = order
        self.parameters = parameters
    }

    func check(_ condition: Condition) throws(Problem) {
        switch condition {
        case .compare(let column, let op, let value):
            try checkComparison(column: column, op: op, value: value)
        case .isIn(let column, let values):
            for value in values { try checkComparison(column: column, op: .equal, value: value, inList: true) }
        case .isSet(let column):
            _ = try operand(column)
        case .isTrue(let column):
            guard case .boolean = try operand(column) else {
                throw Problem(
                    message:
                        "'\(column)' is not a yes/no column, so it cannot stand alone as a condition; compare it (e.g. '\(column) = …') or write '\(column) is set'",
                    word: column)
            }
        case .and(let items), .or(let items):
            for item in items { try check(item) }
        case .not(let inner):
            try check(inner)
        }
    }

    private func operand(_ column: String) throws(Problem) -> Operand {
        if let operand = operands[column] { return operand }
        var message = "unknown column '\(column)' in dataset '\(dataset)'"
        if let suggestion = Suggestion.closest(to: column, among: columnOrder) {
            message += " (did you mean '\(suggestion)'?)"
        } else {
            message += "; its columns are: \(columnOrder.joined(separator: ", "))"
        }
        throw Problem(message: message, word: column)
    }

    private func checkComparison(column: String, op: ComparisonOperator, value: ConditionValue, inList: Bool = false) throws(Problem) {
        let kind = try operand(column)
        let opText = inList ? "in" : op.rawValue
        let equality = op == .equal || op == .notEqual
        switch kind {
        case .enumeration(let spec):
            guard equality else {
                throw Problem(message: "'\(column)' is an enumeration: use =, != or in, not '\(opText)'", word: column)
            }
            guard case .symbol(let symbol) = value else {
                throw Problem(
                    message:
                        "'\(column)' is an enumeration: compare it with one of its values (\(spec.values.map(\.name).joined(separator: ", ")))",
                    word: column)
            }
            guard spec.code(of: symbol) != nil else {
                var message = "'\(symbol)' is not a value of '\(column)'"
                let folded = TextFolding.fold(symbol)
                if let canonical = spec.values.first(where: { $0.synonyms.contains { TextFolding.fold($0) == folded } }) {
                    message += " ('\(symbol)' is a synonym: write its canonical name '\(canonical.name)')"
                } else if let suggestion = Suggestion.closest(to: symbol, among: spec.values.map(\.name)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                message += "; its values are: \(spec.values.map(\.name).joined(separator: ", "))"
                throw Problem(message: message, word: symbol)
            }
        case .number:
            switch value {
            case .number:
                break
            case .parameter(let name):
                guard parameters[name] != nil else {
                    let declared = parameters.keys.sorted()
                    var message = "unknown parameter '$\(name)'"
                    if let suggestion = Suggestion.closest(to: name, among: declared) { message += " (did you mean '$\(suggestion)'?)" }
                    message +=
                        declared.isEmpty
                        ? "; declare it under 'parameters:'" : "; declared parameters: \(declared.map { "$" + $0 }.joined(separator: ", "))"
                    throw Problem(message: message, word: "$" + name)
                }
            case .symbol(let s):
                throw Problem(message: "'\(column)' is a number column: compare it with a number or a $parameter, not '\(s)'", word: s)
            case .boolean(let b):
                throw Problem(message: "'\(column)' is a number column: compare it with a number or a $parameter, not '\(b)'", word: column)
            }
        case .boolean:
            guard equality else {
                throw Problem(message: "'\(column)' is a yes/no column: use = or != with true or false, not '\(opText)'", word: column)
            }
            guard case .boolean = value else {
                throw Problem(message: "'\(column)' is a yes/no column: compare it with true or false", word: column)
            }
        case .text:
            guard equality else {
                throw Problem(message: "'\(column)' is a text column: use =, != or in, not '\(opText)'", word: column)
            }
            switch value {
            case .symbol: break
            case .parameter(let p):
                throw Problem(message: "'\(column)' is a text column: parameters are numbers and cannot be compared with it", word: "$" + p)
            default:
                throw Problem(message: "'\(column)' is a text column: compare it with a word", word: column)
            }
        case .date:
            throw Problem(
                message:
                    "'\(column)' is a date column: conditions can only test whether it is set ('\(column) is set'); use a derived column for day counts",
                word: column)
        case .unitReference:
            throw Problem(
                message: "'\(column)' is a unit reference: conditions can only test whether it is set ('\(column) is set')", word: column)
        }
    }
}
