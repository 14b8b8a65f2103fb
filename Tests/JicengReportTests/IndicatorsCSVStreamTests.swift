import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

/// `indicators.csv` is written row by row (`IndicatorsCSV.write`); these hold its bytes equal to
/// the table as it was rendered whole before (`reference`, the earlier code kept here).
@Suite("indicators.csv written row by row")
struct IndicatorsCSVStreamTests {
    /// The earlier `IndicatorsCSV.render`: every row sorted, then joined into one string.
    private func reference(_ evaluation: Evaluation) -> String {
        var units: [String: UnitInfo] = [:]
        for unit in evaluation.units { units[unit.id] = unit }
        let rows = evaluation.results.sorted(by: IndicatorsCSV.byteOrder)
        var out = IndicatorsCSV.header + "\n"
        for r in rows {
            let unit = units[r.unitId]
            let cells = [
                IndicatorsCSV.number(r.value), IndicatorsCSV.number(r.numerator), IndicatorsCSV.number(r.denominator),
                IndicatorsCSV.number(r.target), r.comparator?.rawValue ?? "", r.status.rawValue,
            ].map(IndicatorsCSV.quoted).joined(separator: ",")
            out +=
                [evaluation.period.description, r.unitId, unit?.name ?? "", unit?.level.rawValue ?? "", r.indicator]
                .map { IndicatorsCSV.quoted($0) + "," }.joined() + cells + "\n"
        }
        return out
    }

    private func written(_ e: Evaluation, capacity: Int) throws -> String {
        let path = try TestFiles.temporaryFolder().appendingPathComponent("indicators.csv").path
        let file = try BufferedOutputFile(creating: path, capacity: capacity)
        try IndicatorsCSV.write(e, to: file)
        try file.close()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test("unsorted results, quoted names, a unit missing from the hierarchy, a duplicate unit id: the same bytes")
    func sameAsBefore() throws {
        var e = Fixture.evaluation(m01: "第一行\n第二行", m02: "a,b", m03: "say \"hi\"")
        e.results.append(
            IndicatorResult(
                unitId: "ZZ", indicator: "a,indicator", value: 1e13 + 0.5, numerator: -0.0000004, denominator: nil, target: 2,
                comparator: .atMost, status: .missed))
        e.results.append(
            IndicatorResult(
                unitId: "M01", indicator: "b", value: nil, numerator: nil, denominator: nil, target: nil, comparator: nil, status: .noData))
        e.units.append(UnitInfo(id: "M01", name: "重复的编码", level: .grid, parentId: "M02", depth: 3))
        for e in [e, Fixture.evaluation(), LargeFixture.evaluation()] {
            let expected = reference(e)
            #expect(IndicatorsCSV.render(e) == expected)
            #expect(try written(e, capacity: 7) == expected)
            #expect(try written(e, capacity: 1 << 16) == expected)
        }
    }

    @Test("no results: the header alone")
    func headerOnly() throws {
        var e = Fixture.evaluation()
        e.results = []
        #expect(try written(e, capacity: 16) == IndicatorsCSV.header + "\n")
    }
}
