/// Where in an input a problem was found: file, line and column, each optional.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var key: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, key: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(String(line)) }
        if let column { parts.append(String(column)) }
        var text = parts.joined(separator: ":")
        if let key { text += text.isEmpty ? "key '\(key)'" : " (key '\(key)')" }
        return text
    }
}

/// An error that stops a command (as opposed to a data finding, which is reported and counted).
///
/// Every such error has a stable code for scripts, a location when there is one, and a message.
/// The CLI exits with `exitStatus` (contract §7).
public struct JicengError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case usage = "usage"
        case pipelineInvalid = "pipeline-invalid"
        case targetsInvalid = "targets-invalid"
        case ioFailure = "io-failure"
        case stageInputInvalid = "stage-input-invalid"
        case dataErrors = "data-errors"

        /// What kind of error this is, in Chinese: said before a message that has no Chinese form.
        public var kind: String {
            switch self {
            case .usage: return "用法有误"
            case .pipelineInvalid: return "流水线文件有误"
            case .targetsInvalid: return "目标值文件有误"
            case .ioFailure: return "读写失败"
            case .stageInputInvalid: return "阶段目录有误"
            case .dataErrors: return "数据有误"
            }
        }
    }

    public var code: Code
    public var location: SourceLocation?
    /// The message in English (scripts and logs match on it).
    public var message: String
    /// The message in both languages, when the error has them; the CLI prints the `--lang` one.
    public var localizedMessage: LocalizedText?

    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// An error whose message is given in Chinese and English.
    public init(_ code: Code, _ message: LocalizedText, at location: SourceLocation? = nil) {
        self.init(code, message.en, at: location)
        localizedMessage = message
    }

    /// An `io-failure`: `action` on `path` failed with the system's `code` (an `errno`),
    /// e.g. `cannot write OUT/x.csv: No space left on device`.
    public static func ioFailure(_ action: LocalizedText, _ path: String, code: Int32) -> JicengError {
        let reason = SystemErrorText.reason(code)
        return JicengError(.ioFailure, LocalizedText(zh: "\(action.zh) \(path)：\(reason.zh)", en: "\(action.en) \(path): \(reason.en)"))
    }

    /// Usage and configuration errors exit with status 2; data errors under `--strict` with 1.
    public var exitStatus: Int32 { code == .dataErrors ? 1 : 2 }

    public var description: String { text(.en) }

    /// `location: code: message`, the message in `language` when the error has it in both. A
    /// message written in English only is introduced, in Chinese, by what kind of error it is.
    public func text(_ language: Language) -> String {
        var message = localizedMessage?.text(language) ?? self.message
        if localizedMessage == nil && language == .zh { message = code.kind + "：" + message }
        if let location, !location.description.isEmpty {
            return "\(location): \(code.rawValue): \(message)"
        }
        return "\(code.rawValue): \(message)"
    }
}
