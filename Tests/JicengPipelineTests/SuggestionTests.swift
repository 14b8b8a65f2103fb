import Testing

@testable import JicengPipeline

@Suite("Suggestion")
struct SuggestionTests {
    @Test("a typo of a key or a header is suggested; a different word is not")
    func closest() {
        #expect(Suggestion.closest(to: "numerater", among: ["numerator", "denominator"]) == "numerator")
        #expect(Suggestion.closest(to: "单位编号", among: ["unit_id", "单位编码", "编码", "代码"]) == "单位编码")
        // Two characters: one edit is a typo (状况 → 状态), two are another word (备注).
        #expect(Suggestion.closest(to: "状况", among: ["办理状态", "状态"]) == "状态")
        #expect(Suggestion.closest(to: "备注", among: ["办理状态", "状态"]) == nil)
        #expect(Suggestion.closest(to: "x", among: []) == nil)
    }

    @Test("of several written words, the one nearest to a candidate")
    func nearestPair() {
        // 单位编号 is one edit from 单位编码; 备注 and 日期 are two from every candidate.
        let pair = Suggestion.nearestPair(words: ["备注", "单位编号", "日期"], candidates: ["unit_id", "单位编码", "编码", "代码", "名称"])
        #expect(pair?.word == "单位编号")
        #expect(pair?.candidate == "单位编码")
        #expect(Suggestion.nearestPair(words: ["备注"], candidates: ["unit_id", "单位编码"]) == nil)
        // Ties go to the first word.
        #expect(Suggestion.nearestPair(words: ["stauts", "statsu"], candidates: ["status"])?.word == "stauts")
    }
}
