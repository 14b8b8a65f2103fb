/// The `Int64` slots one worker normalises a row into, freed with the last worker state that
/// holds them.
///
/// Exists because the slots are written per cell through a raw pointer (no bounds or uniqueness
/// checks in the hot loop), and a raw allocation needs an owner to deallocate it: before this
/// class, every file read leaked `slotCount × 8` bytes per worker (found by LeakSanitizer while
/// fuzzing).
final class SlotBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Int64>

    init(count: Int) {
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: missingSlot, count: max(1, count))
    }

    deinit { pointer.deallocate() }
}
