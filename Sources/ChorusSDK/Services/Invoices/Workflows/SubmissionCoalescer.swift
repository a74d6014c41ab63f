import Foundation

/// Submissions in flight through one service, by journal key: a second ``InvoiceService/submit(_:)`` of the same
/// invoice while the first is running waits for the first one's outcome instead of sending again (two concurrent calls
/// would otherwise both find no record and both send). Per service, not per process: two clients are two workers, whose
/// coordination is the journal's.
package actor SubmissionCoalescer {
    package init() {}
    private var running: [String: Task<SubmittedInvoice, any Error>] = [:]

    /// Runs `work` for `key`, or joins the run already going for it. Cancelling the caller that started the run
    /// cancels it; a caller that joined stops waiting when cancelled, and the run goes on for the others.
    package func run(_ key: String, _ work: @escaping @Sendable () async throws -> SubmittedInvoice) async throws
        -> SubmittedInvoice
    {
        if let task = running[key] {
            return try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
            }
        }
        let task = Task { try await work() }
        running[key] = task
        defer { running[key] = nil }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
