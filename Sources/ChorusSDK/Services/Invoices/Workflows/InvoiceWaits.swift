import Foundation

// Paging and waiting, built on the platform operations `search`, `fluxReport` and `history` of any InvoiceService.
extension InvoiceService {
    /// Every page of a search, fetched as the sequence is read.
    public func searchAll(_ query: InvoiceQuery, pageSize: Int) -> PageSequence<InvoiceSummary> {
        PageSequence(operation: .rechercherFactureParFournisseur, pageSize: pageSize) { number in
            try await search(query, page: PageRequest(pageSize: pageSize, page: number))
        }
    }

    /// Polls a flux with backoff until a final state, then returns its integrated and rejected invoices; ends with
    /// ``ChorusError/Code/waitTimedOut`` after `timeout`.
    public func waitForFlux(_ fluxNumber: String, timeout: Duration) async throws -> FluxOutcome {
        let report = try await poll(operation: .consulterCRDetaille, timeout: timeout, what: "flux \(fluxNumber)") {
            let report = try await fluxReport(fluxNumber)
            return report.state.isFinal ? report : nil
        }
        let integrated = report.state == .rejected || report.state == .incident ? []
            : try await searchAll(InvoiceQuery(fluxNumber: fluxNumber), pageSize: 100).collect()
        return FluxOutcome(report: report, integrated: integrated, rejected: report.rejections)
    }

    /// Polls the history with backoff until one of `statuses` (or a final status); ends with
    /// ``ChorusError/Code/waitTimedOut`` after `timeout`.
    public func waitForStatus(invoiceID: Int, in statuses: Set<InvoiceStatus>, timeout: Duration) async throws -> InvoiceHistory {
        try await poll(operation: .consulterHistoriqueFacture, timeout: timeout, what: "invoice \(invoiceID)") {
            let history = try await history(invoiceID: invoiceID)
            return statuses.contains(history.currentStatus) || history.currentStatus.isFinal ? history : nil
        }
    }

    /// Calls `check` until it returns a value, waiting 1 s, 2 s, 4 s… between calls (at most 30 s, or a hundredth of a
    /// longer timeout) on the workflow's clock.
    private func poll<Value>(operation: OperationID, timeout: Duration, what: String,
                             _ check: () async throws -> Value?) async throws -> Value {
        let clock = workflow.clock
        let deadline = clock.now().addingTimeInterval(timeout.timeInterval)
        var interval = Duration.seconds(1)
        // At most 30 s between looks, or a hundredth of a long wait: a day-long wait looks about every 15 minutes
        // (some 100 calls) rather than every 30 s (2,880 calls).
        let longest = max(Duration.seconds(30), timeout / 100)
        while true {
            if let value = try await check() { return value }
            let remaining = deadline.timeIntervalSince(clock.now())
            guard remaining > 0 else {
                throw ChorusError(.waitTimedOut, operation: operation, message: "\(what) did not reach the awaited state within \(timeout).")
            }
            try await clock.sleep(min(interval, .milliseconds(Int64(remaining * 1000))))  // cancelled: CancellationError
            interval = min(interval * 2, longest)
        }
    }
}
