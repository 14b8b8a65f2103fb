import JicengCore
import Mustache

/// Turns a built-in template text (`ReportTemplateText`) into a `SplitTemplate`, once, with the
/// Markdown content type registered first so that templates can declare
/// `{{% CONTENT_TYPE: MARKDOWN}}`.
enum TemplateParser {
    /// The parsed template, as a result for templates kept in a static constant; `name` is the
    /// template's file, for the message when it does not parse.
    static func load(_ text: String, name: String) -> Result<SplitTemplate, JicengError> {
        MarkdownText.registerContentType()
        do {
            return .success(try SplitTemplate(string: text))
        } catch {
            return .failure(JicengError(.ioFailure, "report template \(name) does not parse: \(error)"))
        }
    }
}
