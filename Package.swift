// swift-tools-version:6.0
import PackageDescription

/// Jiceng: quarterly data drops of grassroots-governance offices → indicators, target checks, reports.
///
/// Stages are separate modules with small public surfaces:
/// ingest (libcsv) → normalise → aggregate (+ targets) → report. JicengRun drives ingest and
/// normalise over a whole drop into aggregate's measure totals; the CLI only wires commands to it.
/// ARCHITECTURE.md has the module map.
let package = Package(
    name: "Jiceng",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jiceng", targets: ["jiceng"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System C libraries.
        .systemLibrary(name: "CLibCSV", path: "Sources/CLibCSV"),
        .systemLibrary(
            name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),

        // Shared vocabulary: findings, periods, dates, levels, number formatting.
        .target(name: "JicengCore"),
        // Ingest: bytes on disk → records (encoding, libcsv, line numbers, parallel chunks).
        .target(name: "JicengIngest", dependencies: ["JicengCore", "CLibCSV"]),
        // The declarative pipeline (datasets, aliases, synonyms, measures, indicators).
        // Pipelines/standard.yaml and targets.csv are built in by EmbedAssetsPlugin.
        .target(name: "JicengPipeline", dependencies: ["JicengCore", "Yams"], plugins: ["EmbedAssetsPlugin"]),
        // Normalise: records → typed rows attached to units, with findings; quarantine lines.
        .target(name: "JicengNormalize", dependencies: ["JicengCore", "JicengIngest", "JicengPipeline"]),
        // Aggregate: measure totals per unit rolled up the hierarchy, indicators, targets, year-to-date.
        .target(name: "JicengAggregate", dependencies: ["JicengCore", "JicengPipeline", "JicengNormalize"]),
        // Orchestration: reads a whole drop in named steps (file inventory, hierarchy, facts,
        // duplicate take-back) through ingest and normalise into aggregate's measure totals.
        .target(name: "JicengRun", dependencies: ["JicengCore", "JicengIngest", "JicengPipeline", "JicengNormalize", "JicengAggregate"]),
        // Report: indicators.csv/json, findings.json, summary.html/md, indicators.xlsx.
        // Templates/ is built in by EmbedAssetsPlugin.
        .target(
            name: "JicengReport",
            dependencies: [
                "JicengCore", "JicengAggregate", "CXLSXWriter",
                .product(name: "Mustache", package: "swift-mustache"),
            ], exclude: ["Templates"], plugins: ["EmbedAssetsPlugin"]),
        // The history store (contract §8): recorded runs in an SQLite file through GRDB, and the
        // year-to-date totals read back from it.
        .target(
            name: "JicengHistory",
            dependencies: [
                "JicengCore", "JicengPipeline", "JicengNormalize", "JicengAggregate",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Contract-valid synthetic drops for demos and benchmarks.
        .target(name: "JicengSample", dependencies: ["JicengCore"]),
        // Commands; the executable target only calls into this.
        .target(
            name: "JicengCLI",
            dependencies: [
                "JicengCore", "JicengIngest", "JicengPipeline", "JicengNormalize", "JicengAggregate", "JicengRun",
                "JicengReport", "JicengSample", "JicengHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .executableTarget(name: "jiceng", dependencies: ["JicengCLI"]),
        // libFuzzer entry point over the reader and the normaliser (see README, "Fuzzing").
        .executableTarget(
            name: "JicengFuzz", dependencies: ["JicengIngest", "JicengNormalize", "JicengPipeline", "JicengCore"],
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
        // The aggregate tests read drops through JicengRun's DropAnalyzer (and test DropInventory).
        .testTarget(
            name: "JicengAggregateTests", dependencies: ["JicengAggregate", "JicengRun", "JicengNormalize", "JicengPipeline", "JicengCore"]),
        .testTarget(name: "JicengReportTests", dependencies: ["JicengReport", "JicengAggregate", "JicengCore"]),
        .testTarget(
            name: "JicengHistoryTests",
            dependencies: [
                "JicengHistory", "JicengAggregate", "JicengNormalize", "JicengPipeline", "JicengCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "JicengSampleTests", dependencies: ["JicengSample", "JicengCore"]),
        // GRDB checks and forges stores in the history tests; MemberImportVisibility keeps its SQL
        // operators out of the files that do not import it (string `+` chains type-check as before).
        .testTarget(
            name: "JicengEndToEndTests", dependencies: ["JicengCore", "jiceng", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]),
    ]
)
