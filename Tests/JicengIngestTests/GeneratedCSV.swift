import Foundation

/// A generated CSV file together with what a correct reader must return for it, worked out while
/// writing it: every record's start line and fields, and the start line of every malformed record.
struct GeneratedCSV {
    var bytes: [UInt8] = []
    var header: [String] = []
    var rows: [Row] = []
    var malformedLines: [Int] = []

    /// The next physical line to be written.
    private var line = 1
    /// The last byte written ended a line with a lone CR (so the next piece must not start with LF).
    private var endsWithCR = false

    private mutating func emit(_ piece: [UInt8]) {
        precondition(!(endsWithCR && piece.first == 0x0A), "a lone CR followed by LF would be one CRLF")
        bytes += piece
        line += lineBreaks(in: piece)
        endsWithCR = piece.last == 0x0D
    }

    private static let words = [
        "网格", "绣林街道", "笔架山街道", "社区", "物业", "党组织", "服务记录", "群众诉求", "alpha", "beta", "42", "3.14",
        "1,234", "是", "否", "N/A", "😀", "𠀀", "ｆｕｌｌ", "２０２２年４月２６日", "a b", " padded ", "\t", "",
    ]

    /// Builds `count` records after a 4-column header, seeded, with quoted commas and quotes,
    /// quoted LF / CRLF / lone-CR breaks, blank lines, LF / CRLF / lone-CR endings, short and long
    /// records, and (when `malformedEvery` > 0) a malformed record about every `malformedEvery` records.
    static func make(records count: Int, seed: UInt64, malformedEvery: Int = 40, trailingNewline: Bool = true) -> GeneratedCSV {
        var g = GeneratedCSV()
        var rng = SeededGenerator(seed: seed)
        g.header = ["id", "名称", "备注", "数量"]
        g.emit(Array("id,名称,备注,数量\n".utf8))

        for k in 0..<count {
            // Blank lines between records.
            if Int.random(in: 0..<20, using: &rng) == 0 {
                let blank = ["\n", "\r\n", "\r"][Int.random(in: 0..<3, using: &rng)]
                g.emit(Array((g.endsWithCR && blank == "\n" ? "\r" : blank).utf8))
            }
            let last = k == count - 1
            let ending = last && !trailingNewline ? "" : ["\n", "\r\n", "\r", "\n", "\r\n"][Int.random(in: 0..<5, using: &rng)]

            if malformedEvery > 0 && Int.random(in: 0..<malformedEvery, using: &rng) == 0 {
                // Malformed. A record that fails on its first line loses that line; one that has
                // run over a line break when it fails loses only its first line, and reading
                // resumes at its second line, here itself malformed (contract §9).
                let kinds: [(text: String, malformedLines: [Int])] = [
                    ("\(k),a\"b,x,y", [0]),
                    ("\(k),\"ab\"c,x,y", [0]),
                    ("\"multi\nline\"z,\(k),x", [0, 1]),
                    ("\(k),\"x\r\ny\" ,z,w", [0, 1]),
                    ("\(k),\"网\r格\"格,\"q\",\"", [0, 1]),
                    ("\(k),ok,ok,\"\"\"end\"\"\"x", [0]),
                ]
                let (text, lines) = kinds[Int.random(in: 0..<kinds.count, using: &rng)]
                g.malformedLines += lines.map { g.line + $0 }
                g.emit(Array((text + ending).utf8))
                continue
            }

            let fieldCount = [4, 4, 4, 4, 4, 3, 5][Int.random(in: 0..<7, using: &rng)]
            var fields = ["\(k)"]
            while fields.count < fieldCount { fields.append(randomField(&rng)) }
            // A record of one empty field would be a blank line: the first field is never empty.
            var text = ""
            for (i, field) in fields.enumerated() {
                if i > 0 { text += "," }
                text += encode(field, &rng)
            }
            g.rows.append(Row(g.line, fields))
            g.emit(Array((text + ending).utf8))
        }
        return g
    }

    private static func randomField(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return "\(words.randomElement(using: &rng)!),\(words.randomElement(using: &rng)!)"
        case 1: return "say \"\(words.randomElement(using: &rng)!)\""
        case 2: return "line1\nline2"
        case 3: return "\(words.randomElement(using: &rng)!)\r\n\(words.randomElement(using: &rng)!)"
        case 4: return "lone\rcr"
        case 5: return String(repeating: words.randomElement(using: &rng)!, count: Int.random(in: 1...12, using: &rng))
        default: return words.randomElement(using: &rng)!
        }
    }

    /// Quotes a field when it must be quoted, and sometimes when it need not be.
    private static func encode(_ field: String, _ rng: inout SeededGenerator) -> String {
        let needs = field.contains(",") || field.contains("\"") || field.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
        if needs || Int.random(in: 0..<8, using: &rng) == 0 {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
