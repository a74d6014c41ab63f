import Foundation

/// The ``InvoiceService`` that calls the platform through the client's pipeline.
struct InvoiceServiceClient: InvoiceService {
    let pipeline: RequestPipeline
    private let structures: StructureServiceClient
    private let references: ReferenceServiceClient
    private let recipients = RecipientProfileCache()

    package init(pipeline: RequestPipeline, structures: StructureServiceClient, references: ReferenceServiceClient) {
        self.pipeline = pipeline
        self.structures = structures
        self.references = references
    }

    // MARK: Files

    public func uploadPDF(_ pdf: Data, fileName: String, format: PDFDepositFormat) async throws -> PDFUpload {
        var problems = InvoiceValidator.fileProblems(name: fileName, size: pdf.count, field: "fichierFacture",
                                                     maximumNameLength: 200, allowedExtensions: ["PDF"])
        if !pdf.starts(with: Data("%PDF".utf8)) {
            problems.append(ValidationProblem(field: "fichierFacture", rule: "file.pdf", message: "the file is not a PDF"))
        }
        if !problems.isEmpty { throw ChorusError.invalid(.deposerPdfFacture, problems) }
        let body = try FileBody.make(fileField: "fichierFacture", file: pdf, otherFields: [
            "nomFichier": .string(fileName), "formatDepot": .string(format.rawValue), "idUtilisateurCourant": .int(0)])
        let response = try await pipeline.send(.deposerPdfFacture, body: body)
        return try pipeline.decode(PDFUpload.self, from: response, operation: .deposerPdfFacture)
    }

    public func addAttachment(_ data: Data, fileName: String, mimeType: MIMEType) async throws -> AttachmentReference {
        let problems = InvoiceValidator.fileProblems(name: fileName, size: data.count, field: "pieceJointeNom")
            + InputLimits.textProblems(mimeType.rawValue, field: "pieceJointeTypeMime")
        if !problems.isEmpty { throw ChorusError.invalid(.ajouterFichierDansSysteme, problems) }
        let body = try FileBody.make(fileField: "pieceJointeFichier", file: data, otherFields: [
            "pieceJointeNom": .string(fileName), "pieceJointeTypeMime": .string(mimeType.rawValue),
            "pieceJointeExtension": .string((fileName as NSString).pathExtension.uppercased()), "idUtilisateurCourant": .int(0)])
        let response = try await pipeline.send(.ajouterFichierDansSysteme, body: body)
        let answer = try pipeline.decode(AttachmentAnswer.self, from: response, operation: .ajouterFichierDansSysteme)
        return AttachmentReference(id: answer.pieceJointeId, designation: fileName)
    }

    public func depositFile(_ data: Data, fileName: String, syntax: FluxSyntax) async throws -> FluxDeposit {
        let problems = InvoiceValidator.fileProblems(name: fileName, size: data.count, field: "fichierFlux", maximumNameLength: 200,
                                                     maximumSize: InvoiceValidator.maximumTotalSize,
                                                     allowedExtensions: ["XML", "PDF", "GZ", "TGZ", "ZIP"])
        if !problems.isEmpty { throw ChorusError.invalid(.deposerFluxFacture, problems) }
        let body = try FileBody.make(fileField: "fichierFlux", file: data, otherFields: [
            "nomFichier": .string(fileName), "syntaxeFlux": .string(syntax.rawValue), "avecSignature": false, "idUtilisateurCourant": .int(0)])
        let response = try await pipeline.send(.deposerFluxFacture, body: body)
        return try pipeline.decode(FluxDeposit.self, from: response, operation: .deposerFluxFacture)
    }

