import Testing

@testable import JicengNormalize

@Suite("ConditionProgram agrees with SlotCondition")
struct ConditionProgramTests {
    /// Conditions covering every instruction, nested; evaluated on 2,000 seeded random rows of
    /// 4 slots (values 0…3 or missing), the flat program must give the tree's answer every time.
    static let conditions: [SlotCondition] = [
        .compare(slot: 0, op: .equal, value: 1),
        .compare(slot: 1, op: .lessOrEqual, value: 2),
        .compare(slot: 2, op: .notEqual, value: 0),
        .isIn(slot: 3, values: [0, 2]),
        .isSet(slot: 1),
        .isTrue(slot: 2),
        .and([]),
        .or([]),
        .and([.compare(slot: 0, op: .equal, value: 0), .isSet(slot: 1), .not(.isTrue(slot: 2))]),
        .or([
            .compare(slot: 0, op: .greater, value: 2), .and([.isIn(slot: 1, values: [1, 3]), .compare(slot: 3, op: .less, value: 2)]),
            .isTrue(slot: 3),
        ]),
        .not(.or([.isSet(slot: 0), .not(.and([.isTrue(slot: 1), .compare(slot: 2, op: .greaterOrEqual, value: 1)]))])),
        .and(Array(repeating: .isSet(slot: 0), count: 100)),  // long lists stay within the stack
    ]

    @Test func agreesOnRandomRows() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        for condition in Self.conditions {
            let program = ConditionProgram(condition)
            for _ in 0..<2000 {
                let slots: [Int64] = (0..<4).map { _ in
                    let v = Int64(next() % 5)
                    return v == 4 ? missingSlot : v
                }
                let expected = slots.withUnsafeBufferPointer { condition.holds($0.baseAddress!) }
                let actual = slots.withUnsafeBufferPointer { s in
                    program.instructions.withUnsafeBufferPointer { code in
                        program.values.withUnsafeBufferPointer { ConditionProgram.holds(code, $0, s.baseAddress!) }
                    }
                }
                #expect(actual == expected, "\(condition) on \(slots)")
                if actual != expected { return }
            }
        }
    }
}
