/// Masks personal data that request exports may carry — a citizen's mobile number, ID-card
/// number, bank-card number or landline — before a value is written to a finding, a quarantine
/// file, a report or a log.
///
/// Only these shapes are masked, so the ids analysts need to find a row (request ids such as
/// `GD2022040100001`, 12-digit unit codes) stay readable:
/// - a mobile number, 11 digits starting with 1 and a second digit 3–9: `138****5678`;
/// - an ID-card number, 18 characters (17 digits and a digit or X) or 15 digits: first 6 and last 4
///   kept (`420101********123X`);
/// - a bank-card number, a run of 16 to 19 digits: first 4 and last 4 kept;
/// - a landline with area code, `0` + 2–3 digits, `-`, 7–8 digits: the last 4 kept
///   (`0716-***4567`).
/// Digit runs are found by scanning (ASCII and full-width digits), so numbers inside text are
/// masked too; a run that is part of a longer run is judged as the whole run.
public enum SensitiveDataMasker {
    public static func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var i = 0
        var changed = false
        while i < scalars.count {
            guard isDigit(scalars[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < scalars.count && isDigit(scalars[j]) { j += 1 }
            var end = j
            if j - i == 17 && j < scalars.count && (scalars[j] == "X" || scalars[j] == "x") { end = j + 1 }
            let length = end - i
            var keepHead = -1
            var keepTail = 0
            if length == 11 && digit(scalars[i]) == 1 && (3...9).contains(digit(scalars[i + 1])) {
                keepHead = 3
                keepTail = 4
            } else if length == 18 || (length == 15 && end == j) {
                keepHead = 6
                keepTail = 4
            } else if (16...19).contains(length) && end == j {
                keepHead = 4
                keepTail = 4
            } else if (3...4).contains(length) && digit(scalars[i]) == 0 && j < scalars.count && scalars[j] == "-" {
                // Landline: area code, dash, subscriber number of 7–8 digits.
                var k = j + 1
                while k < scalars.count && isDigit(scalars[k]) { k += 1 }
                if (7...8).contains(k - j - 1) && !(k < scalars.count && isDigit(scalars[k])) {
                    for m in (j + 1)..<(k - 4) { scalars[m] = "*" }
                    changed = true
                    i = k
                    continue
                }
            }
            if keepHead >= 0 {
                for k in (i + keepHead)..<(end - keepTail) { scalars[k] = "*" }
                changed = true
            }
            i = end
        }
        guard changed else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0xFF10 && s.value <= 0xFF19)
    }

    private static func digit(_ s: Unicode.Scalar) -> Int {
        s.value >= 0xFF10 ? Int(s.value - 0xFF10) : Int(s.value) - 0x30
    }
}
