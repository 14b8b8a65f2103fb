import Foundation

#if !JICENG_FUZZING
    /// The tool's `main`: exit status 0 when the file was written (or already up to date), 1 otherwise.
    @main
    struct ToolEntry {
        static func main() {
            exit(EmbedAssets.runReportingFailure(Array(CommandLine.arguments.dropFirst())) ? 0 : 1)
        }
    }
#else
    // The fuzzing build (Fuzz/README.md) passes its flags to the host tools too, so this tool is then
    // linked with libFuzzer, whose `main` would fuzz instead of embedding. libFuzzer calls
    // LLVMFuzzerInitialize with the command line before anything else: the tool does its work there
    // and leaves with _exit, before libFuzzer starts and without LeakSanitizer's exit-time check.

    /// The tool, run from libFuzzer's `main` in a fuzzing build.
    @_cdecl("LLVMFuzzerInitialize")
    public func embedAssetsUnderLibFuzzer(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        let count = Int(argc.pointee)
        let arguments = (1..<max(count, 1)).compactMap { i in argv.pointee?[i].map { String(cString: $0) } }
        _exit(EmbedAssets.runReportingFailure(arguments) ? 0 : 1)
    }

    /// Never reached (the tool has left in LLVMFuzzerInitialize); libFuzzer needs the symbol to link.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func embedAssetsFuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }
#endif
