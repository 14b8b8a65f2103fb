import JicengCore
import Testing

@testable import JicengNormalize

@Suite("FindingLog listing limit (contract §7)")
struct FindingLogTests {
    private func finding(_ code: FindingCode, file: String?, line: Int, severity: Severity = .error) -> Finding {
        Finding(
            severity: severity, code: code, dataset: "requests", file: file, line: line, column: "status",
            message: LocalizedText(zh: "x", en: "x"))
    }

    private func listed(_ log: FindingLog) -> [Finding] { log.findings(dataset: { _ in "requests" }) }

    @Test("limit 3, ten findings of one code in one file: 3 listed, 1 summary saying 7, totals 10")
    func limitOneByOne() throws {
        var log = FindingLog(limit: 3)
        for line in 2...11 { log.add(finding(.typeError, file: "requests.csv", line: line)) }
        let out = listed(log)
        #expect(out.count == 4)
        #expect(out.prefix(3).map(\.line) == [2, 3, 4])
        let summary = try #require(out.last)
        #expect(summary.code == .typeError)
        #expect(summary.severity == .error)
        #expect(summary.file == "requests.csv")
        #expect(summary.dataset == "requests")
        #expect(summary.line == nil)
        // 10 − 3 = 7 not listed.
        #expect(summary.message == FindingMessages.suppressed(count: 7, code: .typeError))
        #expect(summary.message.en.contains("7"))
        #expect(log.errors == 10)
        #expect(log.warnings == 0)
        #expect(log.totals[FindingKey(code: .typeError, severity: .error)] == 10)
    }

    @Test("chunks of parallel workers: the same answer as one by one")
    func limitThroughChunks() throws {
        // Two chunks of 5 findings each, each chunk keeping at most 3 (lines 2–4 and 7–9 listed,
        // 5 counted each); merged as the drop analyzer merges them.
        var a = ChunkFindings(listLimit: 3)
        for line in 2...6 { a.add(finding(.typeError, file: "requests.csv", line: line)) }
        var b = ChunkFindings(listLimit: 3)
        for line in 7...11 { b.add(finding(.typeError, file: "requests.csv", line: line)) }
        #expect(a.listed.count == 3)
        #expect(a.counts[FindingKey(code: .typeError, severity: .error)] == 5)
        var merged = ChunkFindings(listLimit: .max)
        merged.merge(a)
        merged.merge(b)
        var log = FindingLog(limit: 3)
        log.add(merged, file: "requests.csv")
        let out = listed(log)
        #expect(out.count == 4)
        #expect(out.prefix(3).map(\.line) == [2, 3, 4])
        #expect(out.last?.message == FindingMessages.suppressed(count: 7, code: .typeError))
        #expect(log.errors == 10)
    }

    @Test("the limit is per code and per file; warnings are counted as warnings")
    func perCodeAndFile() throws {
        var log = FindingLog(limit: 3)
        for line in 2...5 { log.add(finding(.typeError, file: "requests-a.csv", line: line)) }  // 4: 3 + summary 1
        for line in 6...7 { log.add(finding(.missingValue, file: "requests-a.csv", line: line)) }  // 2: listed
        for line in 2...5 { log.add(finding(.typeError, file: "requests-b.csv", line: line)) }  // 4: 3 + summary 1
        for line in 2...6 { log.add(finding(.outOfPeriod, file: "requests-b.csv", line: line, severity: .warning)) }  // 5: 3 + summary 2
        let out = listed(log)
        let a = out.filter { $0.file == "requests-a.csv" }
        let b = out.filter { $0.file == "requests-b.csv" }
        #expect(a.filter { $0.line != nil }.count == 5)
        #expect(a.filter { $0.line == nil }.map(\.message) == [FindingMessages.suppressed(count: 1, code: .typeError)])
        #expect(b.filter { $0.line != nil }.count == 6)
        let summaries = b.filter { $0.line == nil }
        #expect(
            Set(summaries.map(\.message)) == [
                FindingMessages.suppressed(count: 1, code: .typeError),
                FindingMessages.suppressed(count: 2, code: .outOfPeriod),
            ])
        #expect(summaries.first { $0.code == .outOfPeriod }?.severity == .warning)
        // 4 + 2 + 4 = 10 errors, 5 warnings.
        #expect(log.errors == 10)
        #expect(log.warnings == 5)
        // Files in order, each file's summaries after its listed findings.
        #expect(out.map(\.file) == Array(repeating: "requests-a.csv", count: 6) + Array(repeating: "requests-b.csv", count: 8))
        #expect(a.last?.line == nil)
    }

    @Test("findings about the drop as a whole are never limited; limit 0 summarises everything")
    func filelessAndZero() throws {
        var log = FindingLog(limit: 1)
        for _ in 0..<3 {
            log.add(Finding(severity: .warning, code: .missingFile, dataset: "grids", message: LocalizedText(zh: "", en: "")))
        }
        #expect(listed(log).count == 3)
        var zero = FindingLog(limit: 0)
        for line in 2...4 { zero.add(finding(.typeError, file: "requests.csv", line: line)) }
        let out = listed(zero)
        #expect(out.count == 1)
        #expect(out.first?.message == FindingMessages.suppressed(count: 3, code: .typeError))
        #expect(zero.errors == 3)
    }

    @Test("through the normaliser: limit 3 per chunk, every finding counted")
    func throughNormaliser() throws {
        var lines = ["request_id,received_at,channel,grid_id,status"]
        for i in 0..<10 { lines.append("R\(i),2022-04-01,热线,G9,办理中") }
        let r = try ntNormalise("requests.csv", lines, dataset: "requests", listLimit: 3)
        #expect(r.findings.map(\.line) == [2, 3, 4])
        #expect(r.counts.rejected == 10)
    }
}
