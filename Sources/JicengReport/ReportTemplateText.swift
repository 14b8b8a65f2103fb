import JicengCore

/// The report templates and their wording (`Templates/`), built into the binary so that a `jiceng`
/// copied anywhere renders its reports without a resource folder beside it.
///
/// Each member (`summaryHTML`, `summaryMarkdown`, `stringsZH`, `stringsEN`) is the exact text of
/// one file, written at build time by the EmbedAssets plugin (`Plugins/EmbedAssetsPlugin`, which
/// lists the files): edit a template and build. Reports can be reworded without touching code.
enum ReportTemplateText {
    /// The wording of the reports in `language`: `Templates/strings.<language>.json`.
    static func strings(_ language: Language) -> String {
        switch language {
        case .zh: return stringsZH
        case .en: return stringsEN
        }
    }
}
