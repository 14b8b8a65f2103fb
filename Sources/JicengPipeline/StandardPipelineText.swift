/// The standard pipeline, `Pipelines/standard.yaml`, built into the binary so that `jiceng` runs
/// it from any folder without the repository next to it.
///
/// Its member `yaml` is the file's exact text, written at build time by the EmbedAssets plugin
/// (`Plugins/EmbedAssetsPlugin`): edit the YAML and build; there is nothing to regenerate.
public enum StandardPipelineText {}
