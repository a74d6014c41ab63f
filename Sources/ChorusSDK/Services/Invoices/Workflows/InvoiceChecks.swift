import Foundation

// Local checks and document deposits, built on `depositFile` and the workflow's sibling services.
extension InvoiceService {
    /// Every problem of a submission, checked locally (and against the recipient's rules when `checkRecipient` is true
    /// and the workflow has a ``InvoiceWorkflowSettings/structures`` service); nothing is submitted.
    public func validate(_ submission: InvoiceSubmission, checkRecipient: Bool) async throws -> [ValidationProblem] {
        try await prepare(submission, checkRecipient: checkRecipient).problems
    }

    /// Validates an EN 16931 document against the official rules and Chorus Pro's (the recipient's requirement looked
    /// up unless given), writes it as CII or UBL, and deposits it (`IN_DP_E1_CII_16B`, `IN_DP_E1_UBL_INVOICE`).
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

    /// Validates a document, writes it as a Factur-X PDF/A-3 with `font`, and deposits it (`IN_DP_E2_CII_FACTURX`).
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
        if needs == nil, let siret = document.buyer.identifier?.value, let structures = workflow.structures {
            needs = try await structures.recipient(siret: siret, serviceCode: document.buyerReference).requirement
        }
        let problems = DocumentValidator.problems(in: document, profile: .chorusPro(needs ?? .nothing))
        if !problems.isEmpty { throw ChorusError.invalid(.deposerFluxFacture, problems) }
    }

    /// Checks in two passes: first offline (any problem ends it there, with zero requests sent), then with
    /// the platform's VAT table and the recipient's rules (when the workflow has the sibling services).
    package func prepare(_ submission: InvoiceSubmission, checkRecipient: Bool) async throws -> (prepared: PreparedSubmission, problems: [ValidationProblem]) {
        let workflow = self.workflow
        let today = CalendarDate(workflow.clock.now())
        var offline = InvoiceValidator(today: today, checkDigit: workflow.checkDigit)
        offline.vatCodesKnown = false
        let offlineProblems = offline.problems(in: submission)
        if !offlineProblems.isEmpty {
            let zero = InvoiceTotals(excludingTax: .zero, vat: .zero, includingTax: .zero, amountToPay: .zero)
            return (PreparedSubmission(submission: submission, breakdown: [], totals: zero), offlineProblems)
        }
        var percentages: [String: Amount] = [:]
        if InvoiceValidator.usesRateCodes(submission), let references = workflow.references {
            for rate in try await references.vatRates(language: .french) { percentages[rate.code] = rate.percentage }
        }
        var problems: [ValidationProblem] = []
        var profile: RecipientProfile?
        let structures = checkRecipient ? workflow.structures : nil
        if let structures {
            do {
                profile = try await workflow.recipients.profile(siret: submission.recipientSIRET, serviceCode: submission.serviceCode,
                                                       now: workflow.clock.now()) {
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
                                         recipient: profile, checkDigit: workflow.checkDigit)
        problems += validator.problems(in: submission)
        if let structures, submission.recipientIsState, let commitment = submission.commitmentNumber, !commitment.isEmpty,
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
        var prepared = PreparedSubmission(submission: submission, breakdown: breakdown, totals: totals)
        prepared.recipientID = profile?.structure.id
        return (prepared, problems)
    }
}
