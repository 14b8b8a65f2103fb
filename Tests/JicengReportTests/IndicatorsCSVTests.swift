import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

@Suite("indicators.csv")
struct IndicatorsCSVTests {
    @Test("matches contract §7 byte for byte: order, numbers, empty cells, RFC 4180 quoting")
    func exactText() {
        let expected = """
            period,unit_id,unit_name,level,indicator,value,numerator,denominator,target,comparator,status
            2022Q2,C01,示范市,city,grid_party_branch_coverage,0.833333,10,12,0.8,>=,met
            2022Q2,C01,示范市,city,requests_received,4690,,,,,no_target
            2022Q2,C01,示范市,city,resolution_rate,0.901706,4229,4690,0.9,>=,met
            2022Q2,M01,东方社区,community,grid_party_branch_coverage,0.666667,4,6,0.8,>=,missed
            2022Q2,M01,东方社区,community,requests_received,1500,,,,,no_target
            2022Q2,M01,东方社区,community,resolution_rate,0.946667,1420,1500,0.9,>=,met
            2022Q2,M02,<script>alert(1)</script>,community,grid_party_branch_coverage,1,6,6,0.8,>=,met
            2022Q2,M02,<script>alert(1)</script>,community,requests_received,1100,,,,,no_target
            2022Q2,M02,<script>alert(1)</script>,community,resolution_rate,0.890909,980,1100,0.9,>=,warning
            2022Q2,M03,"A&B ""x"", 二组",community,grid_party_branch_coverage,,0,0,0.8,>=,no_data
            2022Q2,M03,"A&B ""x"", 二组",community,requests_received,2090,,,,,no_target
            2022Q2,M03,"A&B ""x"", 二组",community,resolution_rate,0.87512,1829,2090,0.9,>=,missed
            2022Q2,S01,绣林街道,street,grid_party_branch_coverage,0.833333,10,12,0.8,>=,met
            2022Q2,S01,绣林街道,street,requests_received,2600,,,,,no_target
            2022Q2,S01,绣林街道,street,resolution_rate,0.923077,2400,2600,0.9,>=,met
            2022Q2,S02,笔架山街道,street,grid_party_branch_coverage,,0,0,0.8,>=,no_data
            2022Q2,S02,笔架山街道,street,requests_received,2090,,,,,no_target
            2022Q2,S02,笔架山街道,street,resolution_rate,0.87512,1829,2090,0.9,>=,missed

            """
        let csv = IndicatorsCSV.render(Fixture.evaluation())
        #expect(csv == expected)
        #expect(!csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!csv.utf8.contains(0x0D))
    }

    @Test("quotes fields holding comma, quote, CR or LF, and only those")
    func quoting() {
        #expect(IndicatorsCSV.quoted("plain 名称") == "plain 名称")
        #expect(IndicatorsCSV.quoted("a,b") == "\"a,b\"")
        #expect(IndicatorsCSV.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(IndicatorsCSV.quoted("two\nlines") == "\"two\nlines\"")
        #expect(IndicatorsCSV.quoted("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(IndicatorsCSV.quoted("=HYPERLINK(\"x\")") == "\"=HYPERLINK(\"\"x\"\")\"")
    }

    @Test("a unit name with a line break stays inside one quoted field")
    func multilineName() {
        let csv = IndicatorsCSV.render(Fixture.evaluation(m01: "第一行\n第二行"))
        #expect(csv.contains("2022Q2,M01,\"第一行\n第二行\",community,requests_received,1500,,,,,no_target\n"))
    }

    @Test("byte order, not collation: upper-case before lower-case, ASCII before CJK")
    func byteOrder() {
        var e = Fixture.evaluation()
        e.results = [
            IndicatorResult(
                unitId: "b", indicator: "x", value: 1, numerator: nil, denominator: nil, target: nil, comparator: nil, status: .noTarget),
            IndicatorResult(
                unitId: "社区", indicator: "x", value: 1, numerator: nil, denominator: nil, target: nil, comparator: nil, status: .noTarget),
            IndicatorResult(
                unitId: "B", indicator: "x", value: 1, numerator: nil, denominator: nil, target: nil, comparator: nil, status: .noTarget),
            IndicatorResult(
                unitId: "B", indicator: "X", value: 1e-7, numerator: nil, denominator: nil, target: nil, comparator: nil, status: .noTarget),
        ]
        let lines = IndicatorsCSV.render(e).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(lines.map { "\($0[1])/\($0[4])" } == ["B/X", "B/x", "b/x", "社区/x"])
        #expect(lines[0][5] == "0")  // 1e-7 rounds to 0 at six decimals, never printed with an exponent
    }
}

@Suite("display formatting")
struct DisplayFormatTests {
    @Test("percent with two decimals, counts with thousands separators, decimals with two decimals")
    func formats() {
        #expect(DisplayFormat.percent.text(4229.0 / 4690.0) == "90.17%")
        #expect(DisplayFormat.percent.text(1) == "100.00%")
        #expect(DisplayFormat.count.text(4690) == "4,690")
        #expect(DisplayFormat.count.text(1_234_567) == "1,234,567")
        #expect(DisplayFormat.count.text(12) == "12")
        #expect(DisplayFormat.decimal.text(312.5) == "312.50")
        #expect(DisplayFormat.decimal.text(-0.004) == "0.00")
        #expect(DisplayFormat.decimal.text(nil) == "—")
        #expect(DisplayFormat.percent.targetText(0.9, comparator: .atLeast) == "≥ 90.00%")
        #expect(DisplayFormat.decimal.targetText(15, comparator: .atMost) == "≤ 15.00")
        #expect(DisplayFormat.percent.gapNumber(0.0249) == "2.49")
        // A shortfall that rounds to nothing at two decimals is never shown as a miss of 0.00:
        // 2.997 against 3.00 is short by 0.003, 99.996% against 100% by 0.004 points.
        #expect(DisplayFormat.decimal.gapNumber(3.0 - 2.997) == "<0.01")
        #expect(DisplayFormat.percent.gapNumber(0.00004) == "<0.01")
        #expect(DisplayFormat.decimal.gapNumber(0) == "0.00")
        #expect(DisplayFormat.decimal.gapNumber(0.005) == "0.01")
        #expect(DisplayFormat.share(4229, of: 4690) == "90.2%")
    }
}
