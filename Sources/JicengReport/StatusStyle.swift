import Foundation
import JicengAggregate

/// How a target status looks in every report format: the red-and-yellow-card colours
/// (green met, yellow warning, red missed, grey for no data and no target), the CSS class, the
/// Markdown marker and the wording key. One place, so HTML, Markdown, charts and the workbook agree.
struct StatusStyle: Sendable, Hashable {
    let status: TargetStatus

    init(_ status: TargetStatus) { self.status = status }

    /// CSS class suffix (`st-met`, …) and key of the label in the wording files (`status.met`, …).
    var key: String {
        switch status {
        case .met: return "met"
        case .warning: return "warning"
        case .missed: return "missed"
        case .noData: return "no_data"
        case .noTarget: return "no_target"
        }
    }

    var cssClass: String { "st-" + key.replacingOccurrences(of: "_", with: "-") }

    /// Solid colour for bars and chips.
    var colour: String {
        switch status {
        case .met: return "#2e7d32"
        case .warning: return "#e0a800"
        case .missed: return "#c62828"
        case .noData, .noTarget: return "#9aa0a6"
        }
    }

    /// Workbook fill and font colours (Excel's "good", "neutral", "bad" styles; grey otherwise).
    var cellFill: UInt32 {
        switch status {
        case .met: return 0xC6EFCE
        case .warning: return 0xFFEB9C
        case .missed: return 0xFFC7CE
        case .noData, .noTarget: return 0xEDEDED
        }
    }

    var cellFont: UInt32 {
        switch status {
        case .met: return 0x006100
        case .warning: return 0x9C5700
        case .missed: return 0x9C0006
        case .noData, .noTarget: return 0x595959
        }
    }

    /// Marker for Markdown, where there is no colour.
    var marker: String {
        switch status {
        case .met: return "🟢"
        case .warning: return "🟡"
        case .missed: return "🔴"
        case .noData, .noTarget: return "⚪"
        }
    }
}
