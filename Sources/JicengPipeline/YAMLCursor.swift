import JicengCore
import Yams

/// A YAML node together with where it is: the file, its line and column, and its key path
/// (`indicators.resolution_rate.numerator`, `report.headline[2]`).
///
/// Exists so that every reading step of the pipeline loader can turn a wrong shape or value into a
/// `JicengError(.pipelineInvalid)` that names the file, the line and the key without threading that
/// information by hand.
struct YAMLCursor {
    let node: Node
    let path: String
    let file: String

    init(node: Node, path: String, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    // MARK: Locations and errors

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column, key: path.isEmpty ? nil : path)
    }

    func error(_ message: String) -> JicengError {
        JicengError(.pipelineInvalid, message, at: location)
    }

    /// An error pointing into this scalar at the 1-based `position` (in Unicode scalars) of its text,
    /// e.g. at the bad word of a condition. Falls back to the scalar's start for multi-line texts.
    func error(_ message: String, atTextPosition position: Int) -> JicengError {
        var loc = location
        if let scalar = node.scalar, let column = loc.column, !scalar.string.contains("\n") {
            let quoteOffset = (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) ? 1 : 0
            if scalar.style == .plain || quoteOffset == 1 {
                loc.column = column + quoteOffset + position - 1
            }
        }
        return JicengError(.pipelineInvalid, message, at: loc)
    }

    func child(_ key: String, _ node: Node) -> YAMLCursor {
        YAMLCursor(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    func item(_ index: Int, _ node: Node) -> YAMLCursor {
        YAMLCursor(node: node, path: "\(path)[\(index)]", file: file)
    }

    // MARK: Shapes

    /// An empty plain scalar, `~` or `null`: a key written with nothing after it.
    var isNull: Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the node is described in "expected …, found …" messages.
    var shapeDescription: String {
        switch node {
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .scalar(let s):
            if isNull { return "nothing" }
            let text = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
            return "the text '\(text)'"
        }
    }

    /// The entries of a mapping in file order. An empty value (`key:` alone) counts as an empty
    /// mapping. Duplicate keys are errors; with `allowed`, so are keys outside it (with a
    /// suggestion for likely typos); `required` keys must be present.
    func mapping(allowed: [String]? = nil, required: [String] = [], what: String? = nil) throws -> YAMLMapping {
        if isNull {
            if let missing = required.first {
                throw error("'\(missing)' is required here, but \(path.isEmpty ? "the file" : "'\(path)'") is empty")
            }
            return YAMLMapping(owner: self, entries: [])
        }
        guard case .mapping(let map) = node else {
            throw error("expected \(what ?? "a mapping (key: value lines)") here, found \(shapeDescription)")
        }
        var entries: [YAMLMapping.Entry] = []
        var seen: [String: Int] = [:]
        for (keyNode, valueNode) in map {
            let keyCursor = YAMLCursor(node: keyNode, path: path, file: file)
            guard let key = keyNode.scalar?.string, !key.isEmpty else {
                throw keyCursor.error("a key must be a plain name, found \(keyCursor.shapeDescription)")
            }
            let childCursor = child(key, valueNode)
            let keyAt = YAMLCursor(node: keyNode, path: childCursor.path, file: file)
            if let firstLine = seen[key] {
                throw keyAt.error("duplicate key '\(key)' (first given at line \(firstLine))")
            }
            seen[key] = keyNode.mark?.line ?? 0
            if let allowed, !allowed.contains(key) {
                var message = "unknown key '\(key)'"
                if let suggestion = Suggestion.closest(to: key, among: allowed) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                message += "; allowed here: \(allowed.joined(separator: ", "))"
                throw keyAt.error(message)
            }
            entries.append(YAMLMapping.Entry(key: key, keyCursor: keyAt, value: childCursor))
        }
        for key in required where seen[key] == nil {
            var loc = location
            loc.key = path.isEmpty ? key : "\(path).\(key)"
            throw JicengError(.pipelineInvalid, "missing required key '\(key)'", at: loc)
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// The items of a list. An empty value counts as an empty list.
    func list(what: String = "a list ([a, b] or '- ' lines)") throws -> [YAMLCursor] {
        if isNull { return [] }
        guard case .sequence(let seq) = node else {
            throw error("expected \(what) here, found \(shapeDescription)")
        }
        return seq.enumerated().map { item($0.offset, $0.element) }
    }

    // MARK: Scalars

    func string() throws -> String {
        guard case .scalar(let s) = node, !isNull else {
            throw error("expected a text here, found \(shapeDescription)")
        }
        return s.string
    }

    /// A non-empty text after trimming.
    func text() throws -> String {
        let value = try string().trimmingSpaces()
        if value.isEmpty { throw error("expected a non-empty text here") }
        return value
    }

    /// A name usable in CSV outputs and conditions: ASCII letter or `_`, then letters, digits, `_`.
    func identifier(what: String = "name") throws -> String {
        let value = try string()
        try YAMLCursor.checkIdentifier(value) { self.error("'\(value)' is not a valid \(what): \($0)") }
        return value
    }

    static func checkIdentifier(_ value: String, _ fail: (String) -> JicengError) throws {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first else { throw fail("it is empty") }
        func isLetter(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" }
        guard isLetter(first) else { throw fail("it must start with a letter or '_'") }
        guard scalars.allSatisfy({ isLetter($0) || ($0 >= "0" && $0 <= "9") }) else {
            throw fail("use only letters a–z, digits and '_'")
        }
    }

    func bool() throws -> Bool {
        let value = try string()
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw error("expected true or false here, found \(shapeDescription)")
        }
    }

    func number() throws -> Double {
        let value = try string().trimmingSpaces()
        guard let number = Double(value), number.isFinite else {
            throw error("expected a number here, found \(shapeDescription)")
        }
        return number
    }

    func integer() throws -> Int64 {
        let value = try string().trimmingSpaces()
        guard let number = Int64(value) else {
            throw error("expected a whole number here, found \(shapeDescription)")
        }
        return number
    }

    /// One of a closed list of words.
    func choice(_ options: [String]) throws -> String {
        let value = try string()
        guard options.contains(value) else {
            var message = "'\(value)' is not allowed here; expected one of: \(options.joined(separator: ", "))"
            if let suggestion = Suggestion.closest(to: value, among: options) {
                message =
                    "'\(value)' is not allowed here (did you mean '\(suggestion)'?); expected one of: \(options.joined(separator: ", "))"
            }
            throw error(message)
        }
        return value
    }

    /// A list of non-empty texts.
    func texts() throws -> [String] {
        try list().map { try $0.text() }
    }
}
