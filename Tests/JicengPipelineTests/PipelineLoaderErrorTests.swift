import Foundation
import JicengCore
import Testing

@testable import JicengPipeline

/// Broken pipeline files stop with `pipeline-invalid`, naming the file, the line and the key.
struct PipelineLoaderErrorTests {
    /// A small valid pipeline; each test breaks one thing in it.
    static let mini = """
        name: mini
        parameters:
          limit: 15
        datasets:
          units:
            role: hierarchy
            required: true
            columns:
              unit_id: {type: text, required: true, unique: true}
              name: {type: text, required: true}
              level: {type: level, required: true}
              parent_id: {type: text, required: true, value_required: false}
          requests:
            unit_reference: [unit_id]
            period_column: received_at
            columns:
              request_id: {type: text, required: true, unique: true}
              received_at: {type: date, required: true}
              closed_at: {type: date}
              unit_id: {type: unit_reference, role: unit}
              status:
                type: enum
                values:
                  resolved: {synonyms: [已解决]}
                  open: {synonyms: [未办理]}
            derived:
              days_to_close: {formula: days_between, from: received_at, to: closed_at}
        measures:
          requests_received: {dataset: requests, aggregate: count}
          requests_resolved: {dataset: requests, aggregate: count, where: status = resolved}
        indicators:
          resolution_rate:
            title: {zh: 诉求解决率, en: Resolution rate}
            numerator: requests_resolved
            denominator: requests_received
        report:
          headline: [resolution_rate]

        """

