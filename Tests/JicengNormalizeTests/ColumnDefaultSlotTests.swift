import JicengCore
import JicengPipeline
import Testing

@testable import JicengNormalize

/// Defaults of every column type as the normaliser applies them: where the file has no such column
/// and where a cell is empty, the slot holds what a cell with the default's value would give.
@Suite("column defaults in the normaliser")
struct ColumnDefaultSlotTests {
    /// The standard pipeline with defaults on requests: channel 微信 (a synonym of online), category
    /// (text) 网上咨询, closed_at 2022-06-30; and on grids has_party_branch false.
    static func pipeline() throws -> Pipeline {
        try ntPipeline([
            (old: "        aliases: [渠道, 受理渠道, 来源]\n", new: "        aliases: [渠道, 受理渠道, 来源]\n        default: 微信\n"),
            (
                old: "category:    {type: text, aliases: [诉求类别, 类别], title: 诉求类别}",
                new: "category:    {type: text, default: 网上咨询, aliases: [诉求类别, 类别], title: 诉求类别}"
            ),
            (
                old: "closed_at:   {type: date, aliases: [办结时间, 办结日期], title: 办结时间}",
                new: "closed_at:   {type: date, default: 2022-06-30, aliases: [办结时间, 办结日期], title: 办结时间}"
            ),
            (
                old: "has_party_branch:        {type: boolean, required: true,",
                new: "has_party_branch:        {type: boolean, required: true, default: false,"
            ),
        ])
    }

    static func dataset(_ name: String) throws -> CompiledDataset {
        let p = try pipeline()
        return try CompiledDataset(#require(p.dataset(named: name)), parameters: p.parameters)
    }

    @Test("the slot values of defaults: enumeration code, 1 for a text, day number, 0/1")
    func slotValues() throws {
        let requests = try Self.dataset("requests")
        let slot = { (name: String) in requests.slot(named: name)! }
        #expect(requests.defaults[slot("channel")] == 1)  // hotline 0, online 1
        #expect(requests.defaults[slot("category")] == 1)
        #expect(requests.defaults[slot("closed_at")] == ntDay(2022, 6, 30))
        #expect(requests.defaults[slot("status")] == nil)
        // A distinct count hashes a text default as it hashes a cell holding that text.
        let hashed = try #require(requests.hashedDefaults[slot("category")])
        var text = "网上咨询"
        #expect(hashed == text.withUTF8 { FoldedTextHash.slotValue($0) })
        #expect(requests.hashedDefaults[slot("channel")] == nil)
        let grids = try Self.dataset("grids")
        #expect(grids.defaults[grids.slot(named: "has_party_branch")!] == 0)
        // The standard integer defaults are unchanged.
        let services = try NT.dataset("services")
        #expect(services.defaults[services.slot(named: "volunteers")!] == 0)
    }

    @Test("a file without the column: every row takes the default; a required column with a default may be absent")
    func absentColumn() throws {
        let ds = try Self.dataset("requests")
        let r = try ntNormalise(
            "requests.csv",
            [
                "request_id,received_at,grid_id,status",
                "R1,2022-04-01,G1,办理中",
                "R2,2022-04-02,G2,已解决",
            ], dataset: "requests", compiled: ds)
        #expect(r.findings.isEmpty, "\(r.findings)")
        #expect(r.rows.count == 2)
        for row in r.rows {
            #expect(r.slot(row, "channel") == 1)
            #expect(r.slot(row, "category") == 1)
            #expect(r.slot(row, "closed_at") == ntDay(2022, 6, 30))
        }
        // R2 resolved: closed_at comes from the default, so it is not missing, and days_to_close
        // runs from 2022-04-02 to 2022-06-30: 28 + 31 + 30 = 89 days.
        #expect(r.slot(r.rows[1], "days_to_close") == 89)
        // The standard pipeline (no default) rejects the same file for its missing channel column.
        let standard = try ntNormalise(
            "requests.csv", ["request_id,received_at,grid_id,status", "R1,2022-04-01,G1,办理中"], dataset: "requests")
        #expect(standard.header?.isUsable == false)
        #expect(standard.findings.map(\.column) == ["channel"])
    }

    @Test("an empty cell takes the default; a value is read as usual; a distinct count hashes the text")
    func emptyCells() throws {
        let ds = try Self.dataset("requests")
        var distinct = [Bool](repeating: false, count: ds.columnParses.count)
        distinct[ds.slot(named: "category")!] = true
        let r = try ntNormalise(
            "requests.csv",
            [
                "request_id,received_at,channel,grid_id,status,category",
                "R1,2022-04-01,,G1,办理中,",
                "R2,2022-04-02,热线,G1,办理中,网上咨询",
                "R3,2022-04-03,NULL,G1,办理中,投诉",
            ], dataset: "requests", compiled: ds, distinctTextColumns: distinct)
        #expect(r.findings.isEmpty, "\(r.findings)")
        #expect(r.rows.map { r.slot($0, "channel") } == [1, 0, 1])
        let hash = { (text: String) -> Int64 in
            var t = text
            return t.withUTF8 { FoldedTextHash.slotValue($0) }
        }
        #expect(r.rows.map { r.slot($0, "category") } == [hash("网上咨询"), hash("网上咨询"), hash("投诉")])
    }

    @Test("a boolean default in a snapshot dataset")
    func boolean() throws {
        let ds = try Self.dataset("grids")
        let r = try ntNormalise(
            "grids.csv",
            [
                "grid_id,households,residents,party_members,grid_workers",
                "G1,10,30,2,1",
            ], dataset: "grids", compiled: ds)
        #expect(r.findings.isEmpty, "\(r.findings)")
        #expect(r.rows.map { r.slot($0, "has_party_branch") } == [0])
    }
}
