import JicengCore

/// What a name written by a person — in a targets file — refers to among a pipeline's indicators.
///
/// Exists because analysts write an indicator the way the reports show it, by its Chinese title
/// (诉求解决率), as often as by its machine name (resolution_rate), and because a misspelt name
/// must be answered with the indicator that was probably meant, not with a bare "unknown".
public enum IndicatorReference: Sendable, Hashable {
    /// Exactly one indicator, by its name or one of its titles.
    case found(IndicatorSpec)
    /// A title that several indicators share: only their names tell them apart.
    case ambiguous([IndicatorSpec])
    /// No indicator; `suggestion` is the one whose name or title is close enough to be a typo.
    case unknown(suggestion: IndicatorSpec?)
}

extension Pipeline {
    /// The indicator `text` names: its name, else its Chinese or English title, all compared after
    /// the contract's folding (trim, full-width → half-width, ASCII case). A name always wins over
    /// a title, so a title can never hide an indicator's name.
    public func lookUpIndicator(_ text: String) -> IndicatorReference {
        if let exact = indicator(named: text) { return .found(exact) }
        let key = TextFolding.fold(text)
        if let byName = indicators.first(where: { TextFolding.fold($0.name) == key }) { return .found(byName) }
        let byTitle = indicators.filter { TextFolding.fold($0.title.zh) == key || TextFolding.fold($0.title.en) == key }
        if byTitle.count == 1 { return .found(byTitle[0]) }
        if byTitle.count > 1 { return .ambiguous(byTitle) }
        var owner: [String: IndicatorSpec] = [:]
        var candidates: [String] = []
        for spec in indicators {
            for word in [spec.name, TextFolding.fold(spec.title.zh), TextFolding.fold(spec.title.en)] where owner[word] == nil {
                owner[word] = spec
                candidates.append(word)
            }
        }
        return .unknown(suggestion: Suggestion.closest(to: key, among: candidates).flatMap { owner[$0] })
    }
}
