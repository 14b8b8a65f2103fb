import JicengCore
import Testing

@Suite("DecimalFormatter")
struct DecimalFormatterTests {
    @Test("the seed-004 resolution rate 4229/4690 is 0.901706")
    func seedRate() {
        // 4690 × 0.9 = 4221, remainder 8; 8/4690 = 0.00170575… → 0.90170575…;
        // six decimals: 0.901705|75… rounds up to 0.901706.
        #expect(DecimalFormatter.format(4229.0 / 4690.0) == "0.901706")
        // 2/3 = 0.666666|66… → 0.666667; 1/3 → 0.333333.
        #expect(DecimalFormatter.format(2.0 / 3.0) == "0.666667")
        #expect(DecimalFormatter.format(1.0 / 3.0) == "0.333333")
        // 1300/7 = 185.714285|71… → 185.714286.
        #expect(DecimalFormatter.format(1300.0 / 7.0) == "185.714286")
    }

    @Test("never an exponent, for tiny and huge values")
    func noExponent() {
        // 1e-7 is below half a millionth: rounds to 0.
        #expect(DecimalFormatter.format(1e-7) == "0")
        // 0.000001 stays.
        #expect(DecimalFormatter.format(0.000001) == "0.000001")
        // 4e-6 → 0.000004.
        #expect(DecimalFormatter.format(4e-6) == "0.000004")
        #expect(DecimalFormatter.format(1e15) == "1000000000000000")
        #expect(DecimalFormatter.format(1e20) == "100000000000000000000")
        #expect(DecimalFormatter.format(-1e15) == "-1000000000000000")
        #expect(DecimalFormatter.format(123456789.5) == "123456789.5")
        // 2^60 = 1152921504606846976, an exact double: every digit must be right.
        #expect(DecimalFormatter.format(Double(UInt64(1) << 60)) == "1152921504606846976")
        // 2^70 = 1180591620717411303424.
        #expect(DecimalFormatter.format(Double(UInt64(1) << 60) * 1024) == "1180591620717411303424")
        // Above 9e12 the six-decimal scaling no longer fits an Int64; fractions that the double
        // still holds must not be lost: 9e12 + 0.25 (exact: the spacing there is 2^-9).
        #expect(DecimalFormatter.format(9e12 + 0.25) == "9000000000000.25")
        #expect(DecimalFormatter.format(-(9e12 + 0.5)) == "-9000000000000.5")
        // 1e13 + 0.998046875 (= 1 − 2^-9): 0.998046875 → 0.998047 at six decimals.
        #expect(DecimalFormatter.format(1e13 + 0.998046875) == "10000000000000.998047")
        // 2^53 − 1 = 9007199254740991, the largest integer with every neighbour representable.
        #expect(DecimalFormatter.format(9007199254740991.0) == "9007199254740991")
        for v in [1e-7, 1e15, 1e20, 1e-300, 5e300] {
            let text = DecimalFormatter.format(v)
            #expect(!text.contains("e") && !text.contains("E"), "\(v) → \(text)")
        }
    }

    @Test("rounding is half away from zero (values exact in binary)")
    func halfAwayFromZero() {
        // 0.5 → 1 and 2.5 → 3 (banker's rounding would give 0 and 2).
        #expect(DecimalFormatter.format(0.5, maxDecimals: 0) == "1")
        #expect(DecimalFormatter.format(2.5, maxDecimals: 0) == "3")
        #expect(DecimalFormatter.format(-0.5, maxDecimals: 0) == "-1")
        #expect(DecimalFormatter.format(-2.5, maxDecimals: 0) == "-3")
        // 0.125 → 0.13 (not 0.12); 0.0625 → 0.063 (not 0.062); 0.25 → 0.3.
        #expect(DecimalFormatter.format(0.125, maxDecimals: 2) == "0.13")
        #expect(DecimalFormatter.format(-0.125, maxDecimals: 2) == "-0.13")
        #expect(DecimalFormatter.format(0.0625, maxDecimals: 3) == "0.063")
        #expect(DecimalFormatter.format(0.25, maxDecimals: 1) == "0.3")
        // 0.4 rounds down.
        #expect(DecimalFormatter.format(0.4, maxDecimals: 0) == "0")
    }

    @Test("trailing zeros dropped, whole values without a point")
    func trailingZeros() {
        #expect(DecimalFormatter.format(2.0) == "2")
        #expect(DecimalFormatter.format(100.0) == "100")
        #expect(DecimalFormatter.format(0.0) == "0")
        #expect(DecimalFormatter.format(1.5) == "1.5")
        #expect(DecimalFormatter.format(0.9) == "0.9")
        #expect(DecimalFormatter.format(12.34) == "12.34")
        #expect(DecimalFormatter.format(0.05) == "0.05")
        #expect(DecimalFormatter.format(15.5) == "15.5")
        // 1.0000001 rounds to 1.000000 → "1".
        #expect(DecimalFormatter.format(1.0000001) == "1")
        // 0.1000004 → 0.100000 → "0.1".
        #expect(DecimalFormatter.format(0.1000004) == "0.1")
    }

    @Test("negative zero and negatives that round to zero print 0")
    func negativeZero() {
        #expect(DecimalFormatter.format(-0.0) == "0")
        #expect(DecimalFormatter.format(-1e-9) == "0")
        #expect(DecimalFormatter.format(-0.4, maxDecimals: 0) == "0")
        #expect(DecimalFormatter.format(-1.5) == "-1.5")
        #expect(DecimalFormatter.format(-0.000001) == "-0.000001")
    }

    @Test("non-finite values are empty; whole numbers print plainly")
    func other() {
        #expect(DecimalFormatter.format(Double.nan) == "")
        #expect(DecimalFormatter.format(Double.infinity) == "")
        #expect(DecimalFormatter.format(Int64(0)) == "0")
        #expect(DecimalFormatter.format(Int64(-3)) == "-3")
        #expect(DecimalFormatter.format(Int64(4690)) == "4690")
    }
}
