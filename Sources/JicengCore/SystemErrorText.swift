#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system's reason for a failed call (`errno`), in Chinese and English.
///
/// It exists because `strerror` answers in the C library's locale, which on the machines Jiceng
/// runs on is English: an analyst reading Chinese messages would get `No space left on device`.
/// The Chinese form carries the system's English words in brackets, so the reason can still be
/// looked up; codes without a translation give the English alone in both languages.
public enum SystemErrorText {
    /// The reason for `code` in both languages.
    public static func reason(_ code: Int32) -> LocalizedText {
        let english = String(cString: strerror(code))
        guard let chinese = translations[code] else { return LocalizedText(zh: english, en: english) }
        return LocalizedText(zh: "\(chinese)（\(english)）", en: english)
    }

    /// The Chinese form of a reason another layer already turned into `strerror`'s English text
    /// (the reader's errors, SQLite's); any other text is returned unchanged.
    public static func chinese(forReason english: String) -> String {
        for code in translations.keys where String(cString: strerror(code)) == english {
            return reason(code).zh
        }
        return english
    }

    private static let translations: [Int32: String] = [
        EPERM: "不允许的操作",
        ENOENT: "文件或目录不存在",
        EIO: "输入输出错误",
        EACCES: "没有权限",
        EEXIST: "已经存在",
        EXDEV: "不能跨文件系统移动",
        ENOTDIR: "不是目录",
        EISDIR: "是一个目录",
        EINVAL: "参数无效",
        EMFILE: "打开的文件过多",
        EFBIG: "文件过大",
        ENOSPC: "磁盘空间不足",
        EROFS: "文件系统是只读的",
        ENAMETOOLONG: "文件名过长",
        ENOTEMPTY: "目录不是空的",
        ELOOP: "符号链接层数过多",
        EDQUOT: "超出磁盘配额",
        EBUSY: "设备或资源忙",
        ENOMEM: "内存不足",
    ]
}
