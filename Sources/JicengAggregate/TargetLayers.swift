/// The targets a command applies: one base file — `--targets FILE`, else the pipeline's
/// `targets_file`, else the standard targets built into the binary — and overlay files on top.
///
/// Exists so that an office that wants to change a few targets does not have to copy every
/// standard row (which would then silently stop following the standard ones): an overlay row
/// replaces the base rows with the same key (year, indicator, level, unit_id); every other base
/// row stays. Overlays apply in the order given, so a later overlay wins over an earlier one.
/// Replacing is by key, not by who the row reaches: an overlay row for any level leaves the base
/// file's `street` row in force for streets, as the most specific row still wins (contract §6).
public struct TargetLayers: Sendable, Hashable {
    /// nil when the pipeline names no targets file and none is given.
    public var base: TargetsFile?
    public var overlays: [TargetsFile]

    public init(base: TargetsFile?, overlays: [TargetsFile] = []) {
        self.base = base
        self.overlays = overlays
    }

    /// The files that apply, base first.
    public var files: [TargetsFile] { (base.map { [$0] } ?? []) + overlays }

    /// The base file's name, as manifests have always said it; `none` without a base file.
    public var baseName: String { base?.name ?? "none" }

    /// Every file's name, base first: `built-in:Pipelines/targets.csv + my-targets.csv`.
    public var names: [String] { base == nil ? ["none"] + overlays.map(\.name) : files.map(\.name) }

    /// The rules that apply: the base rules not replaced by an overlay, then each overlay's rules.
    public var book: TargetBook {
        var rules = base?.rules ?? []
        for overlay in overlays {
            let replaced = Set(overlay.rules.map(\.key))
            rules.removeAll { replaced.contains($0.key) }
            rules += overlay.rules
        }
        return TargetBook(rules: rules)
    }
}
