import JicengCore
import Mustache

/// Turns a built-in template text (`ReportTemplateText`) into a Mustache template, once, with the
/// Markdown content type registered first so that templates can declare
/// `{{% CONTENT_TYPE: MARKDOWN}}`.
enum TemplateParser {
    /// The parsed template, as a result for templates kept in a static constant; `name` is the
    /// template's file, for the message when it does not parse.
    static func load(_ text: String, name: String) -> Result<MustacheTemplate, JicengError> {
        MarkdownText.registerContentType()
        do {
            return .success(try MustacheTemplate(string: text))
        } catch {
            return .failure(JicengError(.ioFailure, "report template \(name) does not parse: \(error)"))
        }
    }
}
