import Foundation
import JicengCore
import JicengNormalize

/// Prints findings for people (text), CI systems (JUnit XML, GitHub annotations) and scripts (JSON).
enum FindingsRenderer {
    /// The findings for people: per file, one group per severity and code (errors first), each
    /// with its true count and its first `perGroup` findings. `unlisted` are the counts the
    /// finding log did not list one by one (beyond `--max-findings`): their summary findings are
    /// replaced by the counts, so a group's heading and its "… more" line count every finding.
    /// `errorsOnly` (`--quiet`) leaves warnings out, and says nothing when there is no error.
    static func text(
        _ doc: FindingsDocument, unlisted: [FindingLog.Unlisted] = [], language: Language, color: Bool,
        errorsOnly: Bool = false, perGroup: Int = 20
    ) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        struct Key: Hashable {
            var file: String?
            var severity: Severity
            var code: FindingCode
        }
        var notListed: [Key: Int64] = [:]
        for u in unlisted { notListed[Key(file: u.file, severity: u.severity, code: u.code), default: 0] += u.count }
        var order: [String?] = []
        var groups: [String?: [(key: Key, items: [Finding])]] = [:]
        for f in doc.findings {
            let key = Key(file: f.file, severity: f.severity, code: f.code)
            if f.line == nil, let n = notListed[key], f.message == FindingMessages.suppressed(count: n, code: f.code) { continue }
            if errorsOnly && f.severity != .error { continue }
            if groups[f.file] == nil { order.append(f.file) }
            if let i = groups[f.file]?.firstIndex(where: { $0.key == key }) {
                groups[f.file]![i].items.append(f)
            } else {
                groups[f.file, default: []].append((key, [f]))
            }
        }
        for (key, _) in notListed where groups[key.file]?.contains(where: { $0.key == key }) != true {
            if errorsOnly && key.severity != .error { continue }
            if groups[key.file] == nil { order.append(key.file) }
            groups[key.file, default: []].append((key, []))
        }
        if errorsOnly && doc.errors == 0 { return "" }
        let zh = language == .zh
        var out = ""
        for file in order {
            out += "\n" + paint(file ?? (zh ? "（数据包）" : "(drop)"), "1") + "\n"
            let sorted = groups[file]!.enumerated().sorted {
                ($0.element.key.severity == .error ? 0 : 1, $0.offset) < ($1.element.key.severity == .error ? 0 : 1, $1.offset)
            }.map(\.element)
            for g in sorted {
                let total = Int64(g.items.count) + notListed[g.key, default: 0]
                let label = g.key.severity == .error ? paint(zh ? "错误" : "error", "31") : paint(zh ? "警告" : "warning", "33")
                out += "  \(label) \(g.key.code.rawValue) × \(NumberText.grouped(total))\n"
                for f in g.items.prefix(perGroup) {
                    var place = f.line.map { zh ? "第\($0)行" : "line \($0)" } ?? ""
                    if let c = f.column { place += place.isEmpty ? c : " \(c)" }
                    let value = f.value.map { " «\($0)»" } ?? ""
                    out += "    \(place.isEmpty ? "" : place + ": ")\(f.message.text(language))\(value)\n"
                }
                let more = total - Int64(min(g.items.count, perGroup))
                if more > 0 {
                    out += "    " + (zh ? "……另有 \(NumberText.grouped(more)) 条" : "… and \(NumberText.grouped(more)) more") + "\n"
                }
            }
        }
        let summary: String
        if errorsOnly {
            summary = zh ? "\(NumberText.grouped(doc.errors)) 个错误" : "\(NumberText.grouped(doc.errors)) error\(doc.errors == 1 ? "" : "s")"
        } else {
            summary =
                zh
                ? "\(NumberText.grouped(doc.errors)) 个错误，\(NumberText.grouped(doc.warnings)) 个警告"
                : "\(NumberText.grouped(doc.errors)) error\(doc.errors == 1 ? "" : "s"), \(NumberText.grouped(doc.warnings)) warning\(doc.warnings == 1 ? "" : "s")"
        }
        out += "\n" + (doc.errors > 0 ? paint(summary, "31;1") : paint(summary, "32;1")) + "\n"
        return out
    }

    /// JUnit XML: a test suite per file, a test case per finding (a failure for an error), each
    /// test case with `file` (the drop's path to it) and `line` when the finding has them.
    static func junit(_ doc: FindingsDocument, language: Language, dataFolder: String) -> String {
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
            out +=
                "  <testsuite name=\"drop\" tests=\"1\" failures=\"0\">\n    <testcase classname=\"drop\" name=\"no findings\"/>\n  </testsuite>\n"
        }
        for (file, items) in byFile {
            let fails = items.filter { $0.severity == .error }.count
            out += "  <testsuite name=\"\(x(file))\" tests=\"\(items.count)\" failures=\"\(fails)\">\n"
            for f in items {
                let name = "\(f.code.rawValue)" + (f.line.map { " line \($0)" } ?? "") + (f.column.map { " \($0)" } ?? "")
                out += "    <testcase classname=\"\(x(file))\" name=\"\(x(name))\""
                if let path = f.file { out += " file=\"\(x(dataFolder + "/" + path))\"" }
                if let line = f.line { out += " line=\"\(line)\"" }
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
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(
                of: "\n", with: "%0A")
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
