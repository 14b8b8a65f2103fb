import JicengCore

/// The wording of every finding, in Chinese and English, in one place so that messages stay
/// consistent and an analyst reads the same phrase for the same problem everywhere.
public enum FindingMessages {
    public static func missingFile(dataset: String, required: Bool) -> LocalizedText {
        required
            ? LocalizedText(
                zh: "缺少必需的数据集 \(dataset)（应有 \(dataset)*.csv 文件）",
                en: "required dataset \(dataset) is missing (no \(dataset)*.csv file)")
            : LocalizedText(
                zh: "本次数据中没有 \(dataset)（\(dataset)*.csv），其指标不予计算",
                en: "no \(dataset)*.csv in this drop; its indicators are left out")
    }

    /// A CSV file whose name starts with no dataset's name, read as the dataset its header matches.
    public static func unknownFileRead(_ file: String, dataset: String, prefix: String) -> LocalizedText {
        LocalizedText(
            zh: "文件名“\(file)”不以任何数据集名称开头；其表头含有 \(dataset) 的必需列，已按 \(dataset) 读取（请按约定命名为 \(prefix)*.csv）",
            en:
                "the name of \(file) starts with no dataset name; its header carries the required columns of \(dataset), so it was read as \(dataset) (name it \(prefix)*.csv)"
        )
    }

    /// A CSV file whose name starts with no dataset's name and whose header matches none.
    public static func unknownFileUnmatched(_ file: String) -> LocalizedText {
        LocalizedText(
            zh: "文件“\(file)”的文件名不以任何数据集名称开头，表头也不含任何数据集的必需列，未读取",
            en:
                "the name of \(file) starts with no dataset name and its header carries the required columns of no dataset; the file was not read"
        )
    }

    /// A CSV file whose name starts with no dataset's name and whose header matches several.
    public static func unknownFileAmbiguous(_ file: String, datasets: [String]) -> LocalizedText {
        LocalizedText(
            zh: "文件“\(file)”的文件名不以任何数据集名称开头，表头同时含有 \(datasets.joined(separator: "、")) 的必需列，无法确定数据集，未读取",
            en:
                "the name of \(file) starts with no dataset name and its header carries the required columns of several datasets (\(datasets.joined(separator: ", "))); the file was not read"
        )
    }

    /// A CSV file whose name starts with no dataset's name and whose header cannot be read.
    public static func unknownFileUnreadable(_ file: String) -> LocalizedText {
        LocalizedText(
            zh: "文件“\(file)”的文件名不以任何数据集名称开头，表头也无法读取（空文件、编码无法识别或格式错误），未读取",
            en:
                "the name of \(file) starts with no dataset name and its header cannot be read (empty, undecodable or malformed); the file was not read"
        )
    }

    public static let emptyFile = LocalizedText(zh: "文件为空，没有表头", en: "the file is empty: no header row")
    public static let headerOnly = LocalizedText(zh: "文件只有表头，没有数据行", en: "the file has a header but no records")
    public static let undecodable = LocalizedText(
        zh: "文件编码无法识别：第一行既不是 UTF-8 也不是 GB18030/GBK，该文件未被读取",
        en: "the file is neither UTF-8 nor GB18030/GBK from its first line on; the file was not read")
    public static func undecodableCell(_ column: String) -> LocalizedText {
        LocalizedText(zh: "\(column) 列含有无法解码的字节", en: "column \(column) holds bytes that are not valid text")
    }

    /// A malformed record: it is skipped, and reading resumed at the physical line after the
    /// record's first line (contract §9), so it loses only itself.
    public static func malformed(unterminated: Bool) -> LocalizedText {
        unterminated
            ? LocalizedText(
                zh: "引号未闭合（到文件末尾仍未闭合）：该记录已跳过，从它第一行的下一行继续读取",
                en:
                    "unterminated quote (still open at the end of the file): the record was skipped and reading resumed at the line after its first line"
            )
            : LocalizedText(
                zh: "CSV 格式错误（多余或不成对的引号）：该记录已跳过，从它第一行的下一行继续读取",
                en: "malformed CSV (stray or unbalanced quote): the record was skipped and reading resumed at the line after its first line"
            )
    }

    public static func fieldTooLarge(limit: Int) -> LocalizedText {
        LocalizedText(zh: "字段超过 \(limit) 字节上限，该行已跳过", en: "a field exceeds the \(limit)-byte limit; the record was skipped")
    }

    public static let recordTooLarge = LocalizedText(
        zh: "该行单元格数远超表头，已跳过", en: "the record has far more cells than the header; it was skipped")

    /// How a message names a column: the header the file used and the canonical name,
    /// `单位编码 (unit_id)`, or the canonical name alone when the header is that name (after the
    /// contract's folding: `Request_ID` is `request_id`).
    public static func columnLabel(header: String, column: String) -> String {
        let written = header.trimmingSpaces()
        return written.isEmpty || TextFolding.fold(written) == column ? column : "\(written) (\(column))"
    }

