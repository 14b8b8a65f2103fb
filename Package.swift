// swift-tools-version:6.0
import PackageDescription

/// Jiceng: quarterly data drops of grassroots-governance offices → indicators, target checks, reports.
///
/// Stages are separate modules with small public surfaces:
/// ingest (libcsv) → normalise → aggregate (+ targets) → report; the CLI only wires them together.
let package = Package(
    name: "Jiceng",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jiceng", targets: ["jiceng"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // System C libraries.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .systemLibrary(name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),

        // Shared vocabulary: findings, periods, dates, levels, number formatting.
        .target(name: "JicengCore"),
        // Stage 1: bytes on disk → records (encoding, libcsv, line numbers, parallel chunks).
        .target(name: "JicengIngest", dependencies: ["JicengCore", "CLibCSV"]),
        // The declarative pipeline (datasets, aliases, synonyms, measures, indicators).
        // Pipelines/standard.yaml and targets.csv are built in by EmbedAssetsPlugin.
        .target(name: "JicengPipeline", dependencies: ["JicengCore", "Yams"], plugins: ["EmbedAssetsPlugin"]),
        // Stage 2: records → typed rows attached to units, with findings.
        .target(name: "JicengNormalize", dependencies: ["JicengCore", "JicengIngest", "JicengPipeline"]),
        // Stage 3 and 4: measures rolled up the hierarchy, indicators, targets.
        .target(name: "JicengAggregate", dependencies: ["JicengCore", "JicengIngest", "JicengPipeline", "JicengNormalize"]),
        // Stage 5: indicators.csv/json, findings.json, summary.html/md, indicators.xlsx.
        // Templates/ is built in by EmbedAssetsPlugin.
        .target(name: "JicengReport", dependencies: [
            "JicengCore", "JicengAggregate", "CXLSXWriter",
            .product(name: "Mustache", package: "swift-mustache"),
        ], exclude: ["Templates"], plugins: ["EmbedAssetsPlugin"]),
        // Contract-valid synthetic drops for demos and benchmarks.
        .target(name: "JicengSample", dependencies: ["JicengCore"]),
        // Commands; the executable target only calls into this.
        .target(name: "JicengCLI", dependencies: [
            "JicengCore", "JicengIngest", "JicengPipeline", "JicengNormalize", "JicengAggregate",
            "JicengReport", "JicengSample",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "jiceng", dependencies: ["JicengCLI"]),
        // libFuzzer entry point over the reader and the normaliser (see README, "Fuzzing").
        .executableTarget(name: "JicengFuzz", dependencies: ["JicengIngest", "JicengNormalize", "JicengPipeline", "JicengCore"],
                          path: "Fuzz/Sources/JicengFuzz"),

        // Files built into the binary: the plugin names them (Plugins/EmbedAssetsPlugin/EmbeddedFiles.swift),
        // the tool writes each one's exact text as a Swift string at build time; nothing generated is committed.
        .executableTarget(name: "EmbedAssets"),
        .plugin(name: "EmbedAssetsPlugin", capability: .buildTool(), dependencies: ["EmbedAssets"]),

        .testTarget(name: "EmbedAssetsTests", exclude: ["Fixtures"], plugins: ["EmbedAssetsPlugin"]),
        .testTarget(name: "JicengCoreTests", dependencies: ["JicengCore"]),
        .testTarget(name: "JicengIngestTests", dependencies: ["JicengIngest", "JicengCore"]),
        .testTarget(name: "JicengPipelineTests", dependencies: ["JicengPipeline", "JicengCore"]),
        .testTarget(name: "JicengNormalizeTests", dependencies: ["JicengNormalize", "JicengIngest", "JicengPipeline", "JicengCore"]),
        .testTarget(name: "JicengAggregateTests", dependencies: ["JicengAggregate", "JicengNormalize", "JicengPipeline", "JicengCore"]),
        .testTarget(name: "JicengReportTests", dependencies: ["JicengReport", "JicengAggregate", "JicengCore"]),
        .testTarget(name: "JicengSampleTests", dependencies: ["JicengSample", "JicengCore"]),
        .testTarget(name: "JicengEndToEndTests", dependencies: ["JicengCore", "jiceng"]),
    ]
)
