/// A Swift multi-line raw string literal whose value is exactly a given text.
///
/// Exists so that the files built into the binary keep every byte: the delimiter has one `#`
/// more than the longest run of `#` in the text, so neither the closing delimiter (`"""` and the
/// `#`s) nor an escape (`\` and the `#`s) can occur in it, and the characters a Swift source file
/// cannot carry as they are (carriage returns, which the compiler would turn into line feeds,
/// other control characters, a byte order mark) are written as escapes.
struct SwiftRawStringLiteral {
    /// The literal as Swift source, from its opening `#"""` to its closing `"""#`.
    let source: String

    init(_ text: String) {
        var longestRun = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "#" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let hashes = String(repeating: "#", count: longestRun + 1)
        var body = ""
        body.reserveCapacity(text.utf8.count + 64)
        for scalar in text.unicodeScalars {
            if Self.isVerbatim(scalar) {
                body.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                body += "\\" + hashes + "u{" + hex + "}"
            }
        }
        // The line break after the opening delimiter and the one before the closing delimiter
        // are not part of a multi-line literal's value.
        source = hashes + "\"\"\"\n" + body + "\n\"\"\"" + hashes
    }

    /// Whether `scalar` stands for itself in the body of a multi-line raw string literal.
    private static func isVerbatim(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return true  // tab, line feed
        case 0x00...0x1F, 0x7F: return false  // other C0 controls (carriage return among them), DEL
        case 0xFEFF: return false  // a byte order mark inside a source file
        default: return true
        }
    }
}
