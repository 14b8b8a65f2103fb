import JicengCore

/// The date forms of contract §2 (`2022-04-26`, `2022/4/26`, `2022.4.26`, `2022年4月26日`,
/// `20220426`) and the optional time that may follow them.
///
/// It exists so that each file can have its own predominant form, as real exports do, while a
/// messy drop also mixes in the others row by row.
enum DateStyle: Int, CaseIterable {
    case iso, slash, dot, chinese, compact

    func render(_ date: CivilDate) -> String {
        let (y, m, d) = date.components
        switch self {
        case .iso: return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        case .slash: return "\(y)/\(m)/\(d)"
        case .dot: return "\(y).\(m).\(d)"
        case .chinese: return "\(y)年\(m)月\(d)日"
        case .compact: return "\(pad(y, 4))\(pad(m, 2))\(pad(d, 2))"
        }
    }
}

/// Whether a date is followed by a time, and with or without seconds (`14:03`, `14:03:05`).
enum TimeStyle: Int, CaseIterable {
    case none, minutes, seconds
}

/// Every date a run can write, in every style, prepared once in the pool; indexed by day offset.
///
/// It exists so that writing a date in the hot loop is one `memcpy` (plus a few digits for a time).
struct DateTable {
    let first: CivilDate
    let dayCount: Int
    private let slices: [ByteSlice]
    /// Compact `yyyymmdd` digits per day, for request and service ids.
    private let compactSlices: [ByteSlice]

    init(from first: CivilDate, through last: CivilDate, pool: BytePool) {
        self.first = first
        dayCount = Int(last.dayNumber - first.dayNumber) + 1
        var slices: [ByteSlice] = []
        var compact: [ByteSlice] = []
        slices.reserveCapacity(dayCount * DateStyle.allCases.count)
        for offset in 0..<dayCount {
            let date = CivilDate(dayNumber: first.dayNumber + Int32(offset))
            for style in DateStyle.allCases {
                slices.append(pool.raw(style.render(date)))
            }
            compact.append(slices[slices.count - 1])
        }
        self.slices = slices
        compactSlices = compact
    }

    func slice(day: Int, style: DateStyle) -> ByteSlice {
        slices[day * DateStyle.allCases.count + style.rawValue]
    }

    func compact(day: Int) -> ByteSlice { compactSlices[day] }

    func date(day: Int) -> CivilDate { CivilDate(dayNumber: first.dayNumber + Int32(day)) }

    /// Writes a date with an optional time of day (`seconds` since midnight).
    @inline(__always)
    func write(day: Int, style: DateStyle, time: TimeStyle, seconds: Int, to out: CSVFileWriter) {
        out.slice(slice(day: day, style: style))
        guard time != .none else { return }
        out.byte(0x20)
        out.int(seconds / 3600, width: 2)
        out.byte(0x3A)
        out.int(seconds / 60 % 60, width: 2)
        if time == .seconds {
            out.byte(0x3A)
            out.int(seconds % 60, width: 2)
        }
    }

    /// The same text as `write`, as a String (for the summary).
    func text(day: Int, style: DateStyle, time: TimeStyle, seconds: Int) -> String {
        var s = style.render(date(day: day))
        if time != .none { s += " \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))" }
        if time == .seconds { s += ":\(pad(seconds % 60, 2))" }
        return s
    }
}
