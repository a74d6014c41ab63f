import Foundation

/// The public body's side, driven by tests: routing, suspension, rejection, recycling, payment.
extension FakeChorusPro {
    /// Errors of the recipient test API.
    public enum RecipientActionError: Error, Equatable {
        /// No invoice has that id.
        case unknownInvoice(Int)
        /// The move is not allowed from the invoice's current status.
        case notAllowed(from: String, to: String)
        /// A reason is mandatory for a suspension or a rejection.
        case reasonRequired
    }

    /// The statuses a public body may move a received invoice to, each with the statuses it may come from (the
    /// fake's reading of the lifecycle in §6.3; `traiter/recue` and the test controls below share it).
    static let recipientTransitions: [String: Set<String>] = [
        "EN_COURS_ACHEMINEMENT": ["DEPOSEE", "COMPLETEE", "VALIDEE_1", "VALIDEE_2"],
        "MISE_A_DISPOSITION": ["DEPOSEE", "EN_COURS_ACHEMINEMENT", "COMPLETEE", "VALIDEE_1", "VALIDEE_2"],
        "SUSPENDUE": ["MISE_A_DISPOSITION", "PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT"],
        "REJETEE": ["MISE_A_DISPOSITION", "PRISE_EN_COMPTE_DESTINATAIRE", "SUSPENDUE", "SERVICE_FAIT", "COMPLETEE"],
        "A_RECYCLER": ["DEPOSEE", "MISE_A_DISPOSITION", "EN_COURS_ACHEMINEMENT"],
        "SERVICE_FAIT": ["MISE_A_DISPOSITION", "PRISE_EN_COMPTE_DESTINATAIRE", "COMPLETEE"],
        "MANDATEE": ["MISE_A_DISPOSITION", "PRISE_EN_COMPTE_DESTINATAIRE", "SERVICE_FAIT", "COMPLETEE"],
        "MISE_A_DISPOSITION_COMPTABLE": ["SERVICE_FAIT", "MANDATEE"],
        "COMPTABILISEE": ["MISE_A_DISPOSITION_COMPTABLE", "MANDATEE"],
        "MISE_EN_PAIEMENT": ["MANDATEE", "COMPTABILISEE"],
    ]

    /// Statuses in which an invoice is still with its validator: the recipient does not see it yet.
    static let validatorStages: Set<String> = ["A_VALIDER_1", "A_VALIDER_2", "REFUSEE_1", "REFUSEE_2", "ERREUR_FOURNISSEUR_SUR_VALIDEUR"]

    /// Routes a deposited invoice to the recipient: `EN_COURS_ACHEMINEMENT` then `MISE_A_DISPOSITION`.
    public func makeAvailable(_ id: Int) throws {
        try move(id, to: "EN_COURS_ACHEMINEMENT")
        try move(id, to: "MISE_A_DISPOSITION")
    }

    /// Suspends an invoice: the supplier must answer with `completer`.
    public func suspend(_ id: Int, reason: String) throws {
        guard !reason.isEmpty else { throw RecipientActionError.reasonRequired }
        try move(id, to: "SUSPENDUE", comment: reason)
    }

    /// Rejects an invoice (final).
    public func reject(_ id: Int, reason: String) throws {
        guard !reason.isEmpty else { throw RecipientActionError.reasonRequired }
        try move(id, to: "REJETEE", comment: reason)
    }

    /// Sends an invoice back for recycling (wrong routing data): the supplier must answer with `recycler`.
    public func sendBackForRecycling(_ id: Int, reason: String) throws {
        try move(id, to: "A_RECYCLER", comment: reason)
    }

    /// Acknowledges and confirms the service: `SERVICE_FAIT`.
    public func confirmService(_ id: Int) throws {
        try move(id, to: "SERVICE_FAIT")
    }

