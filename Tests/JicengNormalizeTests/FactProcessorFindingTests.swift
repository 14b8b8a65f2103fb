import JicengCore
import Testing

@testable import JicengNormalize

/// One test per finding code the normaliser emits for a record (contract §7), each with good rows
/// around the bad one: the finding must be at the bad record's physical line and canonical column,
/// and the good rows must still be accepted.
@Suite("FactProcessor findings")
struct FactProcessorFindingTests {
    static let header = "request_id,received_at,channel,grid_id,unit_id,community,street,category,status,closed_at,satisfaction"
    /// A good request on line 2, received 2022-04-01, resolved 2022-04-11 in grid G1.
    static let good2 = "R1,2022-04-01,热线,G1,,,,,已解决,2022-04-11,满意"
    static let good4 = "R3,2022-05-01,网络,G2,,,,,办理中,,"
    static let q2 = Period(year: 2022, quarter: 2)

    private func run(_ bad: String, period: Period? = q2, maxFieldBytes: Int = 1 << 20) throws -> NTResult {
        try ntNormalise(
            "requests.csv", [Self.header, Self.good2, bad, Self.good4], dataset: "requests", period: period,
            maxFieldBytes: maxFieldBytes)
    }

    /// The one finding of the result: its code, severity, line and column.
    private func only(_ r: NTResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Finding {
        #expect(r.findings.count == 1, "\(r.findings)", sourceLocation: sourceLocation)
        return try #require(r.findings.first, sourceLocation: sourceLocation)
    }

    private func expectGoodRowsAccepted(_ r: NTResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(r.acceptedLines == [2, 4], sourceLocation: sourceLocation)
        #expect(r.counts.accepted == 2, sourceLocation: sourceLocation)
        #expect(r.counts.read == 3, sourceLocation: sourceLocation)
    }

    @Test("missing-cell: fewer cells than the header")
    func missingCell() throws {
        let r = try run("R2,2022-04-02,热线,G1")
        let f = try only(r)
        #expect(f.code == .missingCell)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == nil)
        #expect(f.dataset == "requests")
        #expect(f.file == "requests.csv")
        expectGoodRowsAccepted(r)
        #expect(r.counts.rejected == 1)
    }

    @Test("extra-cell: more cells than the header")
    func extraCell() throws {
        let r = try run("R2,2022-04-02,热线,G1,,,,,已解决,2022-04-11,满意,多出来")
        let f = try only(r)
        #expect(f.code == .extraCell)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        expectGoodRowsAccepted(r)
    }

    @Test("field-too-large: a cell beyond maxFieldBytes")
    func fieldTooLarge() throws {
        // Limit 32 bytes; the category is 40 ASCII bytes. Every other cell is at most 10 bytes.
        let long = String(repeating: "x", count: 40)
        let r = try run("R2,2022-04-02,热线,G1,,,,\(long),已解决,2022-04-11,满意", maxFieldBytes: 32)
        let f = try only(r)
        #expect(f.code == .fieldTooLarge)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "category")
        expectGoodRowsAccepted(r)
    }

    @Test("malformed-csv: a stray quote; reading resumes on the next line")
    func malformed() throws {
        let r = try run("R2,2022-04-02,\"热线\"x,G1,,,,,办理中,,")
        let f = try only(r)
        #expect(f.code == .malformedCSV)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        expectGoodRowsAccepted(r)
    }

    @Test("missing-value: a required value empty or a missing-value marker")
    func missingValue() throws {
        // status empty.
        var r = try run("R2,2022-04-02,热线,G1,,,,,,2022-04-11,满意")
        var f = try only(r)
        #expect(f.code == .missingValue)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "status")
        expectGoodRowsAccepted(r)
        // received_at given as NULL (any case).
        r = try run("R2,null,热线,G1,,,,,办理中,,")
        f = try only(r)
        #expect(f.code == .missingValue)
        #expect(f.column == "received_at")
        expectGoodRowsAccepted(r)
        // request_id given as N/A.
        r = try run("N/A,2022-04-02,热线,G1,,,,,办理中,,")
        f = try only(r)
        #expect(f.code == .missingValue)
        #expect(f.column == "request_id")
    }

    @Test("missing-value: resolved or explained without closed_at (contract §3 rule)")
    func missingClosedAt() throws {
        for status in ["已解决", "explained"] {
            let r = try run("R2,2022-04-02,热线,G1,,,,,\(status),,")
            let f = try only(r)
            #expect(f.code == .missingValue)
            #expect(f.line == 3)
            #expect(f.column == "closed_at")
            expectGoodRowsAccepted(r)
        }
        // in_progress and open need no closed_at.
        for status in ["办理中", "待办"] {
            let r = try run("R2,2022-04-02,热线,G1,,,,,\(status),,")
            #expect(r.findings.isEmpty)
            #expect(r.acceptedLines == [2, 3, 4])
        }
    }

    @Test("missing-value: no unit given in any reference column")
    func missingReference() throws {
        let r = try run("R2,2022-04-02,热线,,,,,,办理中,,")
        let f = try only(r)
        #expect(f.code == .missingValue)
        #expect(f.line == 3)
        #expect(f.column == "grid_id")
        #expect(f.message.en == "no unit given (grid_id/unit_id/community/street)")
        expectGoodRowsAccepted(r)
    }

    @Test("type-error: a date, an enumeration value and (in grids) an integer that do not parse")
    func typeError() throws {
        var r = try run("R2,2022-13-01,热线,G1,,,,,办理中,,")
        var f = try only(r)
        #expect(f.code == .typeError)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "received_at")
        #expect(f.value == "2022-13-01")
        expectGoodRowsAccepted(r)

        r = try run("R2,2022-04-02,传真,G1,,,,,办理中,,")
        f = try only(r)
        #expect(f.code == .typeError)
        #expect(f.column == "channel")
        #expect(f.value == "传真")

        r = try run("R2,2022-04-02,热线,G1,,,,,办理中,,很满意")
        f = try only(r)
        #expect(f.code == .typeError)
        #expect(f.column == "satisfaction")

        let g = try ntNormalise(
            "grids.csv",
            [
                "grid_id,households,residents,party_members,has_party_branch,grid_workers",
                "G1,100,300,10,是,2",
                "G2,一百,300,10,是,2",
                "G3,100,300,10,也许,2",
                "G4,100,300,10,否,2",
            ], dataset: "grids")
        #expect(g.findings.map(\.code) == [.typeError, .typeError])
        #expect(g.findings.map(\.line) == [3, 4])
        #expect(g.findings.map(\.column) == ["households", "has_party_branch"])
        #expect(g.acceptedLines == [2, 5])
    }

    @Test("constraint-error: a negative count")
    func constraintError() throws {
        let g = try ntNormalise(
            "grids.csv",
            [
                "grid_id,households,residents,party_members,has_party_branch,grid_workers",
                "G1,100,300,10,是,2",
                "G2,-5,300,10,是,2",
                "G3,100,300,10,否,2",
            ], dataset: "grids")
        let f = try only(g)
        #expect(f.code == .constraintError)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "households")
        #expect(f.value == "-5")
        #expect(g.acceptedLines == [2, 4])
        // services: volunteers −1 as well.
        let s = try ntNormalise(
            "services.csv",
            [
                "service_id,date,grid_id,provider_type,category,volunteers,beneficiaries",
                "V1,2022-04-01,G1,志愿者,关爱老人,1,1",
                "V2,2022-04-01,G1,志愿者,关爱老人,-1,1",
            ], dataset: "services")
        #expect(s.findings.map(\.code) == [.constraintError])
        #expect(s.findings.first?.column == "volunteers")
        #expect(s.acceptedLines == [2])
    }

    @Test("unknown-unit: a reference that matches no unit, or more than one")
    func unknownUnit() throws {
        var r = try run("R2,2022-04-02,热线,G9,,,,,办理中,,")
        var f = try only(r)
        #expect(f.code == .unknownUnit)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "grid_id")
        #expect(f.value == "G9")
        #expect(f.message == FindingMessages.unknownUnit("grid_id", ambiguous: false))
        expectGoodRowsAccepted(r)
        // Two communities are called 东门社区 (under S1 and S2) and no street tells them apart.
        r = try run("R2,2022-04-02,热线,,,东门社区,,,办理中,,")
        f = try only(r)
        #expect(f.code == .unknownUnit)
        #expect(f.line == 3)
        #expect(f.column == "community")
        #expect(f.value == "东门社区")
        #expect(f.message == FindingMessages.unknownUnit("community", ambiguous: true))
        expectGoodRowsAccepted(r)
    }

    @Test("rule-error: closed_at before received_at")
    func ruleError() throws {
        let r = try run("R2,2022-04-02,热线,G1,,,,,已解决,2022-04-01,满意")
        let f = try only(r)
        #expect(f.code == .ruleError)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "closed_at")
        #expect(f.value == "2022-04-01")
        expectGoodRowsAccepted(r)
        // Closed the same day is fine (0 days).
        let same = try run("R2,2022-04-02,热线,G1,,,,,已解决,2022-04-02 18:00,满意")
        #expect(same.findings.isEmpty)
        #expect(same.acceptedLines == [2, 3, 4])
    }

    @Test("out-of-period: a warning at the row's line; the row is left out but not rejected")
    func outOfPeriod() throws {
        let r = try run("R2,2022-07-01,热线,G1,,,,,办理中,,")
        let f = try only(r)
        #expect(f.code == .outOfPeriod)
        #expect(f.severity == .warning)
        #expect(f.line == 3)
        #expect(f.column == "received_at")
        #expect(f.value == "2022-07-01")
        expectGoodRowsAccepted(r)
        #expect(r.counts.outOfPeriod == 1)
        #expect(r.counts.rejected == 0)
        // The last day before the quarter is out as well; without a period everything counts.
        #expect(try run("R2,2022-03-31,热线,G1,,,,,办理中,,").findings.map(\.code) == [.outOfPeriod])
        #expect(try run("R2,2022-07-01,热线,G1,,,,,办理中,,", period: nil).acceptedLines == [2, 3, 4])
    }

    @Test("encoding-error: invalid UTF-8 in a cell beyond the encoding-detection sample")
    func encodingError() throws {
        // Detection reads the first 64 KB; a 70,000-byte category on line 2 pushes the bad bytes
        // (0xFF 0xFE, valid in neither UTF-8 nor GB18030) past it, so the file is read as UTF-8.
        let filler = String(repeating: "a", count: 70_000)
        var bytes = Array((Self.header + "\n" + "R1,2022-04-01,热线,G1,,,,\(filler),已解决,2022-04-11,满意\n").utf8)
        bytes += Array("R2,2022-04-02,热线,G1,,,,".utf8) + [0xFF, 0xFE] + Array(",办理中,,\n".utf8)
        bytes += Array((Self.good4 + "\n").utf8)
        let folder = NTFolder()
        let path = folder.write("requests.csv", bytes: bytes)
        let r = try ntNormalise(path, dataset: "requests", directory: try NT.directory(), period: Self.q2)
        let f = try only(r)
        #expect(f.code == .encodingError)
        #expect(f.severity == .error)
        #expect(f.line == 3)
        #expect(f.column == "category")
        expectGoodRowsAccepted(r)
    }

    @Test("encoding-error: bytes that are not GB18030 in a cell of a GB18030 file")
    func encodingErrorGB18030() throws {
        // GB18030 bytes, from the GB 18030 code table: 热 C8C8, 线 CFDF, 办 B0EC, 理 C0ED, 中 D6D0.
        let hotline: [UInt8] = [0xC8, 0xC8, 0xCF, 0xDF]
        let inProgress: [UInt8] = [0xB0, 0xEC, 0xC0, 0xED, 0xD6, 0xD0]
        func row(_ id: String, _ category: [UInt8]) -> [UInt8] {
            Array("\(id),2022-04-01,".utf8) + hotline + Array(",G1,".utf8) + inProgress + [0x2C] + category + [0x0A]
        }
        // The filler on line 2 keeps the 0xFF (never a GB18030 byte) out of the 64 KB detection sample.
        var bytes = Array("request_id,received_at,channel,grid_id,status,category\n".utf8)
        bytes += row("R1", Array(repeating: 0x61, count: 70_000))
        bytes += row("R2", [0x61, 0xFF, 0x61])
        bytes += row("R3", Array("b".utf8))
        let folder = NTFolder()
        let path = folder.write("requests.csv", bytes: bytes)
        let r = try ntNormalise(path, dataset: "requests", directory: try NT.directory(), period: Self.q2)
        let f = try only(r)
        #expect(f.code == .encodingError)
        #expect(f.line == 3)
        #expect(f.column == "category")
        #expect(r.acceptedLines == [2, 4])
        // The GB18030 text was decoded: 热线 is hotline, 办理中 in_progress.
        let channel = try #require(r.dataset.spec.column(named: "channel"))
        guard case .enumeration(let e) = channel.type else { return }
        #expect(r.rows.allSatisfy { e.values[Int(r.slot($0, "channel"))].name == "hotline" })
    }

    @Test("lines are physical: a quoted line break moves the next record's line")
    func physicalLines() throws {
        let r = try ntNormalise(
            "requests.csv",
            [
                Self.header,
                "R1,2022-04-01,热线,G1,,,,\"第一行\n第二行\",已解决,2022-04-11,满意",
                "R2,2022-04-02,热线,G9,,,,,办理中,,",
                Self.good4,
            ], dataset: "requests", period: Self.q2)
        let f = try only(r)
        #expect(f.code == .unknownUnit)
        #expect(f.line == 4)
        #expect(r.acceptedLines == [2, 5])
    }

    @Test("one finding per problem: a row with three problems gets three findings")
    func severalProblems() throws {
        let r = try run("R2,2022-04-xx,传真,G9,,,,,办理中,,")
        #expect(Set(r.findings.map(\.code)) == [.typeError, .unknownUnit])
        #expect(r.findings.count == 3)
        #expect(r.findings.allSatisfy { $0.line == 3 })
        #expect(Set(r.findings.compactMap(\.column)) == ["received_at", "channel", "grid_id"])
        expectGoodRowsAccepted(r)
    }

    @Test("blank records are skipped silently")
    func blank() throws {
        let r = try run(",,,,,,,,,,")
        #expect(r.findings.isEmpty)
        #expect(r.acceptedLines == [2, 4])
        #expect(r.counts.read == 2)
    }

    @Test("values are typed: dates as day numbers, days_to_close derived, defaults applied")
    func values() throws {
        let r = try ntNormalise(
            "requests.csv",
            [
                Self.header,
                "R1,2022/4/2 14:03,12345,G1,,,,,已办结,2022年4月23日,",
            ], dataset: "requests")
        let row = try #require(r.rows.first)
        #expect(r.slot(row, "received_at") == ntDay(2022, 4, 2))
        #expect(r.slot(row, "closed_at") == ntDay(2022, 4, 23))
        // 2 April → 23 April: 21 days.
        #expect(r.slot(row, "days_to_close") == 21)
        #expect(r.slot(row, "satisfaction") == missingSlot)
        let s = try ntNormalise(
            "services.csv",
            [
                "service_id,date,grid_id,provider_type,category,volunteers,beneficiaries",
                "V1,20220415,G1,志愿者,关爱老人,,\"1,234\"",
                "V2,2022.4.15,G1,志愿者,关爱老人,１２,-",
            ], dataset: "services")
        #expect(s.findings.isEmpty)
        #expect(s.rows.map { s.slot($0, "volunteers") } == [0, 12])
        #expect(s.rows.map { s.slot($0, "beneficiaries") } == [1234, 0])
        #expect(s.rows.map { s.slot($0, "date") } == [ntDay(2022, 4, 15), ntDay(2022, 4, 15)])
    }

    @Test("unique keys are reported for every row that has one")
    func keys() throws {
        let r = try run("R1,2022-04-02,热线,G9,,,,,办理中,,")
        #expect(r.keys.count == 1)
        #expect(r.keys[0].map(\.line) == [2, 3, 4])
        #expect(r.keys[0][0].key == r.keys[0][1].key)
        #expect(r.keys[0][0].key != r.keys[0][2].key)
    }
}
