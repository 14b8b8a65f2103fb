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
            // Beyond Int64 range after scaling (|value| ≥ 9e12): the whole part is exact in
            // binary, so it is printed exactly; the fraction (if any bits are left for one) is
            // rounded on its own.
            return formatLarge(value, scale: scale, maxDecimals: maxDecimals)
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

extension DecimalFormatter {
    /// `value` with |value| ≥ 9e12: whole part printed exactly, fraction rounded half away from zero.
    fileprivate static func formatLarge(_ value: Double, scale: Int64, maxDecimals: Int) -> String {
        let magnitude = abs(value)
        var whole = magnitude.rounded(.towardZero)
        // Exact: subtracting the integral part of a double loses no bits.
        let fraction = magnitude - whole
        var units = Int64((fraction * Double(scale)).rounded(.toNearestOrAwayFromZero))
        if units >= scale {
            // The fraction rounded up to 1 (only possible below 2^53, where whole + 1 is exact).
            whole += 1
            units -= scale
        }
        var text = exactIntegerDigits(whole)
        var digits = maxDecimals
        while digits > 0 && units % 10 == 0 {
            units /= 10
            digits -= 1
        }
        if digits > 0 {
            let fracText = String(units)
            text += "." + String(repeating: "0", count: digits - fracText.count) + fracText
        }
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return (value < 0 && !isZero ? "-" : "") + text
    }

    /// The decimal digits of a non-negative integral double, exactly (no exponent, no rounding).
    fileprivate static func exactIntegerDigits(_ value: Double) -> String {
        if value < 9.2e18 { return String(UInt64(value)) }
        // value = significand × 2^shift with an integral 53-bit significand.
        let shift = Int(value.exponent) - 52
        var significand = (UInt64(1) << 52) | value.significandBitPattern
        var limbs: [UInt64] = []  // base 10^9, least significant first
        while significand > 0 {
            limbs.append(significand % 1_000_000_000)
            significand /= 1_000_000_000
        }
        for _ in 0..<max(0, shift) {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = limbs[i] * 2 + carry
                limbs[i] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
