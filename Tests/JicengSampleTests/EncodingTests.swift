import Foundation
import Testing

@testable import JicengSample

/// The messy drop really uses the encodings and line endings its summary claims.
@Suite struct EncodingTests {
    @Test func messyDropMixesEncodingsAndLineEndings() throws {
        let folder = try TestSupport.temporaryFolder("enc")
        defer { TestSupport.remove(folder) }
        var configuration = SampleDropConfiguration.shishou2022Q2
        configuration.requests = 300
        configuration.requestStatuses = nil
        let summary = try SampleDropGenerator(configuration).write(to: folder)

        let gbFile = try #require(summary.files.first { $0.encoding == .gb18030 })
        #expect(gbFile.name == "property_companies.csv")
        let gbBytes = try TestSupport.bytes(folder + "/" + gbFile.name)
        #expect(String(validating: gbBytes, as: UTF8.self) == nil, "a GB18030 file with Chinese text is not UTF-8")
        let decoded = try TestCSV.decodeGB18030(gbBytes)
        #expect(decoded.hasPrefix("统一社会信用代码,物业企业名称,"))
        #expect(decoded.contains("物业"))
        #expect(decoded.contains("\r\n"))

        for file in summary.files {
            let bytes = try TestSupport.bytes(folder + "/" + file.name)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (file.encoding == .utf8BOM), "\(file.name) BOM")
            let crlfCount = zip(bytes, bytes.dropFirst()).filter { $0 == 0x0D && $1 == 0x0A }.count
            let lfCount = bytes.filter { $0 == 0x0A }.count
            if file.crlf {
                // Line breaks inside quoted fields stay LF, record ends are CRLF.
                #expect(crlfCount == file.records + 1, "\(file.name) CRLF")
            } else {
                #expect(crlfCount == 0, "\(file.name) LF")
            }
            #expect(lfCount == file.lines, "\(file.name) lines")
        }
        #expect(summary.files.contains { $0.crlf })
        #expect(summary.files.contains { $0.encoding == .utf8BOM })
    }

    @Test func plainDropIsCanonical() throws {
        let folder = try TestSupport.temporaryFolder("plain")
        defer { TestSupport.remove(folder) }
        var configuration = SampleDropConfiguration.shishou2022Q2
        configuration.messy = false
        let summary = try SampleDropGenerator(configuration).write(to: folder)
        #expect(summary.files.map(\.name) == ["units.csv", "grids.csv", "property_companies.csv", "services.csv", "requests.csv"])
        for file in summary.files {
            #expect(file.encoding == .utf8 && !file.crlf)
            #expect(file.lines == file.records + 1)
        }
        let text = String(decoding: try TestSupport.bytes(folder + "/requests.csv"), as: UTF8.self)
        #expect(text.hasPrefix("request_id,received_at,channel,unit_id,category,status,closed_at,satisfaction\n"))
    }

    @Test func messyDropHasTheVarietyOfRealExports() throws {
        let folder = try TestSupport.temporaryFolder("variety")
        defer { TestSupport.remove(folder) }
        let summary = try SampleDropGenerator(.shishou2022Q2).write(to: folder)
        let a = String(decoding: try TestSupport.bytes(folder + "/requests-绣林街道.csv"), as: UTF8.self)
        let b = String(decoding: try TestSupport.bytes(folder + "/requests-笔架山街道.csv"), as: UTF8.self)
        let all = a + b
        for needle in [
            "正在跟踪办理", "已做好解释", "12345热线", "基本满意", "年", "\"物业管理,停车收费\"",
            "\"关于\"\"三无\"\"小区管理\"", "\n（多次反映）", "N/A", "栗田湖", "金银社区", "新建社区", "绣林,",
        ] {
            #expect(all.contains(needle), "requests contain \(needle)")
        }
        let services = String(decoding: try TestSupport.bytes(folder + "/services.csv"), as: UTF8.self)
        for needle in ["关爱老人", "关心下一代", "妇女维权", "ｓｅｒｖｉｃｅ＿ｉｄ", "2022.4."] {
            #expect(services.contains(needle), "services contain \(needle)")
        }
        let grids = String(decoding: try TestSupport.bytes(folder + "/grids.csv"), as: UTF8.self)
        for needle in ["√", "是", "有", "\"1,"] {
            #expect(grids.contains(needle), "grids contain \(needle)")
        }
        #expect(grids.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) }, "full-width digits")
        let units = String(decoding: try TestSupport.bytes(folder + "/units.csv"), as: UTF8.self)
        #expect(units.contains("金银；金银社区居委会"))
        #expect(summary.units(at: .community).filter { $0.name == "新建社区" }.count == 2)
    }
}
