import JicengCore
import JicengHistory

extension HistoryStoreError {
    /// `code: message` in `language`, as the CLI prints it after `jiceng: `. The code stays as it
    /// is (scripts match on it); the reason, SQLite's or the system's, is quoted as given.
    func text(_ language: Language) -> String {
        guard language == .zh else { return description }
        let reason = SystemErrorText.chinese(forReason: self.reason)
        switch code {
        case .notAStore:
            return "\(code.rawValue): \(path) 不是 Jiceng 的历史库（\(reason)），未做任何改动"
        case .newerSchema:
            return "\(code.rawValue): \(path) 由更新版本的 Jiceng 写出（\(reason)），未做任何改动；请使用更新的 jiceng，或用 --history 指定另一个文件"
        case .unwritable:
            return "\(code.rawValue): 历史库 \(path) 无法写入：\(reason)"
        case .missing:
            return "\(code.rawValue): \(path) 处没有历史库"
        case .failure:
            return "\(code.rawValue): 历史库 \(path) 出错：\(reason)"
        }
    }
}
