import Foundation
import PackagePlugin

/// Builds files into the targets that use it, at build time, so that the binary runs anywhere on
/// its own and no generated file is committed.
///
/// For a target named in `EmbeddedFiles.byTarget`, one command runs the `EmbedAssets` tool, which
/// writes `<target>EmbeddedFiles.swift` into the plugin's work folder; SwiftPM compiles it with the
/// target. The files are named relative to the package root (they may lie outside the target's
/// folder, as `Pipelines/` does) and are the command's input files, so editing one rebuilds it.
@main
struct EmbedAssetsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let embedding = EmbeddedFiles.byTarget[target.name] else {
            throw PluginFailure(
                "target \(target.name) uses EmbedAssetsPlugin but has no entry in EmbeddedFiles.byTarget "
                    + "(Plugins/EmbedAssetsPlugin/EmbeddedFiles.swift)")
        }
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(target.name)EmbeddedFiles.swift")
        let arguments =
            [output.path, root.path, embedding.access.rawValue]
            + embedding.files.map { "\($0.member)=\($0.path)" }
        return [
            .buildCommand(
                displayName: "Embedding \(embedding.files.count) files into \(target.name)",
                executable: try context.tool(named: "EmbedAssets").url,
                arguments: arguments,
                inputFiles: embedding.files.map { root.appendingPathComponent($0.path) },
                outputFiles: [output]
            )
        ]
    }
}

/// A target that applies the plugin without saying what it embeds.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
