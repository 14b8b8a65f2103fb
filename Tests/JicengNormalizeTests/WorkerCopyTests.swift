import Foundation
import JicengCore
import JicengIngest
import Testing

@testable import JicengNormalize

/// Each worker thread normalises with its own copy of the context (`RecordProcessor.forWorker`):
/// equal values in buffers no other thread retains.
@Suite struct WorkerCopyTests {
    private func base<T>(_ array: [T]) -> UnsafeRawPointer? { array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }

    @Test func theCopySharesNoBufferTheRowLoopReads() throws {
        let folder = NTFolder()
        let path = folder.write(
            "requests.csv",
            lines: ["request_id,received_at,channel,community,street,status,closed_at", "R1,2022-04-01,热线,东门,,已办结,2022-04-03"])
        let reader = try CSVFileReader(path: path)
        guard case .header(let header) = try reader.readHeader() else {
            Issue.record("no header")
            return
        }
        let dataset = try NT.dataset("requests")
        let mapping = HeaderMapping(header: header, dataset: dataset, file: "requests.csv")
        let context = FactFileContext(
            dataset: dataset, mapping: mapping, directory: try NT.directory(), period: nil, fileName: "requests.csv",
            fileIndex: 0, fileEncoding: .utf8, maxFieldBytes: 1 << 20, listLimit: 10, quarantine: false)
        let copy = context.privateCopy()

        #expect(copy.mapping.columnToField == context.mapping.columnToField)
        #expect(base(copy.mapping.columnToField) != base(context.mapping.columnToField))
        #expect(copy.dataset !== context.dataset)
        #expect(copy.dataset.valueRequired == context.dataset.valueRequired)
        #expect(base(copy.dataset.valueRequired) != base(context.dataset.valueRequired))
        #expect(base(copy.dataset.defaults) != base(context.dataset.defaults))
        #expect(copy.dataset.rules.count == context.dataset.rules.count && !copy.dataset.rules.isEmpty)
        for c in dataset.enumLookups.indices {
            #expect((copy.dataset.enumLookups[c] == nil) == (context.dataset.enumLookups[c] == nil))
            if let a = copy.dataset.enumLookups[c], let b = context.dataset.enumLookups[c] { #expect(a !== b) }
        }
        #expect(copy.directory !== context.directory)
        #expect(copy.directory.count == context.directory.count)
    }

    @Test func theCopyFindsTheSameUnitsAndValues() throws {
        let directory = try NT.directory()
        let copy = directory.privateCopy()
        for name in ["西门社区", "西门", "老西门", " 东门 ", "东门社区", "北门社区", "绣林街道"] {
            let bytes = Array(name.utf8)
            bytes.withUnsafeBufferPointer { b in
                #expect(copy.communities(named: b) == directory.communities(named: b), "\(name)")
                #expect(copy.streets(named: b) == directory.streets(named: b), "\(name)")
                #expect(copy.community(named: b, inStreetNamed: nil) == directory.community(named: b, inStreetNamed: nil), "\(name)")
            }
        }
        for u in 0..<directory.count {
            #expect(copy.level(of: u) == directory.units[u].level)
            Array(directory.units[u].id.utf8).withUnsafeBufferPointer { b in
                #expect(copy.unit(id: b) == u)
            }
        }
    }
}
