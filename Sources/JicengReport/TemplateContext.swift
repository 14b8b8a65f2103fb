/// The report model as the templates see it, made once: every struct or class becomes a
/// `[String: Any]` of its stored properties (absent optionals left out), every array an array of
/// the same, every other value stays as it is.
///
/// It exists for speed. Given a struct, the Mustache library finds `{{name}}` by reflecting the
/// struct and listing all its properties (`Mirror(reflecting:).children`) at every lookup, and a
/// lookup that misses climbs the context stack, reflecting each object on the way up to the
/// `ReportModel` and its forty properties: most of the cost of a report with hundreds of table
/// rows. A dictionary is looked up by key instead. What a lookup finds is unchanged: the
/// property's value, an optional unwrapped, and nothing for a nil optional or a missing name (so
/// the lookup climbs the stack as before).
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Int64, is Double: return value
        case let dictionary as [String: Any]: return dictionary.mapValues(make)
        case let array as [Any]: return array.map(make)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, fields[label] == nil, let field = unwrapped(child.value) else { continue }
                fields[label] = make(field)
            }
            return fields
        default:
            return value
        }
    }

    /// The value an optional holds (nil for none), or the value itself.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