    /// Pays an invoice: `MANDATEE` then `MISE_EN_PAIEMENT`, routing it first when needed.
    public func markPaid(_ id: Int) throws {
        if ["DEPOSEE", "COMPLETEE"].contains(invoices[id]?.status ?? "") { try makeAvailable(id) }
        try move(id, to: "MANDATEE")
        try move(id, to: "MISE_EN_PAIEMENT")
    }

    /// The validator reports that the supplier named the wrong validator (`ERREUR_FOURNISSEUR_SUR_VALIDEUR`): the
    /// supplier answers with `corriger/valideur/facture`.
    public func markWrongValidator(_ id: Int) throws {
        try move(id, to: "ERREUR_FOURNISSEUR_SUR_VALIDEUR", from: .only(["A_VALIDER_1", "A_VALIDER_2"]))
    }

    /// Sets any status, for cases the helpers above do not cover.
    public func setStatus(_ id: Int, _ status: String, comment: String? = nil) throws {
        guard invoices[id] != nil else { throw RecipientActionError.unknownInvoice(id) }
        try move(id, to: status, from: .anywhere, comment: comment)
    }

    /// Where a move may start from: the recipient's lifecycle (``recipientTransitions``), given statuses, or anywhere.
    enum MoveSources {
        case lifecycle, only(Set<String>), anywhere
    }

    /// Moves an invoice to `status`, from one of the statuses `sources` allows.
    func move(_ id: Int, to status: String, from sources: MoveSources = .lifecycle, comment: String? = nil) throws {
        guard var invoice = invoices[id] else { throw RecipientActionError.unknownInvoice(id) }
        let allowed: Set<String>? = switch sources {
        case .lifecycle: Self.recipientTransitions[status] ?? []
        case .only(let given): given
        case .anywhere: nil
        }
        if let allowed, !allowed.contains(invoice.status) {
            throw RecipientActionError.notAllowed(from: invoice.status, to: status)
        }
        now.addTimeInterval(60)  // each step takes a minute, so history timestamps differ
        invoice.history.append(FakeStatusChange(id: counter.next(\.status), status: status, date: now, comment: comment))
        invoices[id] = invoice
    }

    /// Creates `count` deposited invoices for a supplier directly in the store (for pagination tests and
    /// benchmarks), numbered `SEED-1`, `SEED-2`…; returns their ids.
    @discardableResult
    public func seedInvoices(count: Int, supplierID: Int = 26_262_001, recipientSIRET: String = FakeSeed.noRequirementSIRET) -> [Int] {
        let recipientID = structures.values.first { $0.identifier == recipientSIRET }?.id ?? 0
        return (1...max(count, 1)).prefix(count).map { index in
            let id = counter.next(\.invoice)
            invoices[id] = FakeInvoice(
                id: id, number: "SEED-\(index)", supplierID: supplierID, recipientID: recipientID, serviceCode: nil,
                depositMode: "SAISIE_API", invoiceType: "FACTURE", framework: "A1_FACTURE_FOURNISSEUR", currency: "EUR",
                issueDate: day(now), depositDate: now, purchaseOrder: nil, contractNumber: nil, originalInvoiceNumber: nil,
                vatRegime: "TVA_SUR_DEBIT", paymentMode: "VIREMENT", totalExcludingTax: 100, totalVAT: 20, totalIncludingTax: 120,
                amountToPay: 120, fluxNumber: nil, mainAttachmentID: nil, extraAttachmentIDs: [], comment: nil, submitted: [:],
                history: [FakeStatusChange(id: counter.next(\.status), status: "DEPOSEE", date: now, comment: nil)])
            return id
        }
    }

    /// Switches the journal on or off (off for long soak runs and benchmarks).
    public func recordJournal(_ on: Bool) { recordsJournal = on }

    /// Applies what time changes: flux reports reach their final state and their invoices are integrated.
    func settleTime() {
        for (number, flux) in fluxes where !flux.integrated && fluxState(flux).isFinal {
            integrate(number)
        }
    }
}
