extension SVGChart {
    /// One quarter of a trend: where it sits on the time axis, its value and how it is printed.
    public struct TrendPoint: Sendable, Hashable {
        /// Printed under the first and the last point, e.g. `2022Q1`.
        public var label: String
        /// The quarter's position in time (consecutive quarters differ by 1): a quarter missing
        /// from the record leaves a gap, and the line is broken across it.
        public var position: Int
        /// nil draws no dot and breaks the line.
        public var value: Double?
        public var valueText: String
        /// Dot colour (the quarter's status colour).
        public var colour: String

        public init(label: String, position: Int, value: Double?, valueText: String, colour: String) {
            self.label = label
            self.position = position
            self.value = value
            self.valueText = valueText
            self.colour = colour
        }
    }

    /// A small trend line of one indicator over the last recorded quarters, for a headline card:
    /// no axes, the line scaled to its own range, a dot per quarter in its status colour (the
    /// last one larger), the first and last quarter named underneath.
    ///
    /// Exists so that a card shows at a glance whether an indicator is rising or falling; each
    /// dot carries a `<title>` with its quarter and value for readers who hover or use a screen
    /// reader.
    public struct Sparkline: Sendable, Hashable {
        public var title: String
        /// Oldest first.
        public var points: [TrendPoint]
        /// The smallest value range the height stands for, so that a wobble of a few hundredths
        /// does not fill the chart like a real rise (e.g. 0.05 for a rate: five points).
        public var minimumSpan: Double
        public var width: Double
        public var height: Double

        public init(title: String, points: [TrendPoint], minimumSpan: Double = 0, width: Double = 200, height: Double = 52) {
            self.title = title
            self.points = points
            self.minimumSpan = minimumSpan
            self.width = width
            self.height = height
        }

        static let lineColour = "#57606a"
        static let labelSize = 10.0

        /// The x and y of each point with a value, in the order of `points` (nil for a point
        /// without a value).
        var coordinates: [(x: Double, y: Double)?] {
            let left = 5.0
            let right = width - 5
            let top = 5.0
            let bottom = height - Sparkline.labelSize - 7
            let positions = points.map(\.position)
            let first = positions.min() ?? 0
            let last = positions.max() ?? 0
            let values = points.compactMap(\.value).filter(\.isFinite)
            var low = values.min() ?? 0
            var high = values.max() ?? 0
            if high - low < minimumSpan {
                // Centred on the values' middle: a flat series sits mid-height.
                let middle = (low + high) / 2
                low = middle - minimumSpan / 2
                high = middle + minimumSpan / 2
            }
            return points.map { p in
                guard let v = p.value, v.isFinite else { return nil }
                let x = last == first ? (left + right) / 2 : left + (right - left) * Double(p.position - first) / Double(last - first)
                let y = high == low ? (top + bottom) / 2 : bottom - (bottom - top) * (v - low) / (high - low)
                return (x, y)
            }
        }

        public func svg() -> String {
            var out =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" "
                + "viewBox=\"0 0 \(SVGChart.n(width)) \(SVGChart.n(height))\" role=\"img\" aria-label=\"\(XMLText.escape(title))\" "
                + "font-family=\"\(SVGChart.fontFamily)\" font-size=\"\(SVGChart.n(Sparkline.labelSize))\">"
                + "<title>\(XMLText.escape(title))</title>"
            let xy = coordinates
            // The line joins consecutive quarters that both have a value.
            var run: [(x: Double, y: Double)] = []
            func flush() {
                if run.count >= 2 {
                    let list = run.map { "\(SVGChart.n($0.x)),\(SVGChart.n($0.y))" }.joined(separator: " ")
                    out +=
                        "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(Sparkline.lineColour)\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>"
                }
                run = []
            }
            for (i, point) in xy.enumerated() {
                let joined = i > 0 && points[i].position == points[i - 1].position + 1
                if !joined { flush() }
                if let point { run.append(point) } else { flush() }
            }
            flush()
            for (i, p) in points.enumerated() {
                guard let point = xy[i] else { continue }
                let radius = i == points.count - 1 ? 3.5 : 2.5
                out += "<g class=\"pt\"><title>\(XMLText.escape(p.label)): \(XMLText.escape(p.valueText))</title>"
                out +=
                    "<circle cx=\"\(SVGChart.n(point.x))\" cy=\"\(SVGChart.n(point.y))\" r=\"\(SVGChart.n(radius))\" fill=\"\(XMLText.escape(p.colour))\"/></g>"
            }
            let baseline = height - 3
            if let first = points.first {
                out += SVGChart.text(first.label, x: 2, y: baseline, fill: SVGChart.mutedColour)
            }
            if points.count > 1, let last = points.last {
                out += SVGChart.text(last.label, x: width - 2, y: baseline, anchor: "end", fill: SVGChart.mutedColour)
            }
            return out + "</svg>"
        }
    }
}
