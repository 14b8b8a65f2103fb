import Foundation
import JicengCore
import JicengIngest

/// Turns the I/O errors of the libraries Jiceng calls into `io-failure` errors naming the path
/// and the system's reason.
///
/// It exists so that every I/O problem prints the same way (`jiceng: io-failure: cannot read X:
/// Is a directory`), whichever layer met it: the reader's `JicengIngestError`, or a Foundation
/// error whose own text on Linux ("The operation could not be completed") hides the reason.
enum SystemErrorReason {
    /// The system's reason inside a Foundation error (its underlying POSIX error), else its text.
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }

    /// The `io-failure` for an error of the reader or of Foundation; nil for any other error.
    static func ioFailure(_ error: any Error) -> JicengError? {
        if let error = error as? JicengIngestError {
            switch error {
            case .cannotOpen(let path, let reason):
                return JicengError(
                    .ioFailure, LocalizedText(zh: "无法打开 \(path)：\(SystemErrorText.chinese(forReason: reason))", en: error.description))
            case .readFailed(let path, let reason):
                return JicengError(
                    .ioFailure, LocalizedText(zh: "无法读取 \(path)：\(SystemErrorText.chinese(forReason: reason))", en: error.description))
            }
        }
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return nil }
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        let why = reason(error)
        return JicengError(
            .ioFailure,
            LocalizedText(
                zh: (path.map { "无法访问 \($0)：" } ?? "") + SystemErrorText.chinese(forReason: why),
                en: (path.map { "cannot access \($0): " } ?? "") + why))
    }
}
