import JicengCore
import Testing

@testable import JicengNormalize

/// The one layout of a `quarantine.csv` line, for rows rejected while normalising and rows taken
/// back as duplicates alike.
@Suite struct QuarantineRecordTests {
    @Test func rendersFindingsAndRecordInTheContractsColumns() {
        let findings = [
            Finding(
                severity: .error, code: .typeError, dataset: "requests", file: "r.csv", line: 7, column: "received_at",
                message: LocalizedText(zh: "甲", en: "a")),
            Finding(
                severity: .error, code: .missingValue, dataset: "requests", file: "r.csv", line: 7,
                message: LocalizedText(zh: "乙", en: "b")),
        ]
        let record = QuarantineRecord(dataset: "requests", file: "r.csv", line: 7, findings: findings, cells: ["Q-1", "a,b"])
        #expect(QuarantineRecord.header == "dataset,file,line,codes,columns,message,record\n")
        #expect(record.csvLine == "requests,r.csv,7,type-error;missing-value,received_at,甲；乙,\"Q-1,\"\"a,b\"\"\"\n")
        #expect(record.utf8 == Array(record.csvLine.utf8))
    }

    @Test func masksTheRecordsCells() {
        let cells = ["13812345678", "x"]
        let record = QuarantineRecord(dataset: "d", file: "f", line: 1, findings: [], cells: cells)
        #expect(record.maskedRecord == CSVText.record(cells.map(SensitiveDataMasker.mask)))
    }
}
