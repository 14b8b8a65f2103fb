import JicengCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a deterministic, contract-valid data drop (contract §1–§3) into a folder.
///
/// It exists so that demos, tests and benchmarks have realistic drops of any size without real
/// data: the same configuration always gives byte-identical files, and the returned summary holds
/// the exact totals the pipeline must compute from them.
public struct SampleDropGenerator: Sendable {
    public let configuration: SampleDropConfiguration

    public init(_ configuration: SampleDropConfiguration) {
        self.configuration = configuration
    }

    /// Creates `folder` (and its parents) when needed and writes the five datasets into it; files
    /// of the same names are replaced, other files are left alone.
    public func write(to folder: String) throws -> SampleDropSummary {
        try configuration.validate()
        try SampleDropGenerator.makeDirectory(folder)
        let context = GenerationContext(configuration: configuration, folder: folder)
        try UnitsWriter.write(context)
        try GridsWriter.write(context)
        try PropertyCompaniesWriter.write(context)
        try ServicesWriter.write(context)
        try RequestsWriter.write(context)
        return SampleDropSummary(configuration: configuration, folder: folder, context: context)
    }

    /// `mkdir -p`.
    static func makeDirectory(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + component
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                let code = errno
                throw JicengError.ioFailure(LocalizedText(zh: "无法创建目录", en: "cannot create folder"), built, code: code)
            }
        }
    }
}
