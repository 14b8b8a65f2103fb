import JicengCore

/// Small, dependency-free SVG charts for the self-contained HTML report: bars by unit with the
/// target as a line (`SVGChart.BarChart`) and shares of a whole as a donut (`SVGChart.Donut`).
///
/// Output is deterministic (coordinates printed with at most one decimal through
/// `DecimalFormatter`, never with the platform's float printing), every label is XML-escaped, and
/// label space is sized from an estimate of the text width (CJK characters ≈ 1 em, ASCII ≈ 0.55 em)
/// so that Chinese unit names fit without a font being available at render time.
public enum SVGChart {
    /// The font stack charts declare; the page's CJK font is used when one is installed.
    static let fontFamily = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
    static let fontSize: Double = 12
    static let textColour = "#1f2328"
    static let mutedColour = "#57606a"
    static let gridColour = "#d8dee4"
    static let targetColour = "#b42318"

    /// Estimated width of `text` in em at the chart font: wide (CJK, full-width) characters count
    /// 1 em, everything else 0.55 em.
    public static func estimatedWidth(_ text: String) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            em += isWide(scalar) ? 1.0 : 0.55
        }
        return em
    }

    /// Shortens `text` to at most `maxEm` (estimated), ending in `…` when it was cut.
    static func truncated(_ text: String, maxEm: Double) -> String {
        guard estimatedWidth(text) > maxEm else { return text }
        var out = ""
        var em = 1.0  // room for the ellipsis
        for ch in text {
            let w = estimatedWidth(String(ch))
            if em + w > maxEm { break }
            out.append(ch)
            em += w
        }
        return out + "…"
    }

    /// East Asian wide and full-width ranges (CJK ideographs, kana, Hangul, full-width forms, CJK
    /// punctuation) and emoji.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Dark text on light fills (yellow), white text on dark ones, judged by perceived luminance
    /// of a `#rrggbb` colour.
    static func contrastingText(on colour: String) -> String {
        let hex = colour.hasPrefix("#") ? colour.dropFirst() : colour[...]
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return "#ffffff" }
        let r = Double(value >> 16 & 0xFF)
        let g = Double(value >> 8 & 0xFF)
        let b = Double(value & 0xFF)
        return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? textColour : "#ffffff"
    }

    /// A coordinate or length with at most one decimal, no exponent.
    static func n(_ value: Double) -> String {
        DecimalFormatter.format(value, maxDecimals: 1)
    }

    /// The opening `<svg>` tag shared by all charts.
    static func open(width: Double, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(n(width))\" height=\"\(n(height))\" "
            + "viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(XMLText.escape(title))\" "
            + "font-family=\"\(fontFamily)\" font-size=\"\(n(fontSize))\">"
            + "<title>\(XMLText.escape(title))</title>"
    }

    /// A `<text>` element with escaped content.
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", fill: String = textColour,
        weight: String? = nil, transform: String? = nil
    ) -> String {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        attributes += " fill=\"\(XMLText.escape(fill))\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let transform { attributes += " transform=\"\(transform)\"" }
        return "<text \(attributes)>\(XMLText.escape(content))</text>"
    }

    /// A round axis maximum and tick step for values up to `maximum`: at most five steps of
    /// 1, 2, 2.5 or 5 times a power of ten.
    static func axis(upTo maximum: Double) -> (max: Double, step: Double) {
        guard maximum.isFinite, maximum > 0 else { return (1, 0.25) }
        let raw = maximum / 5
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        var step = power * 10
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * power >= raw {
            step = factor * power
            break
        }
        let top = (maximum / step).rounded(.up) * step
        return (top, step)
    }

    /// How axis ticks are labelled.
    public enum AxisFormat: Sendable, Hashable {
        /// Fractions shown as whole percentages (`0.25` → `25%`).
        case percent
        /// Plain numbers with thousands separators.
        case number
    }

    static func tickLabel(_ value: Double, _ format: AxisFormat) -> String {
        switch format {
        case .percent:
            return DecimalFormatter.format(value * 100, maxDecimals: 1) + "%"
        case .number:
            if value == value.rounded() { return DisplayFormat.fixed(value, decimals: 0, grouping: true) }
            return DecimalFormatter.format(value, maxDecimals: 2)
        }
    }
}
