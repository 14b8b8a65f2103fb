import Foundation

extension SVGChart {
    /// One part of a whole, e.g. the requests with one status.
    public struct Slice: Sendable, Hashable {
        public var label: String
        public var count: Int64
        /// Fill colour (CSS colour).
        public var colour: String

        public init(label: String, count: Int64, colour: String) {
            self.label = label
            self.count = count
            self.colour = colour
        }
    }

    /// Shares of a whole as a donut with a legend (label, count, share).
    ///
    /// Exists for the status mix of requests and similar breakdowns, where the reader asks
    /// "what part of the whole" rather than "which is largest".
    public struct Donut: Sendable, Hashable {
        public var title: String
        public var slices: [Slice]
        /// Printed in the hole, e.g. the total.
        public var centreText: String?
        public var centreCaption: String?
        public var width: Double

        public init(title: String, slices: [Slice], centreText: String? = nil, centreCaption: String? = nil, width: Double = 680) {
            self.title = title
            self.slices = slices
            self.centreText = centreText
            self.centreCaption = centreCaption
            self.width = width
        }

        public func svg() -> String {
            let outer = 84.0
            let inner = 52.0
            let cx = 100.0
            let rowHeight = 22.0
            let height = max(200, Double(slices.count) * rowHeight + 24)
            let cy = height / 2
            let total = slices.reduce(Int64(0)) { $0 + max($1.count, 0) }

            var out = SVGChart.open(width: width, height: height, title: title)
            if total == 0 {
                out +=
                    "<circle cx=\"\(SVGChart.n(cx))\" cy=\"\(SVGChart.n(cy))\" r=\"\(SVGChart.n((outer + inner) / 2))\" fill=\"none\" stroke=\"\(SVGChart.gridColour)\" stroke-width=\"\(SVGChart.n(outer - inner))\"/>"
            } else {
                var start = 0.0
                for slice in slices where slice.count > 0 {
                    let fraction = Double(slice.count) / Double(total)
                    let end = start + fraction
                    out +=
                        "<g class=\"slice\"><title>\(XMLText.escape(slice.label)): \(DisplayFormat.count(slice.count)) (\(DisplayFormat.share(slice.count, of: total)))</title>"
                    if fraction >= 0.9999 {
                        // A full ring cannot be one arc: draw it as two halves.
                        out += sector(from: 0, to: 0.5, cx: cx, cy: cy, outer: outer, inner: inner, colour: slice.colour)
                        out += sector(from: 0.5, to: 1, cx: cx, cy: cy, outer: outer, inner: inner, colour: slice.colour)
                    } else {
                        out += sector(from: start, to: end, cx: cx, cy: cy, outer: outer, inner: inner, colour: slice.colour)
                    }
                    out += "</g>"
                    start = end
                }
            }
            if let centreText {
                out += SVGChart.text(centreText, x: cx, y: cy + (centreCaption == nil ? 6 : 2), anchor: "middle", weight: "700")
            }
            if let centreCaption {
                out += SVGChart.text(centreCaption, x: cx, y: cy + 18, anchor: "middle", fill: SVGChart.mutedColour)
            }
            // Legend.
            let legendX = cx + outer + 36
            let labelEm = min(slices.map { SVGChart.estimatedWidth($0.label) }.max() ?? 2, 14)
            let countX = legendX + 20 + labelEm * SVGChart.fontSize + 12
            let countEm = slices.map { SVGChart.estimatedWidth(DisplayFormat.count($0.count)) }.max() ?? 1
            let shareX = countX + countEm * SVGChart.fontSize + 16
            let legendTop = cy - Double(slices.count) * rowHeight / 2
            for (i, slice) in slices.enumerated() {
                let rowY = legendTop + Double(i) * rowHeight
                out +=
                    "<rect x=\"\(SVGChart.n(legendX))\" y=\"\(SVGChart.n(rowY + 5))\" width=\"12\" height=\"12\" rx=\"2\" fill=\"\(XMLText.escape(slice.colour))\"/>"
                out += SVGChart.text(SVGChart.truncated(slice.label, maxEm: labelEm), x: legendX + 20, y: rowY + 15.5)
                out += SVGChart.text(
                    DisplayFormat.count(slice.count), x: countX + countEm * SVGChart.fontSize, y: rowY + 15.5, anchor: "end")
                out += SVGChart.text(
                    DisplayFormat.share(slice.count, of: total), x: shareX + 42, y: rowY + 15.5, anchor: "end", fill: SVGChart.mutedColour)
            }
            return out + "</svg>"
        }

        /// A ring sector between two fractions of the full turn, starting at 12 o'clock, clockwise.
        private func sector(from a: Double, to b: Double, cx: Double, cy: Double, outer: Double, inner: Double, colour: String) -> String {
            func point(_ fraction: Double, _ r: Double) -> String {
                let angle = fraction * 2 * Double.pi - Double.pi / 2
                return "\(SVGChart.n(cx + r * cos(angle))) \(SVGChart.n(cy + r * sin(angle)))"
            }
            let large = b - a > 0.5 ? 1 : 0
            let d =
                "M\(point(a, outer)) A\(SVGChart.n(outer)) \(SVGChart.n(outer)) 0 \(large) 1 \(point(b, outer)) "
                + "L\(point(b, inner)) A\(SVGChart.n(inner)) \(SVGChart.n(inner)) 0 \(large) 0 \(point(a, inner)) Z"
            return "<path d=\"\(d)\" fill=\"\(XMLText.escape(colour))\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        }
    }
}
