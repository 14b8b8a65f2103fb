/// The language of messages and reports. Chinese is the default: the analysts and leadership
/// who read Jiceng's output work in Chinese; English is offered for developers and CI logs.
public enum Language: String, Sendable, Codable, Hashable, CaseIterable {
    case zh
    case en
}

/// A text in both supported languages, chosen when it is printed.
///
/// Findings carry both forms so that one run can feed a Chinese report and an English CI log.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }
}
