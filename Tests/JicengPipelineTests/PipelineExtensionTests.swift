import Foundation
import JicengCore
import Testing

@testable import JicengPipeline

/// An analyst's own pipeline file: the standard one plus a few lines, loaded from disk.
struct PipelineExtensionTests {
    @Test func anExtraIndicatorLoads() throws {
        // One measure line and four indicator lines, as Pipelines/README.md describes.
        let yaml = StandardPipelineText.yaml
            .replacingOccurrences(
                of: "  requests_rated:            {dataset: requests, aggregate: count, where: satisfaction is set}\n",
                with: "  requests_rated:            {dataset: requests, aggregate: count, where: satisfaction is set}\n"
                    + "  requests_hotline:          {dataset: requests, aggregate: count, where: channel = hotline}\n"
            )
            .replacingOccurrences(
                of: "    factor: 1000\n    display: decimal\n",
                with: "    factor: 1000\n    display: decimal\n"
                    + "  hotline_share:\n"
                    + "    title: {zh: 热线诉求占比, en: Hotline share}\n"
                    + "    numerator: requests_hotline\n"
                    + "    denominator: requests_received\n"
            )
            .replacingOccurrences(
                of: "    - services_per_1000_residents\n", with: "    - services_per_1000_residents\n    - hotline_share\n")
        let pipeline = try PipelineLoader.load(yaml: yaml, sourceName: "extended.yaml")
        let indicator = try #require(pipeline.indicator(named: "hotline_share"))
        #expect(indicator.formula == .ratio(numerator: "requests_hotline", denominator: "requests_received", factor: 1))
        #expect(indicator.display == .percent)  // the default for a ratio
        #expect(indicator.title == LocalizedText(zh: "热线诉求占比", en: "Hotline share"))
        #expect(
            pipeline.measure(named: "requests_hotline")?.condition
                == .compare(column: "channel", op: .equal, value: .symbol("hotline")))
        #expect(pipeline.indicators.count == PipelineLoader.standard.indicators.count + 1)
        #expect(pipeline.report.headline.last == "hotline_share")
    }

    @Test func appendingASecondIndicatorsSectionIsAnError() {
        // A second top-level 'indicators:' would silently replace the first in many YAML readers;
        // here it is a duplicate key.
        let yaml = StandardPipelineText.yaml + "indicators:\n  x: {title: x, value: grids}\n"
        do {
            _ = try PipelineLoader.load(yaml: yaml, sourceName: "twice.yaml")
            Issue.record("expected a duplicate-key error")
        } catch let error as JicengError {
            #expect(error.message.contains("duplicate key 'indicators'"))
            #expect(error.location?.key == "indicators")
            #expect(error.location?.line == yaml.components(separatedBy: "\n").count - 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func loadFromDiskResolvesTheTargetsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jiceng-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yamlURL = folder.appendingPathComponent("mine.yaml")
        try PipelineLoaderErrorTests.mini.replacingOccurrences(of: "name: mini\n", with: "name: mini\ntargets_file: goals/t.csv\n")
            .write(to: yamlURL, atomically: true, encoding: .utf8)

        // The targets file is missing: an error at the targets_file line.
        do {
            _ = try PipelineLoader.load(path: yamlURL.path)
            Issue.record("expected a missing targets file error")
        } catch let error as JicengError {
            #expect(error.code == .pipelineInvalid)
            #expect(error.location?.file == yamlURL.path)
            #expect(error.location?.line == 2)
            #expect(error.location?.key == "targets_file")
        }

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("goals"), withIntermediateDirectories: true)
        try Data("year,indicator,level,unit_id,comparator,target,warning,prorate\n".utf8)
            .write(to: folder.appendingPathComponent("goals/t.csv"))
        let pipeline = try PipelineLoader.load(path: yamlURL.path)
        #expect(pipeline.sourcePath == yamlURL.path)
        #expect(pipeline.targetsFile == folder.appendingPathComponent("goals/t.csv").path)
    }

    @Test func titlesMayBeChineseOnly() throws {
        let yaml = PipelineLoaderErrorTests.mini(
            replacing: "title: {zh: 诉求解决率, en: Resolution rate}", with: "title: 诉求解决率")
        let pipeline = try PipelineLoader.load(yaml: yaml, sourceName: "mini.yaml")
        #expect(pipeline.indicator(named: "resolution_rate")?.title == LocalizedText(zh: "诉求解决率", en: "Resolution rate"))
    }
}
