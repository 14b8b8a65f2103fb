import JicengAggregate
import JicengCore
import JicengPipeline
import Testing

@testable import JicengHistory

@Suite("RunRecord from a run's evaluation")
struct RunRecordTests {
    @Test("measures reading a column no file carried are not recorded: that quarter has no value for them")
    func absentColumnsAreNotRecorded() {
        let quality = DataQualitySummary(
            files: [], findingCounts: [], absentDatasets: ["property_companies"],
            absentColumns: [
                AbsentColumn(
                    dataset: "requests", column: "satisfaction", measures: ["requests_satisfied", "requests_rated"],
                    indicators: ["satisfaction_rate"], breakdowns: [])
            ],
            errors: 0, warnings: 2)
        let evaluation = Evaluation(
            period: Period(year: 2022, quarter: 2), pipelineName: "standard", toolVersion: "test",
            units: HistoryFixture.units, indicators: [], results: [], breakdowns: [], dataQuality: quality,
            headline: [], rankings: [], barCharts: [])
        let record = RunRecord(
            evaluation: evaluation, pipeline: HistoryFixture.pipeline, measures: HistoryFixture.measures,
            totals: MeasureTotals(units: HistoryFixture.units.count, measures: HistoryFixture.measures.count),
            presentDatasets: ["units", "grids", "services", "requests"], recordedAt: "2022-07-01T00:00:00Z")
        let names = Set(record.measures.map(\.name))
        #expect(names.contains("requests_received"))
        #expect(names.contains("requests_resolved"))
        #expect(!names.contains("requests_satisfied"))
        #expect(!names.contains("requests_rated"))
        #expect(!names.contains("property_companies"))  // an absent dataset, as before
        // Every other measure of the present datasets is recorded: 26 measures, 5 of property
        // companies and 2 reading satisfaction left out.
        #expect(record.measures.count == HistoryFixture.pipeline.measures.count - 5 - 2)
    }
}
