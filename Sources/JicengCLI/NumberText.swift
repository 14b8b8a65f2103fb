/// Numbers as people read them on the terminal: `1,969`, `10,000,003`, `1.4 秒`.
///
/// It exists because the files Jiceng writes use the contract's plain format (`DecimalFormatter`,
/// no separators), while counts printed for people are read faster with thousands separators;
/// this keeps the two apart. Deterministic: no locale is consulted.
enum NumberText {
    /// `n` with a comma between groups of three digits.
    static func grouped(_ n: some BinaryInteger) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Seconds with two decimals below one (`0.04`), one below a minute (`12.3`), none above (`75`).
    static func seconds(_ value: Double) -> String {
        if value >= 60 { return grouped(Int(value.rounded())) }
        if value < 0.995 {
            let hundredths = Int((value * 100).rounded())
            return "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Seconds, with the unit in `zh` or English: `1.4 秒`, `1.4 s`.
    static func duration(_ value: Double, zh: Bool) -> String {
        seconds(value) + (zh ? " 秒" : " s")
    }
}
