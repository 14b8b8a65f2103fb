import JicengAggregate

/// One row of `indicators.json`'s large arrays (a result, a unit) as an element of a top-level
/// array in `JSONEncoder`'s pretty-printed, sorted-keys layout: the object at four spaces, its keys
/// at six, `"key" : value`, absent optionals left out, strings escaped as the encoder escapes
/// them, numbers as it prints them.
enum JSONRowWriter {
    static func append(_ r: IndicatorResult, to out: inout [UInt8]) {
        var object = Object(&out)
        if let comparator = r.comparator { object.string("comparator", comparator.rawValue, &out) }
        if let denominator = r.denominator { object.number("denominator", denominator, &out) }
        object.string("indicator", r.indicator, &out)
        if let numerator = r.numerator { object.number("numerator", numerator, &out) }
        object.string("status", r.status.rawValue, &out)
        if let target = r.target { object.number("target", target, &out) }
        object.string("unitId", r.unitId, &out)
        if let value = r.value { object.number("value", value, &out) }
        object.close(&out)
    }

    static func append(_ unit: UnitInfo, to out: inout [UInt8]) {
        var object = Object(&out)
        object.integer("depth", unit.depth, &out)
        object.string("id", unit.id, &out)
        object.string("level", unit.level.rawValue, &out)
        object.string("name", unit.name, &out)
        if let parentId = unit.parentId { object.string("parentId", parentId, &out) }
        object.close(&out)
    }

    /// An object being written; keys must come in sorted order, at least one of them.
    private struct Object {
        private var first = true

        init(_ out: inout [UInt8]) {
            out.append(contentsOf: "    {".utf8)
        }

        private mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
            out.append(contentsOf: first ? "\n      \"".utf8 : ",\n      \"".utf8)
            first = false
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(contentsOf: "\" : ".utf8)
        }

        mutating func string(_ name: StaticString, _ value: String, _ out: inout [UInt8]) {
            key(name, &out)
            JSONRowWriter.appendString(value, to: &out)
        }

        mutating func number(_ name: StaticString, _ value: Double, _ out: inout [UInt8]) {
            key(name, &out)
            JSONRowWriter.appendNumber(value, to: &out)
        }

        mutating func integer(_ name: StaticString, _ value: Int, _ out: inout [UInt8]) {
            key(name, &out)
            out.append(contentsOf: String(value).utf8)
        }

        func close(_ out: inout [UInt8]) {
            out.append(contentsOf: "\n    }".utf8)
        }
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\` escaped, `\b \f \n \r \t`, other
    /// control characters as `\u00xx` (lower-case hex), `/` and everything else as it is.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest round-trip text without a
    /// trailing `.0`; non-finite values as the strings `"inf"`, `"-inf"`, `"nan"`.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            appendString(value.isNaN ? "nan" : value < 0 ? "-inf" : "inf", to: &out)
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }
}
