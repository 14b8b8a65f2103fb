import Foundation

/// Writes a Swift source file that gives the exact text of some files as static members.
///
/// Run by the EmbedAssets build-tool plugin (`Plugins/EmbedAssetsPlugin`) at build time, so that
/// the binary carries the standard pipeline, the standard targets and the report templates
/// without a generated file in the repository or a resource bundle beside the binary.
///
///     EmbedAssets OUTPUT ROOT (public|internal) Type.member=relative/path ...
///
/// Each `Type.member=path` adds `static let member: String` to `extension Type`, holding the
/// text of `ROOT/path` byte for byte (the file must be UTF-8). `Type` is declared, with its
/// documentation, in the target's own sources. OUTPUT is rewritten only when its text changes.
/// The process's entry point is in `ToolEntry.swift`.
enum EmbedAssets {
    /// One file to build in, and the member that holds it.
    struct Asset {
        var type: String
        var member: String
        var path: String
    }

    /// Runs the tool; on failure prints the reason and returns false.
    static func runReportingFailure(_ arguments: [String]) -> Bool {
        do {
            try run(arguments)
            return true
        } catch {
            FileHandle.standardError.write(Data("EmbedAssets: \(error)\n".utf8))
            return false
        }
    }

    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 3, ["public", "internal"].contains(arguments[2]) else {
            throw Failure("usage: EmbedAssets OUTPUT ROOT (public|internal) Type.member=relative/path ...")
        }
        let output = arguments[0]
        let root = arguments[1]
        let access = arguments[2]
        let assets = try arguments.dropFirst(3).map(parse)
        var source = "// Written at build time by the EmbedAssets tool (Plugins/EmbedAssetsPlugin); not committed.\n"
        source += "// Edit the files named below, not this one.\n"
        var openType: String?
        for asset in assets {
            if asset.type != openType {
                if openType != nil { source += "}\n" }
                source += "\nextension \(asset.type) {\n"
                openType = asset.type
            } else {
                source += "\n"
            }
            let url = URL(fileURLWithPath: root).appendingPathComponent(asset.path)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw Failure("cannot read \(url.path): \(error.localizedDescription)")
            }
            // Decoding repairs invalid bytes; a text whose bytes differ from the file's was not UTF-8.
            let text = String(decoding: data, as: UTF8.self)
            guard text.utf8.elementsEqual(data) else { throw Failure("\(url.path) is not UTF-8 text") }
            source += "    /// The text of `\(asset.path)`, byte for byte.\n"
            source += "    \(access) static let \(asset.member): String = \(SwiftRawStringLiteral(text).source)\n"
        }
        if openType != nil { source += "}\n" }
        try writeIfChanged(source, to: output)
    }

    /// `Type.member=path`, with `Type` and `member` plain identifiers.
    static func parse(_ argument: String) throws -> Asset {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        let names = parts.first?.split(separator: ".", omittingEmptySubsequences: false).map(String.init) ?? []
        guard parts.count == 2, !parts[1].isEmpty, names.count == 2, names.allSatisfy(isIdentifier) else {
            throw Failure("'\(argument)' is not Type.member=relative/path")
        }
        return Asset(type: names[0], member: names[1], path: parts[1])
    }

    /// ASCII letters, digits and `_`, not starting with a digit.
    static func isIdentifier(_ name: String) -> Bool {
        let letters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
        guard let first = name.first, letters.contains(first) else { return false }
        return name.allSatisfy { letters.contains($0) || ("0"..."9").contains($0) }
    }

    /// Leaves an unchanged file alone, so that touching an asset does not recompile its module.
    static func writeIfChanged(_ source: String, to path: String) throws {
        let data = Data(source.utf8)
        if FileManager.default.contents(atPath: path) == data { return }
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw Failure("cannot write \(path): \(error.localizedDescription)")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
