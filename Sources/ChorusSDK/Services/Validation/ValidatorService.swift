import Foundation

/// What a validator does with an invoice waiting for it (`traiter/factureAValider`'s `action`; go-choruspro's
/// `ActionFacture` lists these). Open: another code is sent as given.
public struct ValidatorAction: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates an action.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `VALIDATION`: the invoice goes on to the recipient.
    public static let validate = ValidatorAction(rawValue: "VALIDATION")
    /// `REFUS`: the invoice is refused (a reason is required).
    public static let refuse = ValidatorAction(rawValue: "REFUS")
}

/// The validator's side of Chorus Pro: subcontractor (A9) and co-contractor (A12) invoices go to their validator
/// before the recipient (`rechercher/valideur`, `consulter/valideur`, `traiter/factureAValider`,
/// `recuperer/statutsFactureVisibles/valideur`; paths in §4.1, bodies from go-choruspro).
///
/// Reach it with ``ChorusClient/validations`` on a client whose technical account belongs to the validating
/// structure (usually the main contractor).
public protocol ValidatorService: Sendable {
    /// One page of invoices for this validator. "No result" (`codeRetour` 20000) is an empty page.
    func search(_ query: ReceivedInvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary>

    /// Every invoice for this validator matching `query`.
    func searchAll(_ query: ReceivedInvoiceQuery, pageSize: Int) -> PageSequence<InvoiceSummary>

    /// An invoice, whole (`consulter/valideur`).
    func details(invoiceID: Int) async throws -> InvoiceDetails

    /// Validates or refuses an invoice. A refusal needs a `reason` (checked before sending: `invalidInput` naming
    /// `motifRefus`). A write: not retried after an ambiguous failure.
    func process(invoiceID: Int, action: ValidatorAction, reason: String?) async throws -> ProcessedInvoice

    /// The statuses in which this validator can see invoices (`recuperer/statutsFactureVisibles/valideur`).
    func visibleStatuses() async throws -> [InvoiceStatus]
}

extension ValidatorService {
    /// The first page (100) of invoices for this validator.
    public func search(_ query: ReceivedInvoiceQuery = ReceivedInvoiceQuery()) async throws -> Page<InvoiceSummary> {
        try await search(query, page: PageRequest())
    }

    /// Validates an invoice.
    public func validate(invoiceID: Int) async throws -> ProcessedInvoice {
        try await process(invoiceID: invoiceID, action: .validate, reason: nil)
    }

    /// Refuses an invoice, with the reason the supplier will read.
    public func refuse(invoiceID: Int, reason: String) async throws -> ProcessedInvoice {
        try await process(invoiceID: invoiceID, action: .refuse, reason: reason)
    }
}

/// ``ValidatorService`` over the request pipeline.
struct ValidatorServiceClient: ValidatorService {
    let pipeline: RequestPipeline

    func search(_ query: ReceivedInvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary> {
        try await pipeline.callPage(.rechercherFactureParValideur, query.wireBody(page: page, forValidator: true))
    }

    func searchAll(_ query: ReceivedInvoiceQuery, pageSize: Int) -> PageSequence<InvoiceSummary> {
        PageSequence(operation: .rechercherFactureParValideur, pageSize: pageSize) { number in
            try await search(query, page: PageRequest(pageSize: pageSize, page: number))
        }
    }

    func details(invoiceID: Int) async throws -> InvoiceDetails {
        try InputLimits.checkIDs([invoiceID], field: "identifiantFactureCPP", operation: .consulterFactureParValideur)
        return try await pipeline.call(.consulterFactureParValideur, ["identifiantFactureCPP": .int(invoiceID)] as WireObject)
    }

    func process(invoiceID: Int, action: ValidatorAction, reason: String?) async throws -> ProcessedInvoice {
        try InputLimits.checkIDs([invoiceID], field: "idFacture", operation: .traiterFactureAValider)
        var problems = InputLimits.textProblems(reason ?? "", field: "motifRefus", multiline: true)
        if action == .refuse, (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(ValidationProblem(field: "motifRefus", rule: "reason.required", message: "a refusal needs a reason"))
        }
        if !problems.isEmpty { throw ChorusError.invalid(.traiterFactureAValider, problems) }
        let body: WireObject = ["idFacture": .int(invoiceID), "action": .string(action.rawValue), "motifRefus": .text(reason)]
        return try await pipeline.call(.traiterFactureAValider, body)
    }

    func visibleStatuses() async throws -> [InvoiceStatus] {
        let answer: KeyedList<VisibleStatus> = try await pipeline.callList(
            .recupererStatutsFactureVisiblesParValideur, ["idUtilisateurCourant": .int(0)] as WireObject)
        return answer.items.map(\.status)
    }
}

/// One item of `listeStatutFacture`.
private struct VisibleStatus: Decodable, Sendable {
    let status: InvoiceStatus

    init(from decoder: any Decoder) throws {
        let item = try AnswerObject(decoder)
        guard let status = try item.value(InvoiceStatus.self, "codeStatutFacture") else {
            throw item.failure("codeStatutFacture", "an item without codeStatutFacture")
        }
        self.status = status
    }
}
