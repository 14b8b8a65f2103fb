import Foundation
import JicengCore

/// Prints findings for people (text), CI systems (JUnit XML, GitHub annotations) and scripts (JSON).
enum FindingsRenderer {
    static func text(_ doc: FindingsDocument, language: Language, color: Bool, perGroup: Int = 20) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var groups: [(file: String, code: FindingCode, items: [Finding])] = []
        for f in doc.findings {
            let file = f.file ?? (language == .zh ? "（数据包）" : "(drop)")
            if let last = groups.last, last.file == file, last.code == f.code {
                groups[groups.count - 1].items.append(f)
            } else if let i = groups.firstIndex(where: { $0.file == file && $0.code == f.code }) {
                groups[i].items.append(f)
            } else {
                groups.append((file, f.code, [f]))
            }
        }
        var currentFile = ""
        for g in groups {
            if g.file != currentFile {
                out += "\n" + paint(g.file, "1") + "\n"
                currentFile = g.file
            }
            let severity = g.items[0].severity
            let label = severity == .error ? paint(language == .zh ? "错误" : "error", "31") : paint(language == .zh ? "警告" : "warning", "33")
            out += "  \(label) \(g.code.rawValue) × \(g.items.count)\n"
            for f in g.items.prefix(perGroup) {
                var place = f.line.map { (language == .zh ? "第\($0)行" : "line \($0)") } ?? ""
                if let c = f.column { place += place.isEmpty ? c : " \(c)" }
                let value = f.value.map { " «\($0)»" } ?? ""
                out += "    \(place.isEmpty ? "" : place + ": ")\(f.message.text(language))\(value)\n"
            }
            if g.items.count > perGroup {
                out += "    " + (language == .zh ? "……另有 \(g.items.count - perGroup) 条" : "… and \(g.items.count - perGroup) more") + "\n"
            }
        }
        let summary = language == .zh
            ? "\(doc.errors) 个错误，\(doc.warnings) 个警告"
            : "\(doc.errors) error\(doc.errors == 1 ? "" : "s"), \(doc.warnings) warning\(doc.warnings == 1 ? "" : "s")"
        out += "\n" + (doc.errors > 0 ? paint(summary, "31;1") : paint(summary, "32;1")) + "\n"
        return out
    }

    static func junit(_ doc: FindingsDocument, language: Language) -> String {
        func x(_ s: String) -> String {
            var o = ""
            for u in s.unicodeScalars {
                switch u {
                case "&": o += "&amp;"
                case "<": o += "&lt;"
                case ">": o += "&gt;"
                case "\"": o += "&quot;"
                default:
                    if u.value < 0x20 && u != "\n" && u != "\t" { o += " " } else { o.unicodeScalars.append(u) }
                }
            }
            return o
        }
        var byFile: [(String, [Finding])] = []
        for f in doc.findings {
            let file = f.file ?? "drop"
            if let i = byFile.firstIndex(where: { $0.0 == file }) { byFile[i].1.append(f) } else { byFile.append((file, [f])) }
        }
        let failures = doc.findings.filter { $0.severity == .error }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"jiceng validate\" tests=\"\(max(1, doc.findings.count))\" failures=\"\(failures)\">\n"
        if doc.findings.isEmpty {
            out += "  <testsuite name=\"drop\" tests=\"1\" failures=\"0\">\n    <testcase classname=\"drop\" name=\"no findings\"/>\n  </testsuite>\n"
        }
        for (file, items) in byFile {
            let fails = items.filter { $0.severity == .error }.count
            out += "  <testsuite name=\"\(x(file))\" tests=\"\(items.count)\" failures=\"\(fails)\">\n"
            for f in items {
                let name = "\(f.code.rawValue)" + (f.line.map { " line \($0)" } ?? "") + (f.column.map { " \($0)" } ?? "")
                out += "    <testcase classname=\"\(x(file))\" name=\"\(x(name))\""
                let body = f.message.text(language) + (f.value.map { " (\($0))" } ?? "")
                if f.severity == .error {
                    out += ">\n      <failure type=\"\(f.code.rawValue)\" message=\"\(x(body))\">\(x(body))</failure>\n    </testcase>\n"
                } else {
                    out += ">\n      <system-out>warning: \(x(body))</system-out>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    static func github(_ doc: FindingsDocument, language: Language, dataFolder: String) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func prop(_ s: String) -> String { esc(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        var out = ""
        for f in doc.findings {
            var props: [String] = []
            if let file = f.file { props.append("file=\(prop(dataFolder + "/" + file))") }
            if let line = f.line { props.append("line=\(line)") }
            props.append("title=\(prop(f.code.rawValue))")
            let body = f.message.text(language) + (f.column.map { " [\($0)]" } ?? "") + (f.value.map { ": \($0)" } ?? "")
            out += "::\(f.severity == .error ? "error" : "warning") \(props.joined(separator: ","))::\(esc(body))\n"
        }
        return out
    }
}
