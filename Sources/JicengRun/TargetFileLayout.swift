import JicengAggregate
import JicengCore
import JicengIngest
import JicengPipeline

/// Where each column of contract §6 is in a targets file, from its header row.
///
/// Exists to refuse a header that would make rows mean something else than their author thinks:
/// an unknown column (a misspelt `indicater` would otherwise drop the indicator), a column named
/// twice, or a required column missing. Empty header cells (a trailing comma left by a
/// spreadsheet) are ignored.
struct TargetFileLayout: Sendable {
    /// The field index of each column the file has.
    private(set) var field: [TargetColumn: Int] = [:]

    init(header: CSVHeader, file: String) throws {
        var byName: [String: TargetColumn] = [:]
        for column in TargetColumn.allCases {
            byName[TextFolding.fold(column.name)] = column
            byName[TextFolding.fold(column.chineseName)] = column
        }
        func invalid(_ zh: String, _ en: String, column: Int? = nil) -> JicengError {
            JicengError(.targetsInvalid, LocalizedText(zh: zh, en: en), at: SourceLocation(file: file, line: header.line, column: column))
        }
        for (i, text) in header.fields.enumerated() {
            let key = TextFolding.fold(text)
            if key.isEmpty { continue }
            guard let column = byName[key] else {
                let guess = Suggestion.closest(to: key, among: TargetColumn.allCases.flatMap { [$0.name, $0.chineseName] })
                throw invalid(
                    "未知的列 «\(text)»\(guess.map { "（是否应为 «\($0)»？）" } ?? "")；目标文件的列为 \(TargetColumn.list(chinese: true))",
                    "unknown column '\(text)'\(guess.map { " (did you mean '\($0)'?)" } ?? ""); the columns of a targets file are \(TargetColumn.list(chinese: false))",
                    column: i + 1)
            }
            if let first = field[column] {
                throw invalid(
                    "列 \(column.name)（\(column.chineseName)）出现了两次：第 \(first + 1) 列和第 \(i + 1) 列",
                    "column \(column.name) (\(column.chineseName)) appears twice: columns \(first + 1) and \(i + 1)", column: i + 1)
            }
            field[column] = i
        }
        for column in TargetColumn.allCases where column.isRequired && field[column] == nil {
            throw invalid(
                "缺少必需的列 \(column.name)（\(column.chineseName)）；表头应为 \(TargetColumn.headerLine)",
                "required column \(column.name) (\(column.chineseName)) is missing; the header is \(TargetColumn.headerLine)")
        }
    }

    /// The trimmed cell of `column` in a record; nil when the file has no such column or the cell is empty.
    func cell(_ column: TargetColumn, in fields: [String]) -> String? {
        guard let f = field[column], f < fields.count else { return nil }
        let text = fields[f].trimmingSpaces()
        return text.isEmpty ? nil : text
    }

    /// The 1-based column of `column` in the file, for messages.
    func position(of column: TargetColumn) -> Int? { field[column].map { $0 + 1 } }
}
