import Foundation
import JicengCore

/// The machine-readable findings object of contract §7: `{"errors": N, "warnings": N, "findings": [...]}`,
/// each finding with every key present (null when it has no value).
struct FindingsDocument {
    var errors: Int64
    var warnings: Int64
    var findings: [Finding]

    func json(language: Language) -> String {
        var out = "{\n  \"errors\": \(errors),\n  \"warnings\": \(warnings),\n  \"findings\": ["
        for (i, f) in findings.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"severity\": \(q(f.severity.rawValue)), \"code\": \(q(f.code.rawValue)), \"dataset\": \(q(f.dataset)), "
            out += "\"file\": \(q(f.file)), \"line\": \(f.line.map(String.init) ?? "null"), \"column\": \(q(f.column)), "
            out += "\"value\": \(q(f.value)), \"message\": \(q(f.message.text(language)))}"
        }
        out += findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private func q(_ s: String?) -> String {
        guard let s else { return "null" }
        return JSONText.quote(s)
    }
}

/// JSON string quoting (RFC 8259), independent of Foundation's formatting choices.
enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
