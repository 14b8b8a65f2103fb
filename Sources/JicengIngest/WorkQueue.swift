import Foundation

/// A bounded first-in-first-out queue between the reading thread and the workers: `push` blocks
/// while it is full, which bounds the memory held by chunks in flight.
final class WorkQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var head = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func push(_ item: Item) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// Returns nil once the queue is closed and drained.
    func pop() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Chunk outputs parked until every earlier chunk's output has been handed on, so the caller sees
/// them in file order whatever order the workers finish in.
final class OrderedResults<Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Int: Output] = [:]
    private var next = 0
    private var finishedWorkers = 0

    func put(_ index: Int, _ output: Output) {
        condition.lock()
        pending[index] = output
        condition.broadcast()
        condition.unlock()
    }

    func workerFinished() {
        condition.lock()
        finishedWorkers += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Outputs that are next in order, without waiting.
    func takeReady() -> [Output] {
        condition.lock()
        defer { condition.unlock() }
        return takeLocked()
    }

    /// Waits for all `workers` to finish, then returns the rest in order.
    func takeAll(workers: Int) -> [Output] {
        condition.lock()
        defer { condition.unlock() }
        while finishedWorkers < workers { condition.wait() }
        return takeLocked()
    }

    private func takeLocked() -> [Output] {
        var out: [Output] = []
        while let o = pending.removeValue(forKey: next) {
            out.append(o)
            next += 1
        }
        return out
    }
}

/// A worker state handed back from a worker thread.
final class StateBox<State>: @unchecked Sendable {
    var state: State?
}
