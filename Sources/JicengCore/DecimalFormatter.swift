/// The one number format of every machine-readable output (contract §7): plain decimal, no
/// exponent, no thousands separator, `.` as the decimal point, at most 6 decimals, trailing zeros
/// dropped. Locale-independent and deterministic by construction.
public enum DecimalFormatter {
    /// Formats a whole number.
    public static func format(_ value: Int64) -> String { String(value) }

    /// Formats `value` rounded half away from zero to at most `maxDecimals` decimals.
    /// Non-finite values have no representation in the contract and format as the empty string.
    public static func format(_ value: Double, maxDecimals: Int = 6) -> String {
        guard value.isFinite else { return "" }
        precondition((0...9).contains(maxDecimals))
        var scale: Int64 = 1
        for _ in 0..<maxDecimals { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else {
            // Beyond Int64 range after scaling: print the integral part only.
            return String(format0: value.rounded())
        }
        let units = Int64(scaled)
        let whole = units / scale
        var frac = units % scale
        var digits = maxDecimals
        while digits > 0 && frac % 10 == 0 {
            frac /= 10
            digits -= 1
        }
        let sign = (value < 0 && units != 0) ? "-" : ""
        if digits == 0 { return sign + String(whole) }
        var fracText = String(frac)
        if fracText.count < digits { fracText = String(repeating: "0", count: digits - fracText.count) + fracText }
        return sign + String(whole) + "." + fracText
    }
}

private extension String {
    /// Integral doubles too large for Int64, without exponent.
    init(format0 value: Double) {
        var v = abs(value)
        var digits: [Character] = []
        repeat {
            let d = Int(v.truncatingRemainder(dividingBy: 10))
            digits.append(Character(String(d)))
            v = (v / 10).rounded(.towardZero)
        } while v >= 1
        self = (value < 0 ? "-" : "") + String(digits.reversed())
    }
}
