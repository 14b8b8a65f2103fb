import JicengCore
import Testing

@testable import JicengPipeline

/// `default:` for every column type (issue 13: a web platform's export has no channel column), and
/// the located `pipeline-invalid` errors for a default that does not read for its column.
@Suite("column defaults in a pipeline file")
struct ColumnDefaultTests {
    /// `PipelineLoaderErrorTests.mini` with more columns, one of each type, each line ready for a
    /// `default:` to be added.
    static let columns = """
              closed_at: {type: date}
              channel:
                type: enum
                values:
                  hotline: {synonyms: [热线, "12345"]}
                  online: {synonyms: [网络, 微信]}
              urgent: {type: boolean}
              handler: {type: text}
              callbacks: {type: integer}
              floor: {type: integer, minimum: -3}
        """

    static func yaml(_ replacements: [(String, String)] = []) -> String {
        var text = PipelineLoaderErrorTests.mini(replacing: "      closed_at: {type: date}\n", with: columns + "\n")
        for (old, new) in replacements {
            precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    func column(_ name: String, in yaml: String) throws -> ColumnSpec {
        let pipeline = try PipelineLoader.load(yaml: yaml, sourceName: "defaults.yaml")
        return try #require(pipeline.dataset(named: "requests")?.column(named: name))
    }

    @Test("an enumeration takes a canonical value or a synonym, matched as cells are (folded, case ignored)")
    func enumeration() throws {
        for (written, value) in [
            ("online", "online"), ("微信", "online"), ("ONLINE", "online"), ("\"12345\"", "hotline"), ("１２３４５", "hotline"),
        ] {
            let yaml = Self.yaml([
                ("      channel:\n        type: enum\n", "      channel:\n        type: enum\n        default: \(written)\n")
            ])
            #expect(try column("channel", in: yaml).defaultValue == .value(value), "\(written)")
        }
        // The level type is an enumeration too: its synonyms from `levels:` (none here) and names.
        let level = PipelineLoaderErrorTests.mini(
            replacing: "level: {type: level, required: true}", with: "level: {type: level, required: true, default: grid}")
        let units = try PipelineLoader.load(yaml: level, sourceName: "defaults.yaml").dataset(named: "units")
        #expect(units?.column(named: "level")?.defaultValue == .value("grid"))
    }

    @Test("boolean, date, text and integer defaults")
    func otherTypes() throws {
        let yaml = Self.yaml([
            ("urgent: {type: boolean}", "urgent: {type: boolean, default: false}"),
            ("closed_at: {type: date}", "closed_at: {type: date, default: 2022-06-30}"),
            ("handler: {type: text}", "handler: {type: text, default: \" 网格员 \"}"),
            ("callbacks: {type: integer}", "callbacks: {type: integer, default: 0}"),
            ("floor: {type: integer, minimum: -3}", "floor: {type: integer, minimum: -3, default: -3}"),
        ])
        #expect(try column("urgent", in: yaml).defaultValue == .boolean(false))
        #expect(try column("closed_at", in: yaml).defaultValue == .date(CivilDate(year: 2022, month: 6, day: 30)!))
        #expect(try column("handler", in: yaml).defaultValue == .text("网格员"))  // trimmed
        #expect(try column("callbacks", in: yaml).defaultValue == .integer(0))
        #expect(try column("floor", in: yaml).defaultValue == .integer(-3))
        #expect(ColumnDefault.date(CivilDate(year: 2022, month: 6, day: 30)!).canonicalText == "2022-06-30")
        #expect(ColumnDefault.boolean(true).canonicalText == "true")
        #expect(ColumnDefault.value("online").canonicalText == "online")
        // A default does not make a column required, nor a required column's values optional.
        #expect(try column("urgent", in: yaml).required == false)
    }

    /// The error of `yaml`, checked as `PipelineLoaderErrorTests` checks every loader error: the
    /// file, the line of the key and its path, and the message.
    func expectError(
        _ yaml: String, at needle: String, key: String, message: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        PipelineLoaderErrorTests().expectError(
            yaml, line: PipelineLoaderErrorTests.line(of: needle, in: yaml), key: key,
            message: message, sourceLocation: sourceLocation)
    }

    @Test("a default that does not read for its column is pipeline-invalid at its line and key")
    func invalid() {
        let enumeration = Self.yaml([
            ("      channel:\n        type: enum\n", "      channel:\n        type: enum\n        default: onlin\n")
        ])
        expectError(
            enumeration, at: "default: onlin", key: "datasets.requests.columns.channel.default",
            message:
                "the default 'onlin' is not a value of column 'channel' (did you mean 'online'?); its values: hotline, online (or their synonyms)"
        )
        let boolean = Self.yaml([("urgent: {type: boolean}", "urgent: {type: boolean, default: 是}")])
        expectError(
            boolean, at: "default: 是", key: "datasets.requests.columns.urgent.default",
            message: "the default of the yes/no column 'urgent' must be true or false, found the text '是'")
        let date = Self.yaml([("closed_at: {type: date}", "closed_at: {type: date, default: 2022/6/30}")])
        expectError(
            date, at: "2022/6/30", key: "datasets.requests.columns.closed_at.default",
            message: "the default of the date column 'closed_at' must be a date written like 2022-04-01, found '2022/6/30'")
        let noDay = Self.yaml([("closed_at: {type: date}", "closed_at: {type: date, default: 2022-02-30}")])
        expectError(noDay, at: "2022-02-30", key: "datasets.requests.columns.closed_at.default", message: "found '2022-02-30'")
        let integer = Self.yaml([("callbacks: {type: integer}", "callbacks: {type: integer, default: 1.5}")])
        expectError(
            integer, at: "default: 1.5", key: "datasets.requests.columns.callbacks.default",
            message: "expected a whole number here, found the text '1.5'")
        let belowMinimum = Self.yaml([("floor: {type: integer, minimum: -3}", "floor: {type: integer, minimum: -3, default: -4}")])
        expectError(
            belowMinimum, at: "default: -4", key: "datasets.requests.columns.floor.default",
            message: "the default -4 is below the minimum -3 of column 'floor'")
        let empty = Self.yaml([("handler: {type: text}", "handler: {type: text, default: \"  \"}")])
        expectError(empty, at: "handler:", key: "datasets.requests.columns.handler.default", message: "expected a non-empty text here")
    }

    @Test("a unique column and a unit reference take no default")
    func notAllowed() {
        let unique = PipelineLoaderErrorTests.mini(
            replacing: "request_id: {type: text, required: true, unique: true}",
            with: "request_id: {type: text, required: true, unique: true, default: R0}")
        expectError(
            unique, at: "default: R0", key: "datasets.requests.columns.request_id.default",
            message: "column 'request_id' is unique and cannot have a default")
        let reference = PipelineLoaderErrorTests.mini(
            replacing: "unit_id: {type: unit_reference, role: unit}",
            with: "unit_id: {type: unit_reference, role: unit, default: C}")
        expectError(
            reference, at: "default: C", key: "datasets.requests.columns.unit_id.default",
            message: "a unit reference has no default")
    }

    @Test("a street column may name a unit alone, or come with a community column; a second street column is an error")
    func streetReference() throws {
        let alone = PipelineLoaderErrorTests.mini(replacing: "unit_reference: [unit_id]", with: "unit_reference: [street]")
            .replacingOccurrences(of: "unit_id: {type: unit_reference, role: unit}", with: "street: {type: unit_reference, role: street}")
        #expect(try PipelineLoader.load(yaml: alone, sourceName: "street.yaml").dataset(named: "requests")?.unitReference == ["street"])
        let twice = PipelineLoaderErrorTests.mini(replacing: "unit_reference: [unit_id]", with: "unit_reference: [street, town]")
            .replacingOccurrences(
                of: "unit_id: {type: unit_reference, role: unit}",
                with: "street: {type: unit_reference, role: street}\n      town: {type: unit_reference, role: street}")
        expectError(
            twice, at: "unit_reference:", key: "datasets.requests.unit_reference[1]",
            message: "a dataset has at most one street column, and 'town' is a second one")
    }
}
