import JicengAggregate
import JicengCore
import Testing

@testable import JicengReport

@Suite("summary.md")
struct SummaryMarkdownTests {
    @Test("the same content as the HTML: 90.17% with 达标, cards, rankings, breakdowns, data quality")
    func content() throws {
        let md = try SummaryMarkdown.render(Fixture.evaluation(), findings: Fixture.findings)
        #expect(md.hasPrefix("# 示范市2022年第二季度基层治理指标报告\n"))
        #expect(md.contains("| 诉求解决率 | 90.17% | ≥ 90.00% | 🟢 达标 |"))
        #expect(md.contains("| 受理诉求数 | 4,690 | — | ⚪ 无目标 |"))
        #expect(md.contains("🔴 红牌"))
        #expect(md.contains("🟡 黄牌"))
        #expect(md.contains("| 热线 | 2,100 | 44.8% |"))
        #expect(md.contains("type\\-error") == false)
        #expect(md.contains("| type-error |"))
        #expect(md.contains("本期未提供或无法使用的数据集：服务记录、物业企业党组织"))
        #expect(!md.contains("⟦"))
        #expect(!md.contains("{{"))
    }

    @Test("names cannot break a table or inject Markdown or HTML")
    func escaping() throws {
        let md = try SummaryMarkdown.render(Fixture.evaluation(m01: "一|二\n三 **粗** [链接](http://x)"), findings: Fixture.findings)
        #expect(md.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(!md.contains("<script>"))
        #expect(md.contains("A\\&B \"x\", 二组"))
        #expect(md.contains("一\\|二 三 \\*\\*粗\\*\\* \\[链接\\](http://x)"))
        #expect(md.contains("\\<b\\>不存在社区\\</b\\>"))
        // Every table row has as many cell separators as its header.
        var expected: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                expected = nil
                continue
            }
            let pipes = unescapedPipes(line)
            if let expected { #expect(pipes == expected, "row breaks its table: \(line)") } else { expected = pipes }
        }
    }

    @Test("MarkdownText escapes specials and flattens line breaks")
    func escaper() {
        #expect(MarkdownText.escape("a|b") == "a\\|b")
        #expect(MarkdownText.escape("x\r\ny\u{2028}z") == "x y z")
        #expect(MarkdownText.escape("`code` _e_ #h ~s~ $m$ &amp;") == "\\`code\\` \\_e\\_ \\#h \\~s\\~ \\$m\\$ \\&amp;")
        #expect(MarkdownText.escape("绣林街道-1.(2)") == "绣林街道-1.(2)")
    }

    private func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for ch in line {
            if escaped {
                escaped = false
                continue
            }
            if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
        }
        return count
    }
}
