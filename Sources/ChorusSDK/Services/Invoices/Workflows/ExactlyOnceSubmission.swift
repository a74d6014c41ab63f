import Foundation

// Exactly-once submission, built on `sendSubmission` (one `soumettre`) and `search` of any InvoiceService, with the
// workflow's journal, clock and retry policy.
extension InvoiceService {
    /// Validates, then submits (`soumettre`, through ``sendSubmission(_:)``) exactly once: when the answer is lost,
    /// the invoice is looked up before anything is sent again, and with a journal a crash between sending and hearing
    /// the answer is reconciled by the next run.
    ///
    /// The journal knows a submission by its key (``InvoiceSubmission/idempotencyKey``, or the invoice's content): a key
    /// already recorded as created returns that invoice and sends nothing (``SubmittedInvoice/alreadySubmitted``), and
    /// concurrent calls for one key in this process share one send.
    public func submit(_ submission: InvoiceSubmission) async throws -> SubmittedInvoice {
        let (prepared, problems) = try await prepare(submission, checkRecipient: true)
        if !problems.isEmpty { throw ChorusError.invalid(.soumettreFacture, problems) }
        let key = try prepared.journalKey()
        return try await workflow.submissionsInFlight.run(key) {
            try await self.whileClaimed(key) { try await self.submitOnce(prepared, key: key) }
        }
    }

