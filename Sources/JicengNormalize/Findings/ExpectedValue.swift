/// What a cell should have held, named in its `type-error` message ("… 的值无法识别为整数",
/// "… is not a valid whole number").
///
/// Exists so that the kinds of value a column can expect are a closed list with both names, not
/// Chinese strings looked up in an English table.
public enum ExpectedValue: Sendable, Hashable, CaseIterable {
    /// An `integer` column.
    case wholeNumber
    /// A `boolean` column.
    case yesNo
    /// A `date` column.
    case date
    /// An `enum` column: one of its values or synonyms.
    case allowedValue

    /// The name in Chinese messages.
    public var zh: String {
        switch self {
        case .wholeNumber: "整数"
        case .yesNo: "是/否"
        case .date: "日期"
        case .allowedValue: "有效取值"
        }
    }

    /// The name in English messages.
    public var en: String {
        switch self {
        case .wholeNumber: "whole number"
        case .yesNo: "yes/no value"
        case .date: "date"
        case .allowedValue: "value of the allowed list"
        }
    }
}
