import Foundation
import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

/// `indicators.json` is written row by row (`IndicatorsJSON`, `JSONRowWriter`); these hold its
/// bytes equal to what `JSONEncoder` makes of the whole `Evaluation`, which `jiceng report` reads.
@Suite("indicators.json written row by row")
struct IndicatorsJSONTests {
    /// What the file held when the whole evaluation went through `JSONEncoder`.
    private func encoded(_ e: Evaluation) throws -> String {
        String(decoding: try IndicatorsJSON.encoder().encode(e), as: UTF8.self) + "\n"
    }

    @Test("the fixture, a large evaluation and the year fixture's evaluation: the same bytes as JSONEncoder")
    func sameAsEncoder() throws {
        for e in [Fixture.evaluation(), LargeFixture.evaluation()] {
            #expect(try IndicatorsJSON.render(e) == encoded(e))
        }
    }

    @Test("escapes, numbers and absent values as JSONEncoder writes them")
    func edgeCases() throws {
        var e = Fixture.evaluation(m01: "a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{7F}\u{2028}é", m02: "", m03: "\n  \"results\" : [\n\n  ]")
        e.pipelineName = "\n  \"units\" : [\n\n  ]"
        let numbers: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.1 + 0.2, 1e-7, 1e16, 1e17, 2.5e15, 123_456_789.125, 5e-324, 1.7976931348623157e308, -3.5,
            .infinity, -.infinity, .nan,
        ]
        for (i, n) in numbers.enumerated() {
            e.results.append(
                IndicatorResult(
                    unitId: "X\(i)", indicator: "k/\(i)", value: n, numerator: i % 2 == 0 ? n : nil, denominator: i % 3 == 0 ? -n : nil,
                    target: i % 4 == 0 ? n : nil, comparator: i % 2 == 0 ? .atMost : nil, status: .noData))
        }
        e.units.append(UnitInfo(id: "X0", name: "没有上级", level: .grid, parentId: nil, depth: 4))
        #expect(try IndicatorsJSON.render(e) == encoded(e))
    }

    @Test("no results and no units: the empty arrays as JSONEncoder writes them")
    func emptyArrays() throws {
        var e = Fixture.evaluation()
        e.results = []
        #expect(try IndicatorsJSON.render(e) == encoded(e))
        e.units = []
        #expect(try IndicatorsJSON.render(e) == encoded(e))
    }

    @Test("the file written through a small buffer holds the rendered bytes and reads back as the evaluation")
    func fileRoundTrip() throws {
        let e = LargeFixture.evaluation()
        let path = try TestFiles.temporaryFolder().appendingPathComponent("indicators.json").path
        let file = try BufferedOutputFile(creating: path, capacity: 100)
        try IndicatorsJSON.write(e, to: file)
        try file.close()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: data, as: UTF8.self) == (try encoded(e)))
        #expect(try JSONDecoder().decode(Evaluation.self, from: data) == e)
    }
}
