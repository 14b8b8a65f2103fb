#!/bin/sh
# Regenerates Sources/JicengPipeline/StandardPipelineText.swift from Pipelines/standard.yaml,
# so that the binary carries the standard pipeline byte for byte (a test checks they match).
# Run from anywhere: sh Pipelines/embed-standard.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
yaml="$root/Pipelines/standard.yaml"
out="$root/Sources/JicengPipeline/StandardPipelineText.swift"
if grep -q '"""#' "$yaml"; then
    echo 'standard.yaml must not contain """# (it would end the Swift raw string)' >&2
    exit 1
fi
{
    printf '%s\n' '// Generated from Pipelines/standard.yaml by Pipelines/embed-standard.sh: edit the YAML, then rerun.'
    printf '%s\n' ''
    printf '%s\n' '/// The text of `Pipelines/standard.yaml`, built into the binary so that `jiceng` runs the'
    printf '%s\n' '/// standard pipeline from any folder without the repository next to it.'
    printf '%s\n' '///'
    printf '%s\n' '/// Kept byte-identical to the file by a test; regenerate with `sh Pipelines/embed-standard.sh`.'
    printf '%s\n' 'public enum StandardPipelineText {'
    printf '%s\n' '    public static let yaml = #"""'
    cat "$yaml"
    printf '%s\n' ''
    printf '%s\n' '"""#'
    printf '%s\n' '}'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"

# The standard targets, built in the same way.
targets="$root/Pipelines/targets.csv"
tout="$root/Sources/JicengPipeline/StandardTargetsText.swift"
if grep -q '"""#' "$targets"; then
    echo 'targets.csv must not contain """#' >&2
    exit 1
fi
{
    printf '%s\n' '// Generated from Pipelines/targets.csv by Pipelines/embed-standard.sh: edit the CSV, then rerun.'
    printf '%s\n' ''
    printf '%s\n' '/// The text of `Pipelines/targets.csv`: the standard yearly targets used by the built-in'
    printf '%s\n' '/// pipeline when no `--targets` file is given, so that `jiceng run` works from any folder.'
    printf '%s\n' '///'
    printf '%s\n' '/// Kept byte-identical to the file by a test; regenerate with `sh Pipelines/embed-standard.sh`.'
    printf '%s\n' 'public enum StandardTargetsText {'
    printf '%s\n' '    public static let csv = #"""'
    cat "$targets"
    printf '%s\n' '"""#'
    printf '%s\n' '}'
} > "$tout"
