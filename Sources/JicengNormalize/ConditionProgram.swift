/// A `SlotCondition` flattened into postfix instructions of plain values, evaluated with a small
/// stack: no enum boxes and no reference counting per row, which matters when every row is tested
/// against dozens of measure filters.
public struct ConditionProgram: Sendable {
    public struct Instruction: Sendable {
        public enum Kind: UInt8, Sendable { case compare, isIn, isSet, isTrue, and, or, not }
        public var kind: Kind
        public var op: UInt8  // ComparisonOperator index for .compare
        public var slot: Int32
        public var value: Double  // .compare operand
        public var start: Int32  // .isIn: first value in `values`; .and/.or: operand count
        public var count: Int32  // .isIn: number of values
    }

    public private(set) var instructions: [Instruction] = []
    public private(set) var values: [Int64] = []

    public init(_ condition: SlotCondition) {
        emit(condition)
        precondition(Self.depth(condition) < 60, "a condition nested more than 60 levels deep")
    }

    private static func depth(_ c: SlotCondition) -> Int {
        switch c {
        case .and(let cs), .or(let cs): return 1 + (cs.map(depth).max() ?? 0)
        case .not(let x): return 1 + depth(x)
        default: return 1
        }
    }

    private mutating func emit(_ c: SlotCondition) {
        switch c {
        case .compare(let slot, let op, let value):
            let index: UInt8 =
                switch op {
                case .equal: 0
                case .notEqual: 1
                case .less: 2
                case .lessOrEqual: 3
                case .greater: 4
                case .greaterOrEqual: 5
                }
            instructions.append(Instruction(kind: .compare, op: index, slot: Int32(slot), value: value, start: 0, count: 0))
        case .isIn(let slot, let list):
            instructions.append(
                Instruction(kind: .isIn, op: 0, slot: Int32(slot), value: 0, start: Int32(values.count), count: Int32(list.count)))
            values.append(contentsOf: list)
        case .isSet(let slot):
            instructions.append(Instruction(kind: .isSet, op: 0, slot: Int32(slot), value: 0, start: 0, count: 0))
        case .isTrue(let slot):
            instructions.append(Instruction(kind: .isTrue, op: 0, slot: Int32(slot), value: 0, start: 0, count: 0))
        case .and(let cs), .or(let cs):
            // Binary steps, so the stack never holds more than the nesting depth + 1.
            let kind: Instruction.Kind = if case .and = c { .and } else { .or }
            guard let first = cs.first else {
                instructions.append(Instruction(kind: kind, op: 0, slot: 0, value: 0, start: 0, count: 0))
                return
            }
            emit(first)
            for x in cs.dropFirst() {
                emit(x)
                instructions.append(Instruction(kind: kind, op: 0, slot: 0, value: 0, start: 2, count: 0))
            }
        case .not(let x):
            emit(x)
            instructions.append(Instruction(kind: .not, op: 0, slot: 0, value: 0, start: 0, count: 0))
        }
    }

    /// Evaluates over a row's slots; `instructions` and `values` are the program's buffers (so the
    /// caller can hold them as unsafe pointers for the run).
    /// The value of one leaf instruction (a comparison or a test of one slot): most conditions
    /// are a single leaf, which the measure sink evaluates with this alone.
    @inlinable @inline(__always)
    public static func leafHolds(_ ins: Instruction, _ values: UnsafeBufferPointer<Int64>, _ slots: UnsafePointer<Int64>) -> Bool {
        let v = slots[Int(ins.slot)]
        switch ins.kind {
        case .compare:
            if v == Int64.min { return false }
            let d = Double(v)
            switch ins.op {
            case 0: return d == ins.value
            case 1: return d != ins.value
            case 2: return d < ins.value
            case 3: return d <= ins.value
            case 4: return d > ins.value
            default: return d >= ins.value
            }
        case .isIn:
            if v == Int64.min { return false }
            for k in Int(ins.start)..<Int(ins.start + ins.count) where values[k] == v { return true }
            return false
        case .isSet:
            return v != Int64.min
        case .isTrue:
            return v != Int64.min && v != 0
        case .and, .or, .not:
            preconditionFailure("not a leaf")
        }
    }

    /// Inlinable, so that the measure sink (another module) evaluates its conditions without a
    /// call per measure per row.
    @inlinable @inline(__always)
    public static func holds(_ code: UnsafeBufferPointer<Instruction>, _ values: UnsafeBufferPointer<Int64>, _ slots: UnsafePointer<Int64>)
        -> Bool
    {
        // Depth is bounded by the program length; conditions are small.
        var stack: (UInt64, Int) = (0, 0)  // a bit stack of up to 64 entries
        func push(_ b: Bool) {
            stack.0 = (stack.0 << 1) | (b ? 1 : 0)
            stack.1 += 1
        }
        func pop() -> Bool {
            let b = stack.0 & 1 == 1
            stack.0 >>= 1
            stack.1 -= 1
            return b
        }
        for ins in code {
            switch ins.kind {
            case .compare, .isIn, .isSet, .isTrue:
                push(leafHolds(ins, values, slots))
            case .and:
                var all = true
                for _ in 0..<Int(ins.start) where !pop() { all = false }
                push(all)
            case .or:
                var any = false
                for _ in 0..<Int(ins.start) where pop() { any = true }
                push(any)
            case .not:
                push(!pop())
            }
        }
        return pop()
    }
}