    /// Runs `work` while holding the journal's claim on `key`: another worker (process or machine) submitting the same
    /// invoice waits here, then finds the outcome recorded. Waits in real time, up to ``InvoiceWorkflowSettings/claimWait``.
    private func whileClaimed(_ key: String, _ work: () async throws -> SubmittedInvoice) async throws -> SubmittedInvoice {
        guard let journal = workflow.submissionJournal else { return try await work() }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: workflow.claimWait)
        var pause = Duration.milliseconds(10)
        let claim: SubmissionClaim
        while true {
            if let granted = try await journal.claim(key) {
                claim = granted
                break
            }
            guard clock.now < deadline else {
                throw ChorusError(.submissionInProgress, operation: .soumettreFacture,
                                  message: "another worker has been submitting this invoice for more than \(workflow.claimWait.components.seconds) s "
                                      + "(journal key \(key.prefix(16))…); this call sent nothing.")
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(250))
        }
        do {
            let submitted = try await work()
            await journal.release(claim)
            return submitted
        } catch {
            await journal.release(claim)
            throw error
        }
    }

    private func submitOnce(_ prepared: PreparedSubmission, key: String) async throws -> SubmittedInvoice {
        let submission = prepared.submission
        let workflow = self.workflow
        let clock = workflow.clock
        var lookup = LostAnswerLookup(submission: submission, totals: prepared.totals, recipientID: prepared.recipientID,
                                      day: CalendarDate(clock.now()))
        let journal = workflow.submissionJournal
        let digest = try prepared.contentDigest()
        var last = try await journal?.lastRecord(for: key)
        if last == nil, submission.idempotencyKey == nil, let journal {
            // Records of earlier SDK versions keyed a submission by its whole body, attachment ids included.
            last = try await journal.lastRecord(for: SHA256.digest(try prepared.body()).map { String(format: "%02x", $0) }.joined())
        }
        if let last, let recorded = last.contentDigest, recorded != digest, submission.idempotencyKey != nil {
            throw ChorusError(.invalidInput, operation: .soumettreFacture,
                              message: "the idempotency key \(submission.idempotencyKey ?? "") was already used for a different invoice; nothing was sent",
                              field: "idempotencyKey", rule: "idempotencyKey.sameInvoice")
        }
        if let last, last.stage == .submitted, let id = last.invoiceID {
            // Already created by an earlier call or run: answer with that invoice, send nothing.
            return try await alreadySubmitted(id: id, number: last.invoiceNumber)
        }
        if let journal, let last, last.stage != .notCreated {
            // An earlier run sent this very invoice and did not live to hear the answer (an intent, or a stage a newer
            // SDK wrote that this one cannot read as an outcome): look before sending.
            lookup.day = min(lookup.day, CalendarDate(last.date))
            // Its last request may still be on its way or held at the platform: let it land before looking.
            let age = Duration.milliseconds(Int64(clock.now().timeIntervalSince(last.date) * 1000))
            if last.stage == .intent, age < workflow.settleTime { try await clock.sleep(workflow.settleTime - age) }
            // A snapshot with an unreadable item, or a full page, may have missed older look-alikes (see `matching`).
            let snapshot = Snapshot(ids: Set(last.existingInvoiceIDs),
                                    isComplete: last.existingInvoicesComplete ?? (last.existingInvoiceIDs.count < Self.lookupPageSize))
            let candidates = try await matchingAfterLostAnswer(lookup, excluding: snapshot)
            if let found = try recovered(from: candidates, after: nil) {
                await record(SubmissionRecord(key: key, stage: .submitted, date: clock.now(), invoiceID: found.id,
                                              invoiceNumber: found.number, contentDigest: digest), in: journal)
                return found
            }
            lookup.day = CalendarDate(clock.now())  // not created: a fresh submission from here on
        }
        // A structured invoice gets its number from the platform: remember which matching invoices exist
        // before sending, so a lost answer can be recognised afterwards.
        var existing = Snapshot(ids: [], isComplete: true)
        if submission.mode == .structured {
            let found = try await matching(lookup)
            // An item that could not be read before sending has no id to recognise it by afterwards: not a whole list.
            existing = Snapshot(ids: Set(found.candidates.map(\.id)), isComplete: found.isComplete && found.skipped.isEmpty)
        }
        try await journal?.append(SubmissionRecord(key: key, stage: .intent, date: clock.now(), existingInvoiceIDs: existing.ids.sorted(),
                                                   existingInvoicesComplete: existing.isComplete, contentDigest: digest))
        do {
            let submitted = try await sendOnce(prepared, lookup: lookup, existing: existing)
            if let journal {
                await record(SubmissionRecord(key: key, stage: .submitted, date: clock.now(), invoiceID: submitted.id,
                                              invoiceNumber: submitted.number, contentDigest: digest), in: journal)
            }
            return submitted
        } catch let error as ChorusError where error.outcome != .unknown {
            if let journal { await record(SubmissionRecord(key: key, stage: .notCreated, date: clock.now(), contentDigest: digest), in: journal) }
            throw error
        }
    }

    /// Sends `soumettre` and, whenever the outcome is unknown, looks the invoice up before sending again.
    private func sendOnce(_ prepared: PreparedSubmission, lookup: LostAnswerLookup, existing: Snapshot) async throws -> SubmittedInvoice {
        let policy = workflow.retryPolicy
        let clock = workflow.clock
        let started = clock.now()
        var attempt = 1
        while true {
            do {
                return try await sendSubmission(prepared)
            } catch let error as ChorusError where error.outcome == .unknown && error.code != .cancelled {
                // (A transport cancelled underneath ends here: the journal keeps the intent for a later look-up.)
                let candidates = try await matchingAfterLostAnswer(lookup, excluding: existing)
                if let found = try recovered(from: candidates, after: error) { return found }
                // Not created: safe to send again, within the retry policy's limits.
                let elapsed = Duration.milliseconds(Int64(clock.now().timeIntervalSince(started) * 1000))
                guard let delay = policy.delay(after: error, attempt: attempt, idempotent: true, elapsed: elapsed) else { throw error }
                // Cancelled: CancellationError, and the journal keeps the intent for a later look-up.
                try await clock.sleep(delay)
                attempt += 1
            }
        }
    }

    /// The invoice an earlier call recorded as created: from the journal when it holds the number, else read once
    /// (`consulter/fournisseur`). Never sent again.
    private func alreadySubmitted(id: Int, number: String?) async throws -> SubmittedInvoice {
        if let number {
            return SubmittedInvoice(id: id, number: number, status: nil, depositDate: nil, supplierIdentifier: nil,
                                    certificateFingerprint: nil, alreadySubmitted: true)
        }
        let details = try await details(invoiceID: id)
        return SubmittedInvoice(id: id, number: details.number, status: details.status, depositDate: nil,
                                supplierIdentifier: nil, certificateFingerprint: nil, alreadySubmitted: true)
    }

    /// The invoice found after a lost answer: one candidate is it; several cannot be told apart; none means
    /// it was not created (`nil`).
    private func recovered(from candidates: [InvoiceSummary], after error: ChorusError?) throws -> SubmittedInvoice? {
        if candidates.count > 1 {
            throw ChorusError(.ambiguousOutcome, operation: .soumettreFacture,
                              message: "the answer was lost and \(candidates.count) matching invoices appeared meanwhile; none was sent again.",
                              underlyingError: error)
        }
        return candidates.first.map { found in
            SubmittedInvoice(id: found.id, number: found.number, status: found.status, depositDate: found.depositDate,
                             supplierIdentifier: nil, certificateFingerprint: nil, recoveredAfterLostAnswer: true)
        }
    }

    /// Records an outcome. A failure here is only logged: the outcome is already decided, and a journal
    /// left at "intent" only makes a later re-submission look the invoice up first.
    private func record(_ record: SubmissionRecord, in journal: any SubmissionJournal) async {
        do { try await journal.append(record) } catch {
            workflow.warn("the submission journal could not record \(record.stage): \(error)", operation: .soumettreFacture)
        }
    }

    /// The look-up after a lost answer. It is a read, so it is tried harder than the retry policy's attempts
    /// (up to 6 rounds with backoff): giving up here would leave the caller not knowing whether the invoice exists.
    /// `existing`: the look-alikes seen before sending, which are not this submission.
    private func matchingAfterLostAnswer(_ lookup: LostAnswerLookup, excluding existing: Snapshot) async throws -> [InvoiceSummary] {
        var round = 1
        while true {
            let found: LookupResult
            do {
                found = try await matching(lookup)
            } catch let error as ChorusError {
                // Only a transient failure may end differently next round (an unreadable answer will not).
                guard round < 6, error.isTransient else {
                    throw ChorusError(.ambiguousOutcome, operation: .soumettreFacture,
                                      message: "the answer was lost and the search that would tell whether the invoice exists failed.",
                                      underlyingError: error)
                }
                try await workflow.clock.sleep(.milliseconds(250 << round))
                round += 1
                continue
            }
            // More look-alikes than one page holds, now or before sending: a new one cannot be told from an older one.
            guard found.isComplete, existing.isComplete else {
                throw ChorusError(.ambiguousOutcome, operation: .soumettreFacture,
                                  message: "the answer was lost and there are more invoices of this supplier to this recipient with "
                                      + "the same total since yesterday than the look-up's one page (\(Self.lookupPageSize)) holds, so "
                                      + "the new one cannot be told apart; none was sent again.")
            }
            let fresh = found.candidates.filter { !existing.ids.contains($0.id) }
            // No new look-alike, but an invoice the search served that the SDK could not read: it might be this one, so
            // "not created" cannot be concluded (older look-alikes do not count: they were there before sending).
            // One new look-alike beside it is taken as this invoice, as without the unreadable one: never a resend.
            if fresh.isEmpty, let first = found.skipped.first {
                throw ChorusError(.ambiguousOutcome, operation: .soumettreFacture,
                                  message: "the answer was lost and the search that would tell whether the invoice exists returned "
                                      + "\(found.skipped.count) invoice\(found.skipped.count == 1 ? "" : "s") the SDK could not read "
                                      + "(\(first)) and no other new look-alike; none was sent again.")
            }
            return fresh
        }
    }

    /// The most look-alikes one look-up reads: one page, so a submit costs the same whatever the supplier's history.
    static var lookupPageSize: Int { 100 }

    /// Invoices that could be this submission: same supplier, same recipient (when the checks looked it up), same total
    /// including tax, deposited since yesterday, and the same number when the supplier gave one; rejected ones
    /// excluded. One page only (``lookupPageSize``): `isComplete` says whether it held every match. `skipped`: the
    /// invoices the search served that could not be read (tolerant reading), any of which might be this one.
    private func matching(_ lookup: LostAnswerLookup) async throws -> LookupResult {
        var query = InvoiceQuery(invoiceNumber: lookup.submission.mode.carriesPDF ? lookup.submission.invoiceNumber : nil,
                                 supplierID: lookup.submission.supplierID, depositedFrom: lookup.day.adding(days: -1),
                                 minimumIncludingTax: lookup.totals.includingTax, maximumIncludingTax: lookup.totals.includingTax)
        query.recipientIDs = lookup.recipientID.map { [$0] } ?? []
        let page = try await search(query, page: PageRequest(pageSize: Self.lookupPageSize))
        let served = page.items.count + page.skippedItemCount
        let isComplete = page.info.total.map { $0 <= served } ?? page.info.pageCount.map { $0 <= 1 } ?? (served < Self.lookupPageSize)
        let candidates = page.items.filter { invoice in
            invoice.status != .rejected
                && (invoice.recipientSIRET == nil || invoice.recipientSIRET == lookup.submission.recipientSIRET.filter { $0 != " " })
        }
        return LookupResult(candidates: candidates, skipped: page.issues.filter { $0.consequence == .itemSkipped }, isComplete: isComplete)
    }
}

/// One look-up's answer: the candidates, the items that could not be read, and whether the page held every match.
private struct LookupResult {
    let candidates: [InvoiceSummary]
    let skipped: [DecodingIssue]
    let isComplete: Bool
}

/// The look-alikes that existed before sending (they are not this submission), and whether that list is whole.
private struct Snapshot {
    let ids: Set<Int>
    let isComplete: Bool
}

/// What identifies a submission in a look-up after its answer was lost.
private struct LostAnswerLookup {
    let submission: InvoiceSubmission
    let totals: InvoiceTotals
    /// The recipient's structure id, when known: the look-up is narrowed to it.
    let recipientID: Int?
    /// The day it was (or may have been) sent: the search covers from the day before.
    var day: CalendarDate
}
