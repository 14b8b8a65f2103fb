/// The standard yearly targets, `Pipelines/targets.csv`, used with the built-in pipeline when no
/// `--targets` file is given, so that `jiceng run` works from any folder.
///
/// Its member `csv` is the file's exact text, written at build time by the EmbedAssets plugin
/// (`Plugins/EmbedAssetsPlugin`): edit the CSV and build; there is nothing to regenerate.
public enum StandardTargetsText {}
