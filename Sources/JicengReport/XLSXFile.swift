import CXLSXWriter
import Foundation
import JicengCore

/// One libxlsxwriter workbook from `workbook_new` to `workbook_close`: the document properties,
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

    static func write(to path: String, properties: Properties, _ content: (inout SheetWriter) throws -> Void) throws {
        var before = stat()
        let existedBefore = lstat(path, &before) == 0
        guard let workbook = workbook_new(path) else {
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

        open = false  // workbook_close frees the workbook, whether it succeeds or not
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            if !existedBefore { unlink(path) }
            throw JicengError(.ioFailure, "cannot write workbook \(path): \(String(cString: lxw_strerror(status)))")
        }
    }
}
