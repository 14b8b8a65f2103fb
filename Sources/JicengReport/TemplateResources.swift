import Foundation
import JicengCore
import Mustache

/// Access to the files in `Templates/` (the report wording and the Mustache templates), shipped
/// as a resource of this module so that reports can be reworded without touching code.
enum TemplateResources {
    /// The text of `Templates/<name>`.
    static func text(_ name: String) throws -> String {
        let candidates = [
            Bundle.module.resourceURL?.appendingPathComponent("Templates").appendingPathComponent(name),
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Templates"),
        ]
        for case let url? in candidates {
            if let data = FileManager.default.contents(atPath: url.path) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        throw JicengError(.ioFailure, "report template \(name) is missing from the JicengReport resources")
    }

    /// A parsed template. The Markdown content type is registered first so that templates can
    /// declare `{{% CONTENT_TYPE: MARKDOWN}}`.
    static func template(_ name: String) throws -> MustacheTemplate {
        MarkdownText.registerContentType()
        let source = try text(name)
        do {
            return try MustacheTemplate(string: source)
        } catch {
            throw JicengError(.ioFailure, "report template \(name) does not parse: \(error)")
        }
    }

    /// `template(_:)` as a result, for templates parsed once and kept in a static constant.
    static func load(_ name: String) -> Result<MustacheTemplate, JicengError> {
        do {
            return .success(try template(name))
        } catch let error as JicengError {
            return .failure(error)
        } catch {
            return .failure(JicengError(.ioFailure, "report template \(name): \(error)"))
        }
    }
}