    /// A required column absent from the header. `accepted`: its name and aliases; `suggestion`:
    /// a header of the file that looks like a misspelling of one of them, and that spelling.
    public static func missingColumn(_ column: String, accepted: [String], suggestion: (header: String, spelling: String)?) -> LocalizedText
    {
        var zh = "缺少必需的列 \(column)（表头可写作 \(accepted.joined(separator: "、"))），该文件未被读取"
        var en = "required column \(column) is missing (headers accepted: \(accepted.joined(separator: ", "))); the file was not read"
        if let suggestion {
            zh += "；文件中的 \(suggestion.header) 是否应为 \(suggestion.spelling)？"
            en += "; is \(suggestion.header) in the file meant to be \(suggestion.spelling)?"
        }
        return LocalizedText(zh: zh, en: en)
    }

    /// No unit-reference column in the header. `suggestion`: a header of the file that looks like
    /// a misspelling of one, and how that column is named (`社区名称 (community)`).
    public static func missingReferenceColumn(_ columns: [String], suggestion: (header: String, label: String)? = nil) -> LocalizedText {
        let list = columns.joined(separator: "/")
        var zh = "缺少单位引用列（\(list) 至少需要一列），该文件未被读取"
        var en = "no unit reference column (one of \(list) is required); the file was not read"
        if let suggestion {
            zh += "；文件中的 \(suggestion.header) 是否应为 \(suggestion.label)？"
            en += "; is \(suggestion.header) in the file meant to be \(suggestion.label)?"
        }
        return LocalizedText(zh: zh, en: en)
    }

    /// `column`: the column's label (`columnLabel`) by its first header.
    public static func duplicateColumn(_ column: String) -> LocalizedText {
        LocalizedText(zh: "列 \(column) 在表头中出现多次，只使用第一次出现的列", en: "column \(column) appears more than once; only the first is used")
    }

    /// A header that names no column; `suggestion`: the label of the accepted spelling it most
    /// resembles (`单位编码 (unit_id)`), when one is close.
    public static func unknownColumn(_ header: String, suggestion: String? = nil) -> LocalizedText {
        guard let suggestion else {
            return LocalizedText(zh: "无法识别的列“\(header)”，已忽略", en: "unknown column '\(header)' ignored")
        }
        return LocalizedText(
            zh: "无法识别的列“\(header)”，已忽略；是否应为 \(suggestion)？",
            en: "unknown column '\(header)' ignored; did you mean \(suggestion)?")
    }

    /// An optional column absent from every file of a dataset, on which measures depend: what
    /// depends on it is left out rather than computed as if no row had a value (a resolution rate
    /// of 0% because no file says which requests were resolved). `indicators` and `breakdowns`:
    /// what is left out; `measures`: named instead when neither reads them.
    public static func absentColumn(
        _ column: String, dataset: String, accepted: [String], indicators: [String],
        breakdowns: [String], measures: [String]
    ) -> LocalizedText {
        var zh = "\(dataset) 的文件都没有 \(column) 列（表头可写作 \(accepted.joined(separator: "、"))）"
        var en = "no file of \(dataset) has the column \(column) (headers accepted: \(accepted.joined(separator: ", ")))"
        if !indicators.isEmpty {
            zh += "，依赖它的指标不予计算：\(indicators.joined(separator: "、"))"
            en += "; the indicators that depend on it are left out: \(indicators.joined(separator: ", "))"
        }
        if !breakdowns.isEmpty {
            zh += "\(indicators.isEmpty ? "，" : "；")按它分类的图表不予绘制：\(breakdowns.joined(separator: "、"))"
            en += "; the breakdowns by it are left out: \(breakdowns.joined(separator: ", "))"
        }
        if indicators.isEmpty && breakdowns.isEmpty {
            zh += "，依赖它的度量不予计算：\(measures.joined(separator: "、"))"
            en += "; the measures that depend on it are left out: \(measures.joined(separator: ", "))"
        }
        return LocalizedText(zh: zh, en: en)
    }

    public static func missingCell(expected: Int, found: Int) -> LocalizedText {
        LocalizedText(zh: "该行只有 \(found) 个单元格，表头有 \(expected) 列", en: "the record has \(found) cells; the header has \(expected)")
    }

    public static func extraCell(expected: Int, found: Int) -> LocalizedText {
        LocalizedText(zh: "该行有 \(found) 个单元格，多于表头的 \(expected) 列", en: "the record has \(found) cells, more than the header's \(expected)")
    }

    public static func missingValue(_ column: String) -> LocalizedText {
        LocalizedText(zh: "必填项 \(column) 为空", en: "required value \(column) is missing")
    }

    public static func missingValueWhen(_ column: String) -> LocalizedText {
        LocalizedText(zh: "状态为已解决或已解释时必须填写 \(column)", en: "\(column) is required for this status")
    }

