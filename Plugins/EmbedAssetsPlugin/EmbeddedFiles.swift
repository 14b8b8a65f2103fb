/// What each target that uses `EmbedAssetsPlugin` builds in: the one place to add a file.
///
/// A file is named relative to the package root and given to a static member of a type that the
/// target declares itself (with the documentation saying why it exists): `StandardPipelineText.yaml`
/// is the text of `Pipelines/standard.yaml`. Adding a report template means a line here and the
/// member's use in the target's code.
enum EmbeddedFiles {
    /// Who may use the generated members.
    enum Access: String {
        case `public`, `internal`
    }

    /// One file and the `Type.member` that holds its text.
    struct File {
        var member: String
        var path: String
    }

    /// The files of one target, and the access of their members.
    struct Embedding {
        var access: Access
        var files: [File]
    }

    static let byTarget: [String: Embedding] = [
        // The standard pipeline and targets: user-facing files in Pipelines/, built in so that
        // `jiceng run` needs neither.
        "JicengPipeline": Embedding(
            access: .public,
            files: [
                File(member: "StandardPipelineText.yaml", path: "Pipelines/standard.yaml"),
                File(member: "StandardTargetsText.csv", path: "Pipelines/targets.csv"),
            ]),
        // The report templates and their wording, owned by the report module.
        "JicengReport": Embedding(
            access: .internal,
            files: [
                File(member: "ReportTemplateText.summaryHTML", path: "Sources/JicengReport/Templates/summary.html.mustache"),
                File(member: "ReportTemplateText.summaryMarkdown", path: "Sources/JicengReport/Templates/summary.md.mustache"),
                File(member: "ReportTemplateText.stringsZH", path: "Sources/JicengReport/Templates/strings.zh.json"),
                File(member: "ReportTemplateText.stringsEN", path: "Sources/JicengReport/Templates/strings.en.json"),
            ]),
        // Files that a Swift literal could easily get wrong, compared with their bytes by the tests.
        "EmbedAssetsTests": Embedding(
            access: .internal,
            files: [
                File(member: "Fixtures.delimiters", path: "Tests/EmbedAssetsTests/Fixtures/delimiters.txt"),
                File(member: "Fixtures.lineEndings", path: "Tests/EmbedAssetsTests/Fixtures/line-endings.txt"),
                File(member: "Fixtures.controls", path: "Tests/EmbedAssetsTests/Fixtures/controls.txt"),
                File(member: "Fixtures.noFinalNewline", path: "Tests/EmbedAssetsTests/Fixtures/no-final-newline.txt"),
                File(member: "Fixtures.empty", path: "Tests/EmbedAssetsTests/Fixtures/empty.txt"),
                File(member: "Fixtures.blankLines", path: "Tests/EmbedAssetsTests/Fixtures/blank-lines.txt"),
            ]),
    ]
}
