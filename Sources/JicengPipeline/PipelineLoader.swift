import Foundation
import JicengCore
import Yams

/// Loads a declarative pipeline file (YAML, see `Pipelines/README.md`) into a `Pipeline`, and
/// provides the built-in standard pipeline.
///
/// Exists so that analysts can change aliases, synonyms, measures and indicators without a Swift
/// change, while every mistake in such a file — a typo in a key, a measure that does not exist, a
/// condition on an unknown column, broken YAML — stops the run with a
/// `JicengError(.pipelineInvalid)` naming the file, the line and the key path
/// (`indicators.resolution_rate.numerator`). Unknown keys are errors, never ignored.
public enum PipelineLoader {
    /// Reads and validates the pipeline file at `path`. A relative `targets_file` is resolved
    /// against the file's folder, and must exist. `sourcePath` of the result is `path`.
    public static func load(path: String) throws -> Pipeline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JicengError(.ioFailure, "cannot read the pipeline file '\(path)'", at: SourceLocation(file: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw JicengError(.pipelineInvalid, "the pipeline file is not UTF-8 text", at: SourceLocation(file: path))
        }
        let (pipeline, targetsCursor) = try decode(yaml: text, sourceName: path)
        var result = pipeline
        result.sourcePath = path
        if let targets = pipeline.targetsFile, let targetsCursor {
            let resolved = resolve(targets, relativeToFileAt: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw targetsCursor.error(
                    "the targets file '\(targets)' does not exist (looked for '\(resolved)', next to the pipeline file)")
            }
            result.targetsFile = resolved
        }
        return result
    }

    /// Parses and validates pipeline YAML given as text. `sourceName` is used in error locations.
    /// `targetsFile` stays as written and `sourcePath` is nil.
    public static func load(yaml: String, sourceName: String) throws -> Pipeline {
        try decode(yaml: yaml, sourceName: sourceName).pipeline
    }

    /// The standard quarterly pipeline of the data contract (`Pipelines/standard.yaml`, built into
    /// the binary). Its `targetsFile` is the relative name `targets.csv`; `sourcePath` is nil.
    public static var standard: Pipeline { builtInStandard }

    private static let builtInStandard: Pipeline = {
        do {
            return try load(yaml: StandardPipelineText.yaml, sourceName: "standard.yaml (built in)")
        } catch {
            fatalError("the built-in standard pipeline is invalid: \(error)")
        }
    }()

    // MARK: Internals

    static func decode(yaml: String, sourceName: String) throws -> (pipeline: Pipeline, targetsCursor: YAMLCursor?) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, yaml: yaml, file: sourceName)
        }
        guard let root else {
            throw JicengError(.pipelineInvalid, "the pipeline file is empty", at: SourceLocation(file: sourceName, line: 1))
        }
        let decoded = try PipelineDecoder(file: sourceName).decode(root)
        return (decoded.pipeline, decoded.targetsFile)
    }

    /// `targets.csv` next to `Pipelines/standard.yaml` is `Pipelines/targets.csv`; absolute paths stay.
    static func resolve(_ relative: String, relativeToFileAt path: String) -> String {
        if relative.hasPrefix("/") { return relative }
        guard let slash = path.lastIndex(of: "/") else { return relative }
        return String(path[...slash]) + relative
    }

    static func syntaxError(_ error: YamlError, yaml: String, file: String) -> JicengError {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> JicengError {
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            message += hint(for: problem)
            return JicengError(
                .pipelineInvalid, message,
                at: SourceLocation(
                    file: file, line: mark.line, column: mark.column,
                    key: YAMLKeyPathGuess.keyPath(in: yaml, line: mark.line)))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(problem, context, mark)
        case .reader(let problem, let offset, _, _):
            var line: Int?
            if let offset {
                line = 1 + yaml.prefix(offset).filter { $0 == "\n" }.count
            }
            return JicengError(.pipelineInvalid, "YAML syntax error: \(problem)", at: SourceLocation(file: file, line: line))
        default:
            return JicengError(.pipelineInvalid, "YAML error: \(error)", at: SourceLocation(file: file))
        }
    }

    /// A plain-language hint for the libyaml messages analysts meet most.
    static func hint(for problem: String) -> String {
        if problem.contains("tab") {
            return "; indent with spaces, not tabs"
        }
        if problem.contains("mapping values are not allowed") {
            return "; a text containing ': ' must be put in quotes"
        }
        if problem.contains("did not find expected") {
            return "; check the indentation and that every '[' or '{' is closed"
        }
        return ""
    }
}
