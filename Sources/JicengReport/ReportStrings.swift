import Foundation
import JicengAggregate
import JicengCore
import Mustache

/// The wording of the reports in one language, read from `Templates/strings.<language>.json`.
///
/// Keeps every word a reader sees out of the code: templates look texts up as `{{s.section.title}}`,
/// code as `strings["status.met"]`. A text may itself be a small template (`{{year}}年度`) filled
/// with `fill(_:_:)`. A missing key prints as `⟦key⟧`, which tests look for.
struct ReportStrings: Sendable {
    let language: Language
    /// Dotted key → text.
    let texts: [String: String]

    init(language: Language) throws {
        self.language = language
        let source = ReportTemplateText.strings(language)
        guard let object = try? JSONSerialization.jsonObject(with: Data(source.utf8)) as? [String: Any] else {
            throw JicengError(.ioFailure, "report wording strings.\(language.rawValue).json is not a JSON object")
        }
        var flat: [String: String] = [:]
        ReportStrings.flatten(object, prefix: "", into: &flat)
        texts = flat
    }

    private static func flatten(_ object: [String: Any], prefix: String, into flat: inout [String: String]) {
        for (key, value) in object {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if let text = value as? String {
                flat[path] = text
            } else if let nested = value as? [String: Any] {
                flatten(nested, prefix: path, into: &flat)
            }
        }
    }

    subscript(_ key: String) -> String {
        texts[key] ?? "⟦\(key)⟧"
    }

    /// The text of `key` with `{{name}}` placeholders filled in (values are not escaped here; the
    /// report template escapes the result).
    func fill(_ key: String, _ values: [String: String]) -> String {
        let pattern = self[key]
        guard pattern.contains("{{"), let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + pattern) else {
            return pattern
        }
        return template.render(values)
    }

    /// The texts as nested dictionaries, for `{{s.a.b}}` in templates.
    var tree: [String: Any] {
        var root: [String: Any] = [:]
        for (key, text) in texts {
            ReportStrings.insert(text, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ text: String, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = text
        } else {
            var child = node[head] as? [String: Any] ?? [:]
            insert(text, at: path.dropFirst(), into: &child)
            node[head] = child
        }
    }

    /// A period as readers say it: `2022年第二季度`, `2022 Q2`, `2022年上半年`, `2022 H1`.
    func period(_ period: Period) -> String {
        if let quarter = period.quarter {
            return fill("period.quarter", ["year": String(period.year), "quarter": self["period.quarterName.\(quarter)"]])
        }
        if let half = period.half {
            return fill("period.half", ["year": String(period.year), "half": self["period.halfName.\(half)"]])
        }
        return fill("period.year", ["year": String(period.year)])
    }

    func status(_ status: TargetStatus) -> String { self["status." + StatusStyle(status).key] }

    func level(_ level: UnitLevel) -> String { self["level." + level.rawValue] }
}
