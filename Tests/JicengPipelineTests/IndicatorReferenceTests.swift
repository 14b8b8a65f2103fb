import JicengCore
import Testing

@testable import JicengPipeline

/// Naming an indicator the way people do (by its Chinese or English title), and which indicators
/// are rates (a target above 1 is then a mistake).
@Suite("indicators named by name or title; rates")
struct IndicatorReferenceTests {
    let standard = PipelineLoader.standard

    private func name(_ reference: IndicatorReference) -> String? {
        if case .found(let spec) = reference { return spec.name }
        return nil
    }

    private func suggestion(_ reference: IndicatorReference) -> String?? {
        if case .unknown(let spec) = reference { return .some(spec?.name) }
        return .none
    }

    @Test("every standard indicator is found by its name, its Chinese title and its English title, each one alone")
    func everyTitleIsUnambiguous() {
        for spec in standard.indicators {
            #expect(name(standard.lookUpIndicator(spec.name)) == spec.name)
            #expect(name(standard.lookUpIndicator(spec.title.zh)) == spec.name, "\(spec.title.zh)")
            #expect(name(standard.lookUpIndicator(spec.title.en)) == spec.name, "\(spec.title.en)")
        }
    }

    @Test("folding as the contract does: spaces, full-width forms and ASCII case")
    func folding() {
        #expect(name(standard.lookUpIndicator("诉求解决率")) == "resolution_rate")
        #expect(name(standard.lookUpIndicator(" 诉求解决率\u{3000}")) == "resolution_rate")
        #expect(name(standard.lookUpIndicator("Resolution Rate")) == "resolution_rate")
        #expect(name(standard.lookUpIndicator("ＲＥＳＯＬＵＴＩＯＮ＿ＲＡＴＥ")) == "resolution_rate")
        #expect(name(standard.lookUpIndicator("每千名常住人口服务次数")) == "services_per_1000_residents")
    }

    @Test("a misspelt name or title suggests the indicator meant; nonsense suggests nothing")
    func didYouMean() {
        #expect(suggestion(standard.lookUpIndicator("resolution_rat")) == .some("resolution_rate"))
        #expect(suggestion(standard.lookUpIndicator("resolutoin_rate")) == .some("resolution_rate"))  // a transposition
        #expect(suggestion(standard.lookUpIndicator("诉求解决律")) == .some("resolution_rate"))  // 率 → 律
        #expect(suggestion(standard.lookUpIndicator("群众满意度")) == .some("satisfaction_rate"))  // 群众满意率
        #expect(suggestion(standard.lookUpIndicator("GDP")) == .some(nil))
    }

    @Test("a title two indicators share is ambiguous; a name always wins over another indicator's title")
    func ambiguity() {
        var pipeline = standard
        let i = pipeline.indicators.firstIndex { $0.name == "response_rate" }!
        pipeline.indicators[i].title = LocalizedText(zh: "诉求解决率", en: "resolution_rate")
        guard case .ambiguous(let specs) = pipeline.lookUpIndicator("诉求解决率") else {
            Issue.record("not ambiguous")
            return
        }
        #expect(specs.map(\.name) == ["resolution_rate", "response_rate"])
        #expect(name(pipeline.lookUpIndicator("resolution_rate")) == "resolution_rate")
    }

    @Test("rates are the ratios with factor 1 shown as percentages: 7 of the standard indicators")
    func rates() {
        #expect(
            standard.indicators.filter(\.isRate).map(\.name) == [
                "resolution_rate", "response_rate", "ontime_rate", "satisfaction_rate", "grid_party_branch_coverage",
                "property_party_org_coverage", "property_party_work_coverage",
            ])
        // Ratios that are not rates: days, residents per worker, services per 1,000 residents.
        for other in ["mean_days_to_close", "residents_per_grid_worker", "services_per_1000_residents", "requests_received"] {
            #expect(standard.indicator(named: other)?.isRate == false, "\(other)")
        }
    }
}