    public func depositDocument(_ document: InvoiceDocument, syntax: FluxSyntax, requirement: InvoicingRequirement?) async throws -> FluxDeposit {
        try await checkBeforeDeposit(document, requirement: requirement)
        let data: Data
        switch syntax {
        case .ubl: data = UBLWriter.write(document)
        case .cii: data = CIIWriter.write(document)
        default:
            throw ChorusError.invalidInput(.deposerFluxFacture, field: "syntaxeFlux", rule: "document.syntax",
                                           "documents are written as IN_DP_E1_CII_16B or IN_DP_E1_UBL_INVOICE")
        }
        return try await depositFile(data, fileName: "\(document.number.filter { $0.isLetter || $0.isNumber || $0 == "-" }).xml",
                                     syntax: syntax)
    }

    public func depositFacturX(_ document: InvoiceDocument, font: TrueTypeFont, requirement: InvoicingRequirement?) async throws -> FluxDeposit {
        try await checkBeforeDeposit(document, requirement: requirement)
        let pdf: Data
        do { pdf = try FacturXWriter.write(document, font: font) } catch {
            throw ChorusError.invalidInput(.deposerFluxFacture, field: "fichierFlux", rule: "facturx.write", "\(error)")
        }
        return try await depositFile(pdf, fileName: "\(document.number.filter { $0.isLetter || $0.isNumber || $0 == "-" }).pdf",
                                     syntax: .facturX)
    }

    /// The document rules, with the recipient's requirement looked up when not given.
    private func checkBeforeDeposit(_ document: InvoiceDocument, requirement: InvoicingRequirement?) async throws {
        var needs = requirement
        if needs == nil, let siret = document.buyer.identifier?.value {
            needs = try await structures.recipient(siret: siret, serviceCode: document.buyerReference).requirement
        }
        let problems = DocumentValidator.problems(in: document, profile: .chorusPro(needs ?? .nothing))
        if !problems.isEmpty { throw ChorusError.invalid(.deposerFluxFacture, problems) }
    }

    // MARK: Checking and submitting

    public func validate(_ submission: InvoiceSubmission, checkRecipient: Bool) async throws -> [ValidationProblem] {
        try await prepare(submission, checkRecipient: checkRecipient).problems
    }

    public func submit(_ submission: InvoiceSubmission) async throws -> SubmittedInvoice {
        let prepared = try await prepare(submission, checkRecipient: true)
        if !prepared.problems.isEmpty { throw ChorusError.invalid(.soumettreFacture, prepared.problems) }
        let body = try pipeline.encode(InvoiceWire.body(submission, breakdown: prepared.breakdown, totals: prepared.totals),
                                       for: .soumettreFacture)
        let clock = pipeline.configuration.clock
        var lookup = LostAnswerLookup(submission: submission, totals: prepared.totals, day: CalendarDate(clock.now()))
        let journal = pipeline.configuration.submissionJournal
        let key = SHA256.digest(body).map { String(format: "%02x", $0) }.joined()
        if let journal, let last = try await journal.lastRecord(for: key), last.stage == .intent {
            // An earlier run sent this very invoice and did not live to hear the answer: look before sending.
            lookup.day = min(lookup.day, CalendarDate(last.date))
            let candidates = try await matchingAfterLostAnswer(lookup).filter { !last.existingInvoiceIDs.contains($0.id) }
            if let found = try recovered(from: candidates, after: nil) {
                await record(SubmissionRecord(key: key, stage: .submitted, date: clock.now(), invoiceID: found.id), in: journal)
                return found
            }
            lookup.day = CalendarDate(clock.now())  // not created: a fresh submission from here on
        }
        // A structured invoice gets its number from the platform: remember which matching invoices exist
        // before sending, so a lost answer can be recognised afterwards.
        let existing = submission.mode == .structured ? Set(try await matching(lookup).map(\.id)) : []
        try await journal?.append(SubmissionRecord(key: key, stage: .intent, date: clock.now(), existingInvoiceIDs: existing.sorted()))
        do {
            let submitted = try await sendOnce(body, lookup: lookup, existing: existing)
            if let journal { await record(SubmissionRecord(key: key, stage: .submitted, date: clock.now(), invoiceID: submitted.id), in: journal) }
            return submitted
        } catch let error as ChorusError where error.outcome != .unknown {
            if let journal { await record(SubmissionRecord(key: key, stage: .notCreated, date: clock.now()), in: journal) }
            throw error
        }
    }

