/// One targets file as read: its rules in file order, under the name people know it by (the path
/// as given on the command line, the pipeline's `targets_file`, or `built-in:Pipelines/targets.csv`).
///
/// Kept apart from the merged `TargetBook` so that layering can replace a base file's rows with an
/// overlay's, and so that warnings and manifests can name the file each rule came from.
public struct TargetsFile: Sendable, Hashable {
    public var name: String
    public var rules: [TargetRule]

    public init(name: String, rules: [TargetRule]) {
        self.name = name
        self.rules = rules
    }
}
