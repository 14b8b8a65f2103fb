import Foundation
import Testing

/// Contract §9 through the real binary: a malformed record loses only itself, and a file's
/// encoding is decided from all of its bytes.
@Suite("reading real exports, through the real binary")
struct ReadingRecoveryBinaryTests {
    private func validate(_ drop: String) throws -> (status: Int32, findings: [[String: Any]]) {
        let result = try BinaryHarness.run(["validate", "--data", drop, "--period", "2022Q2", "--format", "json", "--lang", "en"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (result.status, object["findings"] as! [[String: Any]])
    }

    /// `requests_received` of the city in `indicators.csv` after `run`.
    private func cityRequests(_ drop: String) throws -> String {
        let out = try BinaryHarness.temporaryFolder("recovery-out") + "/out"
        let result = try BinaryHarness.run(["run", "--data", drop, "--period", "2022Q2", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: out + "/indicators.csv", encoding: .utf8)
        let row = csv.split(separator: "\n").first { $0.hasPrefix("2022Q2,C,") && $0.contains(",requests_received,") }
        return row.map { String($0.split(separator: ",", omittingEmptySubsequences: false)[5]) } ?? ""
    }

    @Test("an unclosed quote on line 4 and another quote on line 7 lose only lines 4 and 7")
    func strayQuotesLoseOnlyTheirRecords() throws {
        let drop = try BinaryHarness.temporaryFolder("stray-quotes")
        try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
        // Lines 2, 3, 5, 6 and 8 are valid requests; line 4 opens a quote that line 7's quote
        // closes (followed by other characters), the case that used to swallow lines 5 and 6.
        try BinaryHarness.write(
            """
            request_id,received_at,channel,unit_id,status,closed_at
            Q2,2022-04-02,hotline,K1,resolved,2022-04-03
            Q3,2022-04-03,hotline,K1,resolved,2022-04-04
            Q4,2022-04-04,hotline,"K1,resolved,2022-04-05
            Q5,2022-04-05,hotline,K2,resolved,2022-04-06
            Q6,2022-04-06,hotline,K2,in_progress,
            Q7,2022-04-07,hotline,K2,"open"x,
            Q8,2022-04-08,hotline,K2,open,

            """, to: drop + "/requests.csv")
        let (status, findings) = try validate(drop)
        #expect(status == 1)
        let malformed = findings.filter { ($0["code"] as! String) == "malformed-csv" }
        #expect(malformed.map { $0["line"] as? Int } == [4, 7])
        #expect(malformed.allSatisfy { ($0["message"] as! String).contains("reading resumed at the line after its first line") })
        // Nothing else is wrong: five requests are read and counted.
        #expect(findings.filter { ($0["severity"] as! String) == "error" }.count == 2)
        #expect(try cityRequests(drop) == "5")
    }

    @Test("a GBK export whose first 64 KiB are ASCII is read as GB18030, every row counted")
    func gbkAfterASCII() throws {
        let drop = try BinaryHarness.temporaryFolder("gbk-late")
        try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
        var text = "request_id,received_at,channel,unit_id,status,closed_at,category\n"
        for k in 0..<2000 { text += "A\(k),2022-04-10,hotline,K1,resolved,2022-04-11,plain ascii category text\n" }
        // Two GBK rows at the end name their community and channel in Chinese.
        text += "B1,2022-04-12,热线,K2,已办结,2022-04-13,环境卫生\nB2,2022-04-12,网络,K2,办理中,,噪音扰民\n"
        let bytes = try gb18030(text)
        #expect(bytes.prefix(65_536).allSatisfy { $0 < 0x80 })
        try BinaryHarness.write(bytes: bytes, to: drop + "/requests.csv")
        let (status, findings) = try validate(drop)
        #expect(status == 0)
        #expect(!findings.contains { ($0["code"] as! String) == "encoding-error" })
        #expect(try cityRequests(drop) == "2002")
    }

    @Test("a file that is neither UTF-8 nor GB18030 is an encoding-error at the first line that fails")
    func neitherEncoding() throws {
        let drop = try BinaryHarness.temporaryFolder("neither")
        try BinaryHarness.write(SmallDropFixture.units, to: drop + "/units.csv")
        var bytes = Array("request_id,received_at,channel,unit_id,status,closed_at\n".utf8)
        for k in 0..<3000 { bytes += Array("A\(k),2022-04-10,热线,K1,已办结,2022-04-11\n".utf8) }
        bytes += Array("BAD,2022-04-10,".utf8) + [0xFF, 0xFE] + Array(",K1,已办结,2022-04-11\nZ1,2022-04-10,热线,K1,已办结,2022-04-11\n".utf8)
        try BinaryHarness.write(bytes: bytes, to: drop + "/requests.csv")
        let (status, findings) = try validate(drop)
        #expect(status == 1)
        let encoding = findings.filter { ($0["code"] as! String) == "encoding-error" }
        #expect(encoding.map { $0["line"] as? Int } == [3002])
        #expect(encoding.first?["column"] as? String == "channel")
        // The other 3,001 rows are read.
        #expect(try cityRequests(drop) == "3001")
    }

    private func gb18030(_ text: String) throws -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let outCount = output.count
        input.withUnsafeMutableBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(i.baseAddress!).assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(o.baseAddress!).assumingMemoryBound(to: CChar.self)
                _ = iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        #expect(inLeft == 0)
        return Array(output[0..<(outCount - outLeft)])
    }
}