    /// `mini` with `old` replaced by `new` (which must occur exactly once).
    static func mini(replacing old: String, with new: String) -> String {
        precondition(mini.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return mini.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line of the first line containing `needle`.
    static func line(of needle: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return lines.firstIndex { $0.contains(needle) }! + 1
    }

    func loadError(_ yaml: String) -> JicengError? {
        do {
            _ = try PipelineLoader.load(yaml: yaml, sourceName: "broken.yaml")
            Issue.record("expected the pipeline to be rejected")
            return nil
        } catch let error as JicengError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    func expectError(
        _ yaml: String, line: Int, key: String?, message: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let error = loadError(yaml) else { return }
        #expect(error.code == .pipelineInvalid, sourceLocation: sourceLocation)
        #expect(error.location?.file == "broken.yaml", sourceLocation: sourceLocation)
        #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location?.key == key, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation)
    }

    @Test func theMiniPipelineIsValid() throws {
        let pipeline = try PipelineLoader.load(yaml: Self.mini, sourceName: "mini.yaml")
        #expect(pipeline.indicators.map(\.name) == ["resolution_rate"])
        #expect(pipeline.sourcePath == nil)
    }

    @Test func unknownKey() {
        let yaml = Self.mini(replacing: "    numerator: requests_resolved", with: "    numerater: requests_resolved")
        expectError(
            yaml, line: Self.line(of: "numerater", in: yaml), key: "indicators.resolution_rate.numerater",
            message: "unknown key 'numerater' (did you mean 'numerator'?)")
    }

    @Test func unknownTopLevelKey() {
        let yaml = Self.mini(replacing: "report:", with: "reports:")
        expectError(yaml, line: Self.line(of: "reports:", in: yaml), key: "reports", message: "unknown key 'reports'")
    }

    @Test func unknownKeyInAColumn() {
        let yaml = Self.mini(replacing: "closed_at: {type: date}", with: "closed_at: {type: date, requried: true}")
        expectError(
            yaml, line: Self.line(of: "requried", in: yaml), key: "datasets.requests.columns.closed_at.requried",
            message: "did you mean 'required'?")
    }

    @Test func unknownMeasureInAnIndicator() {
        let yaml = Self.mini(replacing: "    numerator: requests_resolved", with: "    numerator: requests_solved")
        expectError(
            yaml, line: Self.line(of: "requests_solved", in: yaml), key: "indicators.resolution_rate.numerator",
            message: "unknown measure 'requests_solved' (did you mean 'requests_resolved'?)")
    }

    @Test func unknownColumnInACondition() throws {
        let yaml = Self.mini(replacing: "where: status = resolved", with: "where: state = resolved")
        expectError(
            yaml, line: Self.line(of: "state = resolved", in: yaml), key: "measures.requests_resolved.where",
            message: "unknown column 'state' in dataset 'requests' (did you mean 'status'?)")
        // The column points at the word inside the condition text.
        let error = try #require(loadError(yaml))
        let lineText = yaml.components(separatedBy: "\n")[Self.line(of: "state = resolved", in: yaml) - 1]
        let expectedColumn = Array(lineText.unicodeScalars).firstIndex(of: "s", after: "where: ")
        #expect(error.location?.column == expectedColumn)
    }

    @Test func unknownEnumerationSymbolInACondition() {
        let yaml = Self.mini(replacing: "where: status = resolved", with: "where: status = solved")
        expectError(
            yaml, line: Self.line(of: "status = solved", in: yaml), key: "measures.requests_resolved.where",
            message: "'solved' is not a value of 'status'")
        let synonym = Self.mini(replacing: "where: status = resolved", with: "where: status = 已解决")
        expectError(
            synonym, line: Self.line(of: "status = 已解决", in: synonym), key: "measures.requests_resolved.where",
            message: "write its canonical name 'resolved'")
    }

    @Test func conditionNestedTooDeeply() {
        // 40 levels of 'not': a pipeline error (exit 2), where it used to stop `run` with a trap.
        let deep = String(repeating: "not ", count: 40) + "status = resolved"
        let yaml = Self.mini(replacing: "where: status = resolved", with: "where: \(deep)")
        expectError(
            yaml, line: Self.line(of: deep, in: yaml), key: "measures.requests_resolved.where",
            message: "the condition is nested more than 32 levels deep")
        // 100,000 parentheses: the same error, and the message quotes only the start of the text.
        let huge = String(repeating: "(", count: 100_000) + "status = resolved" + String(repeating: ")", count: 100_000)
        let error = loadError(Self.mini(replacing: "where: status = resolved", with: "where: \"\(huge)\""))
        #expect(error?.message.contains("nested more than 32 levels deep") == true)
        #expect((error?.message.count ?? .max) < 400)
    }

    @Test func undeclaredParameter() {
        let yaml = Self.mini(
            replacing: "where: status = resolved",
            with: "where: status = resolved and days_to_close <= $limt")
        expectError(
            yaml, line: Self.line(of: "$limt", in: yaml), key: "measures.requests_resolved.where",
            message: "unknown parameter '$limt' (did you mean '$limit'?)")
    }

    @Test func conditionSyntaxErrorPointsAtTheCharacter() throws {
        let yaml = Self.mini(replacing: "where: status = resolved", with: "where: status = ")
        // An empty right-hand side: YAML trims the trailing space, so the error is at the end of the text.
        let error = try #require(loadError(yaml))
        #expect(error.location?.key == "measures.requests_resolved.where")
        #expect(error.message.contains("expected a value after '='"))
        let quoted = Self.mini(replacing: "where: status = resolved", with: "where: \"status in (resolved\"")
        let quotedError = try #require(loadError(quoted))
        let lineText = quoted.components(separatedBy: "\n")[Self.line(of: "status in (resolved", in: quoted) - 1]
        let quoteColumn = Array(lineText.unicodeScalars).firstIndex(of: "\"", after: "") ?? 0
        // "status in (resolved" has 19 characters: the problem is at position 20, after the opening quote.
        #expect(quotedError.location?.column == quoteColumn + 20)
    }

    @Test func conditionOnTheWrongKindOfColumn() {
        let bare = Self.mini(replacing: "where: status = resolved", with: "where: status")
        expectError(
            bare, line: Self.line(of: "where: status", in: bare), key: "measures.requests_resolved.where",
            message: "'status' is not a yes/no column")
        let number = Self.mini(replacing: "where: status = resolved", with: "where: days_to_close <= soon")
        expectError(
            number, line: Self.line(of: "days_to_close <= soon", in: number), key: "measures.requests_resolved.where",
            message: "is a number column")
    }

    @Test func badYAMLSyntax() {
        let yaml = Self.mini(replacing: "title: {zh: 诉求解决率, en: Resolution rate}", with: "title: {zh: 诉求解决率, en: Resolution rate")
        guard let error = loadError(yaml) else { return }
        #expect(error.code == .pipelineInvalid)
        #expect(error.message.contains("YAML syntax error"))
        #expect(error.location?.file == "broken.yaml")
        // libyaml notices the unclosed '{' on the next line; the key is guessed from the indentation.
        let titleLine = Self.line(of: "title: {zh:", in: yaml)
        #expect(error.location?.line == titleLine + 1, "\(error)")
        #expect(error.location?.key == "indicators.resolution_rate.numerator", "\(error)")
        #expect(error.message.contains("line \(titleLine)"), "\(error)")
    }

    @Test func badYAMLSyntaxColonInText() {
        let yaml = Self.mini(replacing: "title: {zh: 诉求解决率, en: Resolution rate}", with: "title: 诉求: 解决率")
        expectError(
            yaml, line: Self.line(of: "诉求: 解决率", in: yaml), key: "indicators.resolution_rate.title",
            message: "must be put in quotes")
    }

    @Test func tabIndentation() {
        let yaml = Self.mini(replacing: "    denominator: requests_received", with: "\tdenominator: requests_received")
        expectError(
            yaml, line: Self.line(of: "denominator", in: yaml), key: "indicators.resolution_rate.denominator",
            message: "indent with spaces, not tabs")
    }

    @Test func listWhereAMappingIsExpected() {
        let yaml = Self.mini(
            replacing: "    numerator: requests_resolved\n    denominator: requests_received\n",
            with: "    - requests_resolved\n    - requests_received\n"
        )
        .replacingOccurrences(of: "    title: {zh: 诉求解决率, en: Resolution rate}\n", with: "")
        expectError(
            yaml, line: Self.line(of: "- requests_resolved", in: yaml), key: "indicators.resolution_rate",
            message: "expected an indicator definition here, found a list")
    }

    @Test func mappingWhereAListIsExpected() {
        let yaml = Self.mini(replacing: "headline: [resolution_rate]", with: "headline: {first: resolution_rate}")
        expectError(
            yaml, line: Self.line(of: "headline:", in: yaml), key: "report.headline",
            message: "expected a list of indicator names here, found a mapping")
    }

    @Test func textWhereABooleanIsExpected() {
        let yaml = Self.mini(replacing: "    required: true\n    columns:", with: "    required: 是\n    columns:")
        expectError(
            yaml, line: Self.line(of: "required: 是", in: yaml), key: "datasets.units.required",
            message: "expected true or false")
    }

    @Test func duplicateNames() {
        let yaml = Self.mini(
            replacing: "  requests_resolved: {dataset: requests, aggregate: count, where: status = resolved}",
            with:
                "  requests_resolved: {dataset: requests, aggregate: count, where: status = resolved}\n  requests_received: {dataset: requests, aggregate: count}"
        )
        let lines = yaml.components(separatedBy: "\n")
        let second = lines.lastIndex { $0.contains("requests_received: {") }! + 1
        expectError(
            yaml, line: second, key: "measures.requests_received", message: "duplicate key 'requests_received' (first given at line")
    }

    @Test func unknownDatasetInAMeasure() {
        let yaml = Self.mini(replacing: "requests_received: {dataset: requests,", with: "requests_received: {dataset: request,")
        expectError(
            yaml, line: Self.line(of: "dataset: request,", in: yaml), key: "measures.requests_received.dataset",
            message: "unknown dataset 'request' (did you mean 'requests'?)")
    }

    @Test func unknownColumnInASum() {
        let yaml = Self.mini(
            replacing: "requests_received: {dataset: requests, aggregate: count}",
            with: "requests_received: {dataset: requests, aggregate: sum, column: days}")
        expectError(
            yaml, line: Self.line(of: "column: days", in: yaml), key: "measures.requests_received.column",
            message: "unknown column 'days'")
    }

    @Test func unknownIndicatorInTheReport() {
        let yaml = Self.mini(replacing: "headline: [resolution_rate]", with: "headline: [resolution_rate, response_rate]")
        expectError(
            yaml, line: Self.line(of: "headline:", in: yaml), key: "report.headline[1]",
            message: "unknown indicator 'response_rate'")
    }

    @Test func unitReferenceMustHaveThatType() {
        let yaml = Self.mini(replacing: "unit_reference: [unit_id]", with: "unit_reference: [request_id]")
        expectError(
            yaml, line: Self.line(of: "unit_reference:", in: yaml), key: "datasets.requests.unit_reference[0]",
            message: "its type is not unit_reference")
        let missing = Self.mini(replacing: "unit_reference: [unit_id]", with: "unit_reference: [grid_id]")
        expectError(
            missing, line: Self.line(of: "unit_reference:", in: missing), key: "datasets.requests.unit_reference[0]",
            message: "unknown column 'grid_id'")
    }

    @Test func periodColumnMustBeADate() {
        let yaml = Self.mini(replacing: "period_column: received_at", with: "period_column: request_id")
        expectError(
            yaml, line: Self.line(of: "period_column:", in: yaml), key: "datasets.requests.period_column",
            message: "must be a date column")
    }

    @Test func missingRequiredKey() {
        let yaml = Self.mini(replacing: "    title: {zh: 诉求解决率, en: Resolution rate}\n", with: "")
        expectError(
            yaml, line: Self.line(of: "numerator:", in: yaml), key: "indicators.resolution_rate.title",
            message: "missing required key 'title'")
    }

    @Test func unknownColumnType() {
        let yaml = Self.mini(replacing: "received_at: {type: date, required: true}", with: "received_at: {type: datetime, required: true}")
        expectError(
            yaml, line: Self.line(of: "datetime", in: yaml), key: "datasets.requests.columns.received_at.type",
            message: "'datetime' is not allowed here")
    }

    @Test func ambiguousSynonymAndAlias() {
        let synonym = Self.mini(replacing: "open: {synonyms: [未办理]}", with: "open: {synonyms: [未办理, 已解决]}")
        expectError(
            synonym, line: Self.line(of: "open: {synonyms", in: synonym), key: "datasets.requests.columns.status.values.open.synonyms[1]",
            message: "would mean both 'resolved' and 'open'")
        let alias = Self.mini(replacing: "closed_at: {type: date}", with: "closed_at: {type: date, aliases: [Received_At]}")
        expectError(
            alias, line: Self.line(of: "Received_At", in: alias), key: "datasets.requests.columns.closed_at.aliases[0]",
            message: "would match both column 'received_at' and column 'closed_at'")
    }

    @Test func emptyFile() {
        expectError("# nothing here\n", line: 1, key: nil, message: "empty")
    }

    @Test func missingFileIsAnIOFailure() {
        #expect(throws: JicengError.self) { try PipelineLoader.load(path: "/nonexistent/pipeline.yaml") }
        do {
            _ = try PipelineLoader.load(path: "/nonexistent/pipeline.yaml")
        } catch let error as JicengError {
            #expect(error.code == .ioFailure)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The 1-based column of the first `scalar` after the first occurrence of `prefix`.
    fileprivate func firstIndex(of scalar: Unicode.Scalar, after prefix: String) -> Int? {
        let p = Array(prefix.unicodeScalars)
        var start = 0
        if !p.isEmpty {
            guard let found = (0...(count - p.count)).first(where: { Array(self[$0..<$0 + p.count]) == p }) else { return nil }
            start = found + p.count
        }
        guard let index = self[start...].firstIndex(of: scalar) else { return nil }
        return index + 1
    }
}
