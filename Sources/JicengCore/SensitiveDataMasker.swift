/// Masks personal data that request exports may carry (a citizen's mobile number or ID-card
/// number) before a value is written to a finding, a quarantine file, a report or a log.
///
/// A mobile number (11 digits starting with 1) keeps its first 3 and last 4 digits
/// (`138****5678`); an ID-card number (17 digits and a digit or X) keeps its first 6 and last 4;
/// any other run of 7 or more digits (landlines, bank cards) keeps its first 2 and last 2. Digit runs
/// are found by scanning, so numbers inside text are masked too. Shorter numbers (counts, years,
/// dates) are left alone.
public enum SensitiveDataMasker {
    public static func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var i = 0
        var changed = false
        while i < scalars.count {
            guard isDigit(scalars[i]) else { i += 1; continue }
            var j = i
            while j < scalars.count && isDigit(scalars[j]) { j += 1 }
            // An ID card may end in X.
            var end = j
            if j - i == 17 && j < scalars.count && (scalars[j] == "X" || scalars[j] == "x") { end = j + 1 }
            let length = end - i
            if length >= 7 {
                let keepHead: Int, keepTail: Int
                if length == 11 && scalars[i] == "1" { keepHead = 3; keepTail = 4 }
                else if length == 18 { keepHead = 6; keepTail = 4 }
                else { keepHead = 2; keepTail = 2 }
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
}
