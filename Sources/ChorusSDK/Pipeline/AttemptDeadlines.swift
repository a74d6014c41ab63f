import Foundation

/// The per-attempt deadlines of every client, kept by one timer thread: how ``DeadlineTransport`` times out a transport
/// that has no timer of its own (the in-memory fake, a user's transport).
///
/// Why not `Task.sleep(for:)` per attempt: each attempt then cost a child task sleeping on a runtime timer, and a
/// cancelled sleep keeps its timer until the full attempt timeout. Over the in-memory fake a structure search cost
/// 479 µs of CPU that way and 278 µs with this (`chorus-bench --only cpu`, release, 2026-12-03). Here a finished
/// attempt is forgotten at once and the thread wakes only when a deadline is due.
final class AttemptDeadlines: @unchecked Sendable {
    static let shared = AttemptDeadlines()

    private enum State {
        case registering
        case waiting(CheckedContinuation<Bool, Never>)
        case cancelled
    }

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let id: UInt64
    }

    private let condition = NSCondition()
    private var states: [UInt64: State] = [:]
    private var deadlines: [UInt64: ContinuousClock.Instant] = [:]
    /// A min-heap by deadline; entries of finished attempts are dropped when they reach the top or at a compaction.
    private var heap: [Entry] = []
    private var lastID: UInt64 = 0
    private var threadStarted = false

    /// Waits until `limit` has passed (`true`) or the calling task is cancelled (`false`, at once).
    func expired(after limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        let id: UInt64 = condition.withLock {
            lastID += 1
            states[lastID] = .registering
            return lastID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                condition.lock()
                if case .cancelled? = states[id] {
                    states[id] = nil
                    condition.unlock()
                    continuation.resume(returning: false)
                    return
                }
                states[id] = .waiting(continuation)
                push(Entry(deadline: deadline, id: id))  // first: a compaction keeps the attempts already waiting
                deadlines[id] = deadline
                if !threadStarted {
                    threadStarted = true
                    let thread = Thread { [self] in run() }
                    thread.name = "ChorusSDK attempt deadlines"
                    thread.start()
                }
                if heap.first?.id == id { condition.signal() }  // earlier than what the thread waits for
                condition.unlock()
            }
        } onCancel: {
            condition.lock()
            let state = states[id]
            switch state {
            case .registering?: states[id] = .cancelled
            case .waiting?:
                states[id] = nil
                deadlines[id] = nil
            default: break
            }
            condition.unlock()
            if case .waiting(let continuation)? = state { continuation.resume(returning: false) }
        }
    }

    /// How many attempts are waiting, and how many heap entries are kept (for tests: both stay bounded).
    var counts: (pending: Int, heap: Int) { condition.withLock { (states.count, heap.count) } }

    private func run() {
        condition.lock()
        while true {
            while let top = heap.first, deadlines[top.id] == nil { pop() }  // finished attempts
            guard let top = heap.first else {
                condition.wait()
                continue
            }
            let remaining = top.deadline - ContinuousClock.now
            if remaining > .zero {
                _ = condition.wait(until: Date(timeIntervalSinceNow: remaining.timeInterval))
                continue
            }
            pop()
            deadlines[top.id] = nil
            let state = states.removeValue(forKey: top.id)
            condition.unlock()
            if case .waiting(let continuation)? = state { continuation.resume(returning: true) }
            condition.lock()
        }
    }

    // MARK: The heap (under the lock)

    private func push(_ entry: Entry) {
        if heap.count > 4096, heap.count > 4 * deadlines.count { compact() }
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count, heap[right].deadline < heap[smallest].deadline { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Rebuilds the heap from the attempts still waiting, when finished ones make up most of it.
    private func compact() {
        heap = deadlines.map { Entry(deadline: $0.value, id: $0.key) }.sorted { $0.deadline < $1.deadline }
    }
}
