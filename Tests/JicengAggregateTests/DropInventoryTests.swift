import Foundation
import JicengCore
import JicengNormalize
import JicengPipeline
import JicengRun
import Testing

@testable import JicengAggregate

/// Which files of a drop are read as which dataset (contract §1, v2 §9).
@Suite struct DropInventoryTests {
    private static func inventory(_ drop: ATDrop) throws -> DropInventory {
        let pipeline = PipelineLoader.standard
        var datasets: [String: CompiledDataset] = [:]
        for d in pipeline.datasets { datasets[d.name] = try CompiledDataset(d, parameters: pipeline.parameters) }
        return try DropInventory(folder: drop.path, pipeline: pipeline, datasets: datasets)
    }

    private static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test("names decide first (any case); other CSV files by header, matched like HeaderMapping (BOM, full-width, case, spaces)")
    func byNameThenHeader() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "Requests-A.CSV": ATFixture.requests,
            // A BOM, full-width letters, upper case and spaces around the names of a requests header.
            "export.csv": ["\u{FEFF} ＲＥＱＵＥＳＴ_ID ,Received_At,渠道,社区,办理状态", "X1,2022-04-01,热线,东门社区,办理中"],
        ])
        let inventory = try Self.inventory(drop)
        #expect(inventory.files(of: "units") == ["units.csv"])
        #expect(inventory.files(of: "requests") == ["Requests-A.CSV", "export.csv"])
        let unknown = inventory.findings.filter { $0.code == .unknownFile }
        #expect(unknown.map(\.file) == ["export.csv"])
        #expect(unknown.first?.dataset == "requests")
        #expect(unknown.first?.severity == .warning)
        #expect(inventory.findings.filter { $0.code == .missingFile }.compactMap(\.dataset) == ["grids", "property_companies", "services"])
    }

    @Test("a GB18030 file is recognised by its Chinese header (read with the project's reader)")
    func gb18030Header() throws {
        let drop = ATDrop(["units.csv": ATFixture.units])
        // SampleData/errors/grids.csv is GB18030 with CRLF and Chinese headers.
        let bytes = try #require(FileManager.default.contents(atPath: Self.root + "/SampleData/errors/grids.csv"))
        #expect(String(data: bytes, encoding: .utf8) == nil)  // not UTF-8, so the header must be decoded
        #expect(FileManager.default.createFile(atPath: drop.path + "/网格基本情况.csv", contents: bytes))
        let inventory = try Self.inventory(drop)
        #expect(inventory.files(of: "grids") == ["网格基本情况.csv"])
    }

    @Test("unit references: one is needed, and a street alone is one (§2, §9)")
    func unitReferences() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            "street-only.csv": ["request_id,received_at,channel,street,status", "X1,2022-04-01,热线,绣林,办理中"],
            "no-unit.csv": ["request_id,received_at,channel,status", "X2,2022-04-01,热线,办理中"],
        ])
        let inventory = try Self.inventory(drop)
        #expect(inventory.files(of: "requests") == ["street-only.csv"])
        let notRead = inventory.findings.filter { $0.code == .unknownFile && $0.dataset == nil }
        #expect(notRead.map(\.file) == ["no-unit.csv"])
        // What the inventory recognises is read as it: its row is attached to the street 绣林 (S1).
        let analysis = try drop.analyze()
        #expect(analysis.files.first { $0.file == "street-only.csv" }?.rowsAccepted == 1)
        #expect(analysis.total("S1", "requests_received") == 1)
        #expect(analysis.total("M1", "requests_received") == 0)
    }

    @Test("hidden files and files not ending in .csv are not part of the drop")
    func notPartOfTheDrop() throws {
        let drop = ATDrop([
            "units.csv": ATFixture.units,
            ".requests.csv": ATFixture.requests,
            "requests.csv.bak": ATFixture.requests,
            "requests.txt": ATFixture.requests,
        ])
        let inventory = try Self.inventory(drop)
        #expect(inventory.files(of: "requests").isEmpty)
        #expect(!inventory.findings.contains { $0.code == .unknownFile })
    }

    @Test("a data folder that is not there is a usage error")
    func missingFolder() throws {
        let pipeline = PipelineLoader.standard
        do {
            _ = try DropInventory(folder: "/nonexistent/jiceng-drop", pipeline: pipeline, datasets: [:])
            Issue.record("expected an error")
        } catch let error as JicengError {
            #expect(error.code == .usage)
            #expect(error.message.contains("/nonexistent/jiceng-drop"))
        }
    }
}

/// Writes that fail are errors naming the path and the system's reason (issue 10, point 7).
@Suite struct QuarantineWriterTests {
    @Test("no space left: io-failure with the path and ENOSPC's text")
    func noSpace() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        do {
            var writer = try QuarantineWriter(path: "/dev/full", header: "")
            try writer.write(Array("a,b\n".utf8))
            Issue.record("expected a write failure")
        } catch let error as JicengError {
            #expect(error.code == .ioFailure)
            #expect(error.message == "cannot write /dev/full: No space left on device")
        }
    }

    @Test("a folder that is not there: io-failure naming the file")
    func cannotCreate() throws {
        do {
            _ = try QuarantineWriter(path: "/nonexistent/jiceng/quarantine.csv")
            Issue.record("expected a failure")
        } catch let error as JicengError {
            #expect(error.code == .ioFailure)
            #expect(error.message == "cannot create /nonexistent/jiceng/quarantine.csv: No such file or directory")
        }
    }

    @Test("what is written is there after close")
    func roundTrip() throws {
        let drop = ATDrop()
        var writer = try QuarantineWriter(path: drop.path + "/q.csv", header: "h\n")
        try writer.write(Array("1\n".utf8))
        try writer.close()
        try writer.close()  // a second close does nothing
        #expect(try String(contentsOfFile: drop.path + "/q.csv", encoding: .utf8) == "h\n1\n")
    }
}