    /// Sends `soumettre` and, whenever the outcome is unknown, looks the invoice up before sending again.
    private func sendOnce(_ body: Data, lookup: LostAnswerLookup, existing: Set<Int>) async throws -> SubmittedInvoice {
        let policy = pipeline.configuration.retryPolicy
        let clock = pipeline.configuration.clock
        let started = clock.now()
        var attempt = 1
        while true {
            do {
                let response = try await pipeline.send(.soumettreFacture, body: body)
                let answer = try pipeline.decode(SubmitAnswer.self, from: response, operation: .soumettreFacture)
                if let submitted = answer.submitted { return submitted }
                throw ChorusError(.decodingFailed, operation: .soumettreFacture,
                                  message: "the answer carries no identifiantFactureCPP; the outcome is unknown.",
                                  httpStatus: response.status)
            } catch let error as ChorusError where error.outcome == .unknown && error.code != .cancelled {
                // (A transport cancelled underneath ends here: the journal keeps the intent for a later look-up.)
                let candidates = try await matchingAfterLostAnswer(lookup).filter { !existing.contains($0.id) }
                if let found = try recovered(from: candidates, after: error) { return found }
                // Not created: safe to send again, within the retry policy's limits.
                let elapsed = Duration.milliseconds(Int64(clock.now().timeIntervalSince(started) * 1000))
                guard let delay = policy.delay(after: error, attempt: attempt, idempotent: true, elapsed: elapsed) else { throw error }
                try await clock.sleep(delay)  // cancelled: CancellationError, the journal keeps the intent for a later look-up
                attempt += 1
            }
        }
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
            pipeline.warn("the submission journal could not record \(record.stage): \(error)", operation: .soumettreFacture)
        }
    }

    /// The look-up after a lost answer. It is a read, so it is tried harder than the retry policy's attempts
    /// (up to 6 rounds with backoff): giving up here would leave the caller not knowing whether the invoice exists.
    private func matchingAfterLostAnswer(_ lookup: LostAnswerLookup) async throws -> [InvoiceSummary] {
        var round = 1
        while true {
            do {
                return try await matching(lookup)
            } catch let error as ChorusError {
                // Only a transient failure may end differently next round (an unreadable answer will not).
                guard round < 6, error.isTransient else {
                    throw ChorusError(.ambiguousOutcome, operation: .soumettreFacture,
                                      message: "the answer was lost and the search that would tell whether the invoice exists failed.",
                                      underlyingError: error)
                }
                try await pipeline.configuration.clock.sleep(.milliseconds(250 << round))
                round += 1
            }
        }
    }

    /// Invoices that could be this submission: same supplier, same total including tax, deposited since
    /// yesterday, and the same number when the supplier gave one; rejected ones excluded.
    private func matching(_ lookup: LostAnswerLookup) async throws -> [InvoiceSummary] {
        let query = InvoiceQuery(invoiceNumber: lookup.submission.mode.carriesPDF ? lookup.submission.invoiceNumber : nil,
                                 supplierID: lookup.submission.supplierID, depositedFrom: lookup.day.adding(days: -1),
                                 minimumIncludingTax: lookup.totals.includingTax, maximumIncludingTax: lookup.totals.includingTax)
        return try await searchAll(query, pageSize: 100).collect().filter { invoice in
            invoice.status != .rejected
                && (invoice.recipientSIRET == nil || invoice.recipientSIRET == lookup.submission.recipientSIRET.filter { $0 != " " })
        }
    }

    private struct LostAnswerLookup {
        let submission: InvoiceSubmission
        let totals: InvoiceTotals
        /// The day it was (or may have been) sent: the search covers from the day before.
        var day: CalendarDate
    }

    private struct Prepared {
        var breakdown: [VATBreakdownLine]
        var totals: InvoiceTotals
        var problems: [ValidationProblem]
    }

    /// Checks in two passes: first offline (any problem ends it there, with zero requests sent), then with
    /// the platform's VAT table and the recipient's rules.
    private func prepare(_ submission: InvoiceSubmission, checkRecipient: Bool) async throws -> Prepared {
        let today = CalendarDate(pipeline.configuration.clock.now())
        var offline = InvoiceValidator(today: today, checkDigit: pipeline.checkDigitPolicy)
        offline.vatCodesKnown = false
        let offlineProblems = offline.problems(in: submission)
        if !offlineProblems.isEmpty {
            return Prepared(breakdown: [], totals: InvoiceTotals(excludingTax: .zero, vat: .zero, includingTax: .zero, amountToPay: .zero),
                            problems: offlineProblems)
        }
        var percentages: [String: Amount] = [:]
        if InvoiceValidator.usesRateCodes(submission) {
            for rate in try await references.vatRates(language: .french) { percentages[rate.code] = rate.percentage }
        }
        var problems: [ValidationProblem] = []
        var profile: RecipientProfile?
        if checkRecipient {
            do {
                let structures = self.structures
                profile = try await recipients.profile(siret: submission.recipientSIRET, serviceCode: submission.serviceCode,
                                                       now: pipeline.configuration.clock.now()) {
                    try await structures.recipient(siret: submission.recipientSIRET, serviceCode: submission.serviceCode)
                }
            } catch let error as ChorusError where [.invalidInput, .recipientNotFound, .recipientInactive].contains(error.code) {
                // The look-up names the caller's `siret`; in a submission that is the recipient's wire field.
                var problem = error.asProblem
                if problem.field == "siret" { problem.field = "destinataire.codeDestinataire" }
                problems.append(problem)
            }
        }
        let validator = InvoiceValidator(today: today, vatPercentages: percentages,
                                         recipient: profile, checkDigit: pipeline.checkDigitPolicy)
        problems += validator.problems(in: submission)
        if checkRecipient, submission.recipientIsState, let commitment = submission.commitmentNumber, !commitment.isEmpty,
           problems.isEmpty,
           try await structures.commitments(number: commitment, supplierID: submission.supplierID).isEmpty {
            problems.append(ValidationProblem(field: "references.numeroBonCommande", rule: "commitment.stateExists",
                                              message: "no State commitment \(commitment) was found for this supplier"))
        }
        let breakdown = submission.vatBreakdown
            ?? (submission.mode == .structured ? InvoiceCalculator.vatBreakdown(of: submission.lines, percentages: percentages) : [])
        let alreadyPaid = submission.framework == .alreadyPaidSupplierInvoice ? submission.amountAlreadyPaid : .zero
        let totals = submission.totals
            ?? InvoiceCalculator.totals(of: breakdown, globalDiscount: submission.globalDiscount, alreadyPaid: alreadyPaid)
        return Prepared(breakdown: breakdown, totals: totals, problems: problems)
    }

    // MARK: Following

    public func fluxReport(_ fluxNumber: String) async throws -> FluxReport {
        let body: WireObject = ["numeroFluxDepot": .string(fluxNumber)]
        do {
            return try await pipeline.call(.consulterCRDetaille, body)
        } catch let error as ChorusError where [.notFound, .notSubscribed, .serverError].contains(error.code) {
            // S1 found consulterCR broken for some formats and the detailed one reliable; we prefer the
            // detailed report and fall back to the summary one only when the detailed call is unavailable — a
            // detailed answer we cannot read is an error, never hidden behind the summary.
            return try await pipeline.call(.consulterCR, body)
        }
    }

    public func waitForFlux(_ fluxNumber: String, timeout: Duration) async throws -> FluxOutcome {
        let report = try await poll(operation: .consulterCRDetaille, timeout: timeout, what: "flux \(fluxNumber)") {
            let report = try await fluxReport(fluxNumber)
            return report.state.isFinal ? report : nil
        }
        let integrated = report.state == .rejected || report.state == .incident ? []
            : try await searchAll(InvoiceQuery(fluxNumber: fluxNumber), pageSize: 100).collect()
        return FluxOutcome(report: report, integrated: integrated, rejected: report.rejections)
    }

    public func search(_ query: InvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary> {
        try await pipeline.callPage(.rechercherFactureParFournisseur, query.wireBody(page: page), listKey: "listeFactures")
    }

    public func searchAll(_ query: InvoiceQuery, pageSize: Int) -> PageSequence<InvoiceSummary> {
        PageSequence(operation: .rechercherFactureParFournisseur, pageSize: pageSize) { number in
            try await search(query, page: PageRequest(pageSize: pageSize, page: number))
        }
    }

    public func details(invoiceID: Int) async throws -> InvoiceDetails {
        try await pipeline.call(.consulterFactureParFournisseur, ["identifiantFactureCPP": .int(invoiceID)] as WireObject)
    }

    public func history(invoiceID: Int) async throws -> InvoiceHistory {
        try await pipeline.call(.consulterHistoriqueFacture, ["idFacture": .int(invoiceID)] as WireObject)
    }

    public func waitForStatus(invoiceID: Int, in statuses: Set<InvoiceStatus>, timeout: Duration) async throws -> InvoiceHistory {
        try await poll(operation: .consulterHistoriqueFacture, timeout: timeout, what: "invoice \(invoiceID)") {
            let history = try await history(invoiceID: invoiceID)
            return statuses.contains(history.currentStatus) || history.currentStatus.isFinal ? history : nil
        }
    }

    public func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data {
        try await InvoiceDownload.fetch(invoiceIDs, format: format, includeAttachments: includeAttachments, pipeline: pipeline)
    }

    public func complete(invoiceID: Int, comment: String?, attachments: [AttachmentReference]) async throws -> CompletionResult {
        let problems = comment.map { InputLimits.textProblems($0, field: "commentaire", multiline: true) } ?? []
        if !problems.isEmpty { throw ChorusError.invalid(.completerFacture, problems) }
        let body: WireObject = ["identifiantFactureCPP": .int(invoiceID), "commentaire": .text(comment),
                                "pieceJointeComplementaire": .array(attachments.map(InvoiceWire.extra)), "idUtilisateurCourant": .int(0)]
        return try await pipeline.call(.completerFacture, body)
    }

    public func recycle(invoiceID: Int, recipientSIRET: String, serviceCode: String?, commitmentNumber: String?,
                        comment: String?) async throws -> RecycleResult {
        let identifier = try StructureIdentifier.siret(recipientSIRET, checkDigit: pipeline.checkDigitPolicy)
        var problems = InputLimits.textProblems(serviceCode ?? "", field: "destinataire.codeServiceExecutant")
        problems += InputLimits.textProblems(commitmentNumber ?? "", field: "reference.numeroBonCommande", limitKey: "references.numeroBonCommande")
        problems += InputLimits.textProblems(comment ?? "", field: "commentaire", multiline: true)
        if !problems.isEmpty { throw ChorusError.invalid(.recyclerFacture, problems) }
        // `reference` (singular) as S2 sends it; the reference marks the key unverified.
        let body: WireObject = ["identifiantFactureCPP": .int(invoiceID),
                                "destinataire": .object(["codeDestinataire": .string(identifier.value),
                                                         "codeServiceExecutant": .text(serviceCode)]),
                                "reference": .object(["numeroBonCommande": .text(commitmentNumber)]),
                                "commentaire": .text(comment), "idUtilisateurCourant": .int(0)]
        return try await pipeline.call(.recyclerFacture, body)
    }

    public func acknowledgeRejections(invoiceIDs: [Int], reason: String?, details: String?) async throws {
        var problems = InputLimits.textProblems(reason ?? "", field: "motifRejet", multiline: true)
        problems += InputLimits.textProblems(details ?? "", field: "cpltInfos", multiline: true)
        if invoiceIDs.isEmpty {
            problems.append(ValidationProblem(field: "listeDemandePaiement", rule: "required", message: "name at least one invoice"))
        }
        if !problems.isEmpty { throw ChorusError.invalid(.traiterFacturesRejetees, problems) }
        let body: WireObject = ["listeDemandePaiement": .array(invoiceIDs.map { .object(["idDemandePaiement": .int($0)]) }),
                                "motifRejet": .text(reason), "cpltInfos": .text(details)]
        let _: EmptyAnswer = try await pipeline.call(.traiterFacturesRejetees, body)
    }

    public func correctValidator(invoiceID: Int, validatorIdentifier: String, identifierType: StructureIdentifierType,
                                 validatorStructureID: Int?) async throws {
        var identifier = validatorIdentifier.trimmingCharacters(in: .whitespaces)
        if identifierType == .siret {
            identifier = try StructureIdentifier.siret(identifier, checkDigit: pipeline.checkDigitPolicy).value
        } else if identifier.isEmpty {
            throw ChorusError.invalidInput(.corrigerValideurFacture, field: "identifiantStructure", rule: "required",
                                           "the validator's identifier is required")
        }
        let body: WireObject = ["idFacture": .int(invoiceID), "identifiantStructure": .string(identifier),
                                "typeIdentifiantStructure": .string(identifierType.rawValue),
                                "idStructure": validatorStructureID.map(WireValue.int) ?? .null]
        let _: EmptyAnswer = try await pipeline.call(.corrigerValideurFacture, body)
    }

    public func searchPaymentRequests(_ query: PaymentRequestQuery) async throws -> [PaymentRequest] {
        let answer: KeyedList<PaymentRequest> = try await pipeline.callList(.rechercherDemandePaiement, query.wireBody,
                                                                            listKey: "listeDemandePaiement")
        return answer.items
    }

    /// Calls `check` until it returns a value, waiting 1 s, 2 s, 4 s… between calls (at most 30 s, or a hundredth of a longer timeout).
    private func poll<Value>(operation: OperationID, timeout: Duration, what: String,
                             _ check: () async throws -> Value?) async throws -> Value {
        let clock = pipeline.configuration.clock
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

private struct AttachmentAnswer: Decodable { let pieceJointeId: Int }
/// An answer with nothing but the envelope (`traiterRejet`, `corriger/valideur/facture`).
private struct EmptyAnswer: Decodable {}

/// `soumettre`'s answer; without `identifiantFactureCPP` the outcome is unknown (§5.10, S9).
///
/// The one lenient reader of the SDK, on purpose: once the answer names the invoice, the invoice exists, and failing
/// the call would invite sending it again (a duplicate). So a side field of an unknown shape is left out (`nil`)
/// rather than failing a committed submission; the status is never assumed.
private struct SubmitAnswer: Decodable {
    var submitted: SubmittedInvoice?

    private enum CodingKeys: String, CodingKey {
        case identifiantFactureCPP, numeroFacture, statutFacture, dateDepot, identifiantStructure, empreinteCertificatDepot
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = try? container.decodeLenientInt(forKey: .identifiantFactureCPP) else { return }
        submitted = SubmittedInvoice(
            id: id, number: (try? container.decodeLenientString(forKey: .numeroFacture)) ?? "",
            status: (try? container.decodeIfPresent(InvoiceStatus.self, forKey: .statutFacture)) ?? nil,
            depositDate: try? container.decodeIfPresent(CalendarDate.self, forKey: .dateDepot),
            supplierIdentifier: try? container.decodeLenientString(forKey: .identifiantStructure),
            certificateFingerprint: try? container.decodeLenientString(forKey: .empreinteCertificatDepot),
            recoveredAfterLostAnswer: false)
    }
}
