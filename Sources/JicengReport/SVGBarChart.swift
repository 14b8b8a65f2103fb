extension SVGChart {
    /// One bar: a labelled value, its printed form, and the target it is held to (if any).
    public struct Bar: Sendable, Hashable {
        public var label: String
        /// nil draws no bar and prints `valueText` (e.g. `—`) in its place.
        public var value: Double?
        public var valueText: String
        public var target: Double?
        /// Fill colour (CSS colour, e.g. `#2e7d32`).
        public var colour: String

        public init(label: String, value: Double?, valueText: String, target: Double? = nil, colour: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.target = target
            self.colour = colour
        }
    }

    /// Which way bars grow.
    public enum Orientation: Sendable, Hashable {
        /// Bars grow to the right, one row per label: suits many and long (CJK) labels.
        case horizontal
        /// Bars grow upwards, labels under the bars (rotated when they do not fit).
        case vertical
    }

    /// A bar chart with an optional target: one dashed line across the plot when every bar has
    /// the same target, a dashed tick on each bar when targets differ.
    ///
    /// Exists so that the report can show "which units are below the line" at a glance; the
    /// target line carries `class="target-line"`.
    public struct BarChart: Sendable, Hashable {
        public var title: String
        public var bars: [Bar]
        public var orientation: Orientation
        /// The value at the end of the axis; nil for a round number above the largest value and target.
        public var scaleMax: Double?
        public var axisFormat: AxisFormat
        /// Printed next to the target line, e.g. `目标 ≥ 90.00%`.
        public var targetLabel: String?
        public var width: Double

        public init(
            title: String, bars: [Bar], orientation: Orientation = .horizontal, scaleMax: Double? = nil,
            axisFormat: AxisFormat = .number, targetLabel: String? = nil, width: Double = 680
        ) {
            self.title = title
            self.bars = bars
            self.orientation = orientation
            self.scaleMax = scaleMax
            self.axisFormat = axisFormat
            self.targetLabel = targetLabel
            self.width = width
        }

        /// The common target of all bars that have one, or nil when there is none or they differ.
        var sharedTarget: Double? {
            let targets = bars.compactMap(\.target)
            guard let first = targets.first, targets.allSatisfy({ $0 == first }) else { return nil }
            return first
        }

        var scale: (max: Double, step: Double) {
            let largest = (bars.compactMap(\.value) + bars.compactMap(\.target)).filter(\.isFinite).max() ?? 0
            if let scaleMax, scaleMax > 0, largest <= scaleMax {
                return (scaleMax, SVGChart.axis(upTo: scaleMax).step)
            }
            return SVGChart.axis(upTo: largest)
        }

        /// The chart as an `<svg>` element (no XML declaration, ready to inline in HTML).
        public func svg() -> String {
            switch orientation {
            case .horizontal: return horizontal()
            case .vertical: return vertical()
            }
        }

        private func horizontal() -> String {
            let em = SVGChart.fontSize
            let labelEm = min(bars.map { SVGChart.estimatedWidth($0.label) }.max() ?? 2, 13)
            let valueEm = bars.map { SVGChart.estimatedWidth($0.valueText) }.max() ?? 2
            let labelWidth = labelEm * em + 10
            let valueWidth = valueEm * em + 10
            let rowHeight = bars.count > 12 ? 20.0 : 24.0
            let barHeight = rowHeight - 6
            let top = targetLabel != nil && sharedTarget != nil ? 22.0 : 8.0
            let plotLeft = labelWidth
            let plotRight = width - valueWidth
            let plotWidth = max(plotRight - plotLeft, 40)
            let plotHeight = Double(max(bars.count, 1)) * rowHeight
            let height = top + plotHeight + 22
            let (axisMax, step) = scale
            func x(_ v: Double) -> Double { plotLeft + plotWidth * min(max(v / axisMax, 0), 1) }

            var out = SVGChart.open(width: width, height: height, title: title)
            // Grid and tick labels.
            var tick = 0.0
            while tick <= axisMax + step / 1000 {
                let tx = x(tick)
                out +=
                    "<line x1=\"\(SVGChart.n(tx))\" y1=\"\(SVGChart.n(top))\" x2=\"\(SVGChart.n(tx))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"\(SVGChart.gridColour)\" stroke-width=\"1\"/>"
                out += SVGChart.text(
                    SVGChart.tickLabel(tick, axisFormat), x: tx, y: top + plotHeight + 15, anchor: "middle", fill: SVGChart.mutedColour)
                tick += step
            }
            // A common target runs behind the bars: it shows in the gaps and beyond short bars.
            if let target = sharedTarget, target.isFinite {
                let tx = x(target)
                out +=
                    "<line class=\"target-line\" x1=\"\(SVGChart.n(tx))\" y1=\"\(SVGChart.n(top - 4))\" x2=\"\(SVGChart.n(tx))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"\(SVGChart.targetColour)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
                if let targetLabel {
                    let anchor = tx > plotLeft + plotWidth * 0.75 ? "end" : "start"
                    let lx = anchor == "end" ? tx - 3 : tx + 3
                    out += SVGChart.text(targetLabel, x: lx, y: top - 8, anchor: anchor, fill: SVGChart.targetColour)
                }
            }
            for (i, bar) in bars.enumerated() {
                let rowTop = top + Double(i) * rowHeight
                let barTop = rowTop + (rowHeight - barHeight) / 2
                let baseline = rowTop + rowHeight / 2 + em * 0.35
                out += "<g class=\"bar\"><title>\(XMLText.escape(bar.label)): \(XMLText.escape(bar.valueText))</title>"
                out += SVGChart.text(SVGChart.truncated(bar.label, maxEm: labelEm), x: plotLeft - 6, y: baseline, anchor: "end")
                var end = plotLeft
                if let value = bar.value, value.isFinite {
                    end = x(value)
                    out +=
                        "<rect x=\"\(SVGChart.n(plotLeft))\" y=\"\(SVGChart.n(barTop))\" width=\"\(SVGChart.n(max(end - plotLeft, 0)))\" height=\"\(SVGChart.n(barHeight))\" fill=\"\(XMLText.escape(bar.colour))\" rx=\"2\"/>"
                }
                // The value sits inside the end of a long bar, else just after it.
                let textWidth = SVGChart.estimatedWidth(bar.valueText) * em
                if end - plotLeft >= textWidth + 10 {
                    out += SVGChart.text(
                        bar.valueText, x: end - 5, y: baseline, anchor: "end", fill: SVGChart.contrastingText(on: bar.colour), weight: "700"
                    )
                } else {
                    out += SVGChart.text(bar.valueText, x: end + 4, y: baseline)
                }
                if sharedTarget == nil, let target = bar.target, target.isFinite {
                    let tx = x(target)
                    out +=
                        "<line class=\"target-line\" x1=\"\(SVGChart.n(tx))\" y1=\"\(SVGChart.n(barTop - 2))\" x2=\"\(SVGChart.n(tx))\" y2=\"\(SVGChart.n(barTop + barHeight + 2))\" stroke=\"\(SVGChart.targetColour)\" stroke-width=\"2\"/>"
                }
                out += "</g>"
            }
            out +=
                "<line x1=\"\(SVGChart.n(plotLeft))\" y1=\"\(SVGChart.n(top))\" x2=\"\(SVGChart.n(plotLeft))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"\(SVGChart.mutedColour)\" stroke-width=\"1\"/>"
            return out + "</svg>"
        }

        private func vertical() -> String {
            let em = SVGChart.fontSize
            let (axisMax, step) = scale
            let tickEm =
                stride(from: 0.0, through: axisMax, by: step).map { SVGChart.estimatedWidth(SVGChart.tickLabel($0, axisFormat)) }.max() ?? 3
            let plotLeft = tickEm * em + 10
            let plotRight = width - 10
            let plotWidth = max(plotRight - plotLeft, 40)
            let slot = plotWidth / Double(max(bars.count, 1))
            let barWidth = min(40, slot * 0.62)
            let labelEm = min(bars.map { SVGChart.estimatedWidth($0.label) }.max() ?? 2, 10)
            let rotate = labelEm * em > slot - 4
            let bottom = rotate ? labelEm * em * 0.72 + 14 : 22
            let top = targetLabel != nil && sharedTarget != nil ? 26.0 : 18.0
            let plotHeight = 180.0
            let height = top + plotHeight + bottom
            func y(_ v: Double) -> Double { top + plotHeight - plotHeight * min(max(v / axisMax, 0), 1) }

            var out = SVGChart.open(width: width, height: height, title: title)
            var tick = 0.0
            while tick <= axisMax + step / 1000 {
                let ty = y(tick)
                out +=
                    "<line x1=\"\(SVGChart.n(plotLeft))\" y1=\"\(SVGChart.n(ty))\" x2=\"\(SVGChart.n(plotRight))\" y2=\"\(SVGChart.n(ty))\" stroke=\"\(SVGChart.gridColour)\" stroke-width=\"1\"/>"
                out += SVGChart.text(
                    SVGChart.tickLabel(tick, axisFormat), x: plotLeft - 6, y: ty + em * 0.35, anchor: "end", fill: SVGChart.mutedColour)
                tick += step
            }
            // A common target runs behind the bars.
            if let target = sharedTarget, target.isFinite {
                let ty = y(target)
                out +=
                    "<line class=\"target-line\" x1=\"\(SVGChart.n(plotLeft))\" y1=\"\(SVGChart.n(ty))\" x2=\"\(SVGChart.n(plotRight))\" y2=\"\(SVGChart.n(ty))\" stroke=\"\(SVGChart.targetColour)\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
                if let targetLabel {
                    out += SVGChart.text(targetLabel, x: plotRight, y: ty - 5, anchor: "end", fill: SVGChart.targetColour)
                }
            }
            for (i, bar) in bars.enumerated() {
                let centre = plotLeft + slot * (Double(i) + 0.5)
                out += "<g class=\"bar\"><title>\(XMLText.escape(bar.label)): \(XMLText.escape(bar.valueText))</title>"
                var valueTop = top + plotHeight
                if let value = bar.value, value.isFinite {
                    valueTop = y(value)
                    out +=
                        "<rect x=\"\(SVGChart.n(centre - barWidth / 2))\" y=\"\(SVGChart.n(valueTop))\" width=\"\(SVGChart.n(barWidth))\" height=\"\(SVGChart.n(top + plotHeight - valueTop))\" fill=\"\(XMLText.escape(bar.colour))\" rx=\"2\"/>"
                }
                out += SVGChart.text(bar.valueText, x: centre, y: valueTop - 4, anchor: "middle")
                let label = SVGChart.truncated(bar.label, maxEm: rotate ? labelEm : max((slot - 4) / em, 1))
                if rotate {
                    let lx = centre + em * 0.3
                    let ly = top + plotHeight + 10
                    out += SVGChart.text(label, x: lx, y: ly, anchor: "end", transform: "rotate(-45 \(SVGChart.n(lx)) \(SVGChart.n(ly)))")
                } else {
                    out += SVGChart.text(label, x: centre, y: top + plotHeight + 16, anchor: "middle")
                }
                if sharedTarget == nil, let target = bar.target, target.isFinite {
                    let ty = y(target)
                    out +=
                        "<line class=\"target-line\" x1=\"\(SVGChart.n(centre - barWidth / 2 - 3))\" y1=\"\(SVGChart.n(ty))\" x2=\"\(SVGChart.n(centre + barWidth / 2 + 3))\" y2=\"\(SVGChart.n(ty))\" stroke=\"\(SVGChart.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
                }
                out += "</g>"
            }
            out +=
                "<line x1=\"\(SVGChart.n(plotLeft))\" y1=\"\(SVGChart.n(top + plotHeight))\" x2=\"\(SVGChart.n(plotRight))\" y2=\"\(SVGChart.n(top + plotHeight))\" stroke=\"\(SVGChart.mutedColour)\" stroke-width=\"1\"/>"
            return out + "</svg>"
        }
    }
}
