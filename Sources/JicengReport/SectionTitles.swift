/// The numbered titles of the report's sections (一、核心指标 … in Chinese, 1. Headline … in
/// English), numbered over the sections the report has: the year section comes only with a
/// history store, and the sections after it move down by one.
struct SectionTitles {
    let headline: String
    let cards: String
    let pace: String
    let rankings: String
    let charts: String
    let tables: String
    let quality: String

    init(_ strings: ReportStrings, withPace: Bool) {
        var n = 0
        func next(_ key: String) -> String {
            n += 1
            return strings.fill("section.numbered", ["n": strings["section.numeral.\(n)"], "title": strings["section." + key]])
        }
        headline = next("headline")
        cards = next("cards")
        pace = withPace ? next("pace") : ""
        rankings = next("rankings")
        charts = next("charts")
        tables = next("tables")
        quality = next("quality")
    }
}
