import JicengCore

/// Readers shared by the dataset and pipeline decoders: titles, conditions and references by name.
///
/// Exists so that every section of a pipeline file reads these the same way and reports the same
/// kind of located error.
extension YAMLCursor {
    /// A title: either a Chinese text (`title: 诉求解决率`, the English title is then derived from
    /// `name`), or both languages (`title: {zh: 诉求解决率, en: Resolution rate}`).
    func localizedTitle(name: String) throws -> LocalizedText {
        if case .mapping = node {
            let m = try mapping(allowed: ["zh", "en"], required: ["zh", "en"], what: "a title")
            return LocalizedText(zh: try m["zh"]!.text(), en: try m["en"]!.text())
        }
        guard case .scalar = node else {
            throw error("expected a title (a Chinese text, or {zh: …, en: …}) here, found \(shapeDescription)")
        }
        return LocalizedText(zh: try text(), en: DecodingHelpers.englishTitle(from: name))
    }

    /// A condition text, parsed and checked against the dataset it filters. Errors point at the
    /// offending character or word inside the text.
    func condition(checker: ConditionChecker) throws -> Condition {
        let source = try text()
        // Quoted in messages whole when it is short, as conditions are; a huge one is cut.
        let shown = source.count <= 200 ? source : String(source.prefix(200)) + "…"
        let parsed: Condition
        do {
            parsed = try ConditionParser.parse(source)
        } catch {
            throw self.error(
                "invalid condition '\(shown)': \(error.message) (at character \(error.position))", atTextPosition: error.position)
        }
        do {
            try checker.check(parsed)
        } catch {
            let position = error.word.flatMap { DecodingHelpers.position(ofWord: $0, in: source) } ?? 1
            throw self.error("invalid condition '\(shown)': \(error.message)", atTextPosition: position)
        }
        return parsed
    }

    /// A name that must be one of `known` (a dataset, column, measure or indicator). `existing`
    /// lists names that exist but are of the wrong kind (e.g. all columns, when a date column is
    /// needed), so the message can say so instead of "unknown".
    func reference(to what: String, among known: [String], existing: [String] = [], context: String? = nil) throws -> String {
        let value = try text()
        guard known.contains(value) else {
            if existing.contains(value) {
                var message = "'\(value)' is not a \(what)"
                if let context { message += " \(context)" }
                message += known.isEmpty ? "" : "; the \(what)s are: \(known.joined(separator: ", "))"
                throw error(message)
            }
            var message = "unknown \(what) '\(value)'"
            if let context { message += " \(context)" }
            if let suggestion = Suggestion.closest(to: value, among: known + existing) {
                message += " (did you mean '\(suggestion)'?)"
            } else if !known.isEmpty {
                message += "; known: \(known.joined(separator: ", "))"
            }
            throw error(message)
        }
        return value
    }
}

/// Small pure functions used by the decoders.
enum DecodingHelpers {
    /// `basically_satisfied` → `Basically satisfied`.
    static func englishTitle(from name: String) -> String {
        let spaced = name.replacingUnderscores()
        guard let first = spaced.first else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }

    /// The 1-based position (in Unicode scalars) of `word` as a whole word in `text`.
    static func position(ofWord word: String, in text: String) -> Int? {
        let haystack = Array(text.unicodeScalars)
        let needle = Array(word.unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        func isWordPart(_ s: Unicode.Scalar) -> Bool {
            s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
        }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            let before = start == 0 ? nil : haystack[start - 1]
            let afterIndex = start + needle.count
            let after = afterIndex < haystack.count ? haystack[afterIndex] : nil
            if (before.map { !isWordPart($0) } ?? true) && (after.map { !isWordPart($0) } ?? true) {
                return start + 1
            }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
