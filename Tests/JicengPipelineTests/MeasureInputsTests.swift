import Testing

@testable import JicengPipeline

/// Which columns each measure of the standard pipeline reads, and which indicators use a measure:
/// what a run leaves out when a column is absent from every file of a dataset.
@Suite("measure inputs")
struct MeasureInputsTests {
    let pipeline = PipelineLoader.standard

    func inputs(_ measure: String) throws -> Set<String> {
        pipeline.inputColumns(of: try #require(pipeline.measure(named: measure)))
    }

    @Test("conditions, summed columns, and derived columns replaced by their sources")
    func columnsRead() throws {
        #expect(try inputs("requests_received") == [])
        #expect(try inputs("requests_resolved") == ["status"])
        #expect(try inputs("requests_satisfied") == ["satisfaction"])
        #expect(try inputs("requests_rated") == ["satisfaction"])
        // status = resolved and days_to_close <= $ontime_limit_days; days_to_close = closed_at − received_at.
        #expect(try inputs("requests_resolved_on_time") == ["status", "received_at", "closed_at"])
        #expect(try inputs("days_to_close_resolved") == ["status", "received_at", "closed_at"])
        #expect(try inputs("residents") == ["residents"])
        #expect(try inputs("property_party_work") == ["party_org_type", "has_instructor"])
        #expect(try inputs("service_volunteers") == ["volunteers"])
    }

    @Test("the measures reading a column, their indicators in pipeline order, the breakdowns over it")
    func dependents() {
        let status = pipeline.measures(reading: "status", of: "requests").map(\.name)
        #expect(
            status == [
                "requests_resolved", "requests_in_progress", "requests_explained", "requests_open", "requests_responded",
                "requests_resolved_on_time", "days_to_close_resolved",
            ])
        #expect(
            pipeline.indicators(using: Set(status)).map(\.name) == [
                "requests_resolved", "requests_in_progress", "requests_explained", "requests_open", "resolution_rate", "response_rate",
                "ontime_rate", "mean_days_to_close",
            ])
        #expect(pipeline.breakdowns(over: "status", of: "requests").map(\.name) == ["requests_by_status"])
        // closed_at: on-time and days to close only (requests_resolved itself does not read it).
        let closed = pipeline.measures(reading: "closed_at", of: "requests").map(\.name)
        #expect(closed == ["requests_resolved_on_time", "days_to_close_resolved"])
        #expect(pipeline.indicators(using: Set(closed)).map(\.name) == ["ontime_rate", "mean_days_to_close"])
        // A column of another dataset with the same name is not confused: grids.party_members.
        #expect(pipeline.measures(reading: "party_members", of: "grids").map(\.name) == ["party_members"])
        #expect(pipeline.measures(reading: "party_members", of: "property_companies").isEmpty)
        #expect(pipeline.measures(reading: "category", of: "requests").isEmpty)
    }
}