    public static func typeError(_ column: String, expected: ExpectedValue) -> LocalizedText {
        LocalizedText(zh: "\(column) 的值无法识别为\(expected.zh)", en: "\(column) is not a valid \(expected.en)")
    }

    /// A whole number below its column's minimum (0 for counts, or the pipeline's `minimum`).
    public static func belowMinimum(_ column: String, minimum: Int64) -> LocalizedText {
        LocalizedText(zh: "\(column) 不能小于 \(minimum)", en: "\(column) must be at least \(minimum)")
    }

    public static func duplicateKey(_ column: String, firstFile: String, firstLine: Int) -> LocalizedText {
        LocalizedText(
            zh: "\(column) 重复：与 \(firstFile) 第 \(firstLine) 行相同，本行不计入",
            en: "duplicate \(column): same as \(firstFile) line \(firstLine); this row is left out")
    }

    public static func tooManyDuplicates(_ column: String, count: Int, limit: Int) -> LocalizedText {
        LocalizedText(
            zh: "\(count) 行的 \(column) 与前面的行重复，超过上限 \(limit)：导出可能重复合并，本数据集的指标不予计算",
            en:
                "\(count) rows repeat an earlier \(column), more than the limit of \(limit): the export was probably merged twice; this dataset's indicators are left out"
        )
    }

    /// A reference that matches no unit, or several. `street`: the reference is a street name
    /// (no other column could tell the streets apart).
    public static func unknownUnit(_ column: String, ambiguous: Bool, street: Bool = false) -> LocalizedText {
        if ambiguous && street {
            return LocalizedText(zh: "\(column) 对应多个街道，无法确定", en: "\(column) matches more than one street")
        }
        return ambiguous
            ? LocalizedText(
                zh: "\(column) 对应多个单位，无法确定（可增加街道列区分）", en: "\(column) matches more than one unit (add a street column to tell them apart)")
            : LocalizedText(zh: "\(column) 在组织架构中找不到对应单位", en: "\(column) matches no unit of the hierarchy")
    }

    public static func missingReference(_ columns: [String]) -> LocalizedText {
        LocalizedText(zh: "没有填写所属单位（\(columns.joined(separator: "/"))）", en: "no unit given (\(columns.joined(separator: "/")))")
    }

    public static func notBefore(_ column: String, _ reference: String) -> LocalizedText {
        LocalizedText(zh: "\(column) 早于 \(reference)", en: "\(column) is before \(reference)")
    }

    public static func outOfPeriod(_ column: String, period: Period) -> LocalizedText {
        LocalizedText(zh: "\(column) 不在统计期 \(period) 内，本行不计入", en: "\(column) lies outside the period \(period); the row is left out")
    }

    /// A dated dataset none of whose valid dates lies in the period (contract v2 §9).
    public static func noDateInPeriod(dataset: String, column: String, period: Period, earliest: CivilDate, latest: CivilDate)
        -> LocalizedText
    {
        LocalizedText(
            zh: "\(dataset) 没有一行的 \(column) 在统计期 \(period) 内（数据中的日期为 \(earliest) 至 \(latest)）：可能是其他时期的数据，或 --period 有误；本数据集的指标不予计算",
            en:
                "no row of \(dataset) has a \(column) in the period \(period) (its dates run from \(earliest) to \(latest)): the data of another period, or a mistyped --period; this dataset's indicators are left out"
        )
    }

    public static func hierarchy(_ problem: HierarchyProblem) -> LocalizedText {
        switch problem {
        case .noRoot: return LocalizedText(zh: "组织架构没有根单位（上级编码为空的单位）", en: "the hierarchy has no root (a unit with an empty parent_id)")
        case .extraRoot(let first):
            return LocalizedText(
                zh: "组织架构只能有一个根单位，已有 \(first)", en: "the hierarchy must have exactly one root; \(first) is already the root")
        case .levelNotBelowParent(let parent):
            return LocalizedText(zh: "层级必须低于上级单位 \(parent) 的层级", en: "the level must be below that of the parent \(parent)")
        case .cycle: return LocalizedText(zh: "上级关系形成循环", en: "the parent chain forms a cycle")
        case .unknownParent: return LocalizedText(zh: "上级编码在组织架构中不存在", en: "parent_id matches no unit")
        case .parentRejected: return LocalizedText(zh: "上级单位有错误，本单位无法挂接", en: "the parent unit has errors, so this unit cannot be attached")
        }
    }

    public static func suppressed(count: Int64, code: FindingCode) -> LocalizedText {
        LocalizedText(zh: "另有 \(count) 条 \(code.rawValue) 未逐条列出", en: "\(count) more \(code.rawValue) findings in this file are not listed")
    }
}

/// What can be wrong with the hierarchy as a whole (all reported as `rule-error` or `unknown-unit`).
public enum HierarchyProblem: Sendable, Hashable {
    case noRoot
    case extraRoot(String)
    case levelNotBelowParent(String)
    case cycle
    case unknownParent
    case parentRejected
}
