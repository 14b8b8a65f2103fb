import CXLSXWriter
import Foundation
import JicengCore

/// One libxlsxwriter workbook from `workbook_new_opt` (constant-memory mode) to `workbook_close`: the document properties,
/// a `SheetWriter` for the content, and the guarantee that the workbook is always released.
///
/// It exists because libxlsxwriter writes nothing until `workbook_close`, which also frees the
/// workbook: when the content throws, the workbook is freed without writing (`lxw_workbook_free`),
/// so no half-written file appears; when `workbook_close` itself fails, its error is an
/// `io-failure` with libxlsxwriter's reason (`lxw_strerror`), and a partly written file that did
/// not exist before is removed.
enum XLSXFile {
    struct Properties {
        var title: String
        var author: String
        var created: time_t
    }

    /// Writes the workbook at `path`; `beforeClose` runs after the content, and when it throws
    /// the workbook is freed without a file; `constantMemory` false (the library's default mode, shared
    /// strings) is only for the tests that hold the two modes' cells equal.
    static func write(
        to path: String, properties: Properties, constantMemory: Bool = true, beforeClose: () throws -> Void = {},
        _ content: (inout SheetWriter) throws -> Void
    ) throws {
        var before = stat()
        let existedBefore = lstat(path, &before) == 0
        // Constant memory: each row goes to a temporary file once the next one starts, so the
        // workbook's cells never all sit in memory (tens of megabytes for a city's grids).
        // Strings are then written inline in their cells rather than in a shared-strings table,
        // and rows must come in order, which every sheet of `XLSXWorkbook` does.
        // The temporary files go beside the workbook (in the output's own temporary folder), and
        // are unlinked as soon as they are created.
        let folder = strdup((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        defer { free(folder) }
        var options = lxw_workbook_options()
        options.constant_memory = UInt8((constantMemory ? LXW_TRUE : LXW_FALSE).rawValue)
        options.tmpdir = folder
        guard let workbook = workbook_new_opt(path, &options) else {
            throw JicengError(
                .ioFailure, "cannot create workbook \(path): \(String(cString: lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED)))")
        }
        var open = true
        defer { if open { lxw_workbook_free(workbook) } }

        var writer = try SheetWriter(workbook: workbook, path: path)
        let title = strdup(properties.title)
        let author = strdup(properties.author)
        defer {
            free(title)
            free(author)
        }
        var documentProperties = lxw_doc_properties()
        documentProperties.title = title
        documentProperties.author = author
        documentProperties.created = properties.created
        try writer.check(workbook_set_properties(workbook, &documentProperties), what: "document properties")
        try content(&writer)
        try beforeClose()

        open = false  // workbook_close frees the workbook, whether it succeeds or not
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            if !existedBefore { unlink(path) }
            throw JicengError(.ioFailure, "cannot write workbook \(path): \(String(cString: lxw_strerror(status)))")
        }
    }
}
