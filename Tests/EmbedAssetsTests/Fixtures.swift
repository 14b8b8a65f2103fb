/// Files that a Swift string literal could get wrong (delimiters and escapes, carriage returns,
/// control characters, a missing final line break, no text at all), built into this test target
/// by the EmbedAssets plugin exactly as the pipeline and the templates are built into Jiceng.
enum Fixtures {}
