// Stubs of the SDK's service protocols written as a consumer would, with the public API only: every result value is
// built with its public initialiser. CI builds this package, so a result type without one breaks the build.
import ChorusSDK
import Foundation

struct StubInvoices: InvoiceService {
    static let history = InvoiceHistory(invoiceID: 1, number: "F-1", currentStatus: .deposited,
                                        entries: [InvoiceHistory.Entry(status: .deposited, dateText: "2026-11-02 10:00")])
    static let summary = InvoiceSummary(id: 1, number: "F-1", status: .deposited, totalIncludingTax: "120.00")
    static let report = FluxReport(state: .integrated, rejections: [FluxRejection(invoiceNumber: "F-2", reason: "SIRET inconnu")],
                                   technicalErrors: [FluxTechnicalError(code: "E1", message: "illisible")])

    func uploadPDF(_ pdf: Data, fileName: String, format: PDFDepositFormat) async throws -> PDFUpload {
        PDFUpload(attachmentID: 7, invoiceNumber: "F-1", totalIncludingTax: "120.00")
    }
    func addAttachment(_ data: Data, fileName: String, mimeType: MIMEType) async throws -> AttachmentReference {
        AttachmentReference(id: 8, designation: fileName)
    }
    func sendSubmission(_ prepared: PreparedSubmission) async throws -> SubmittedInvoice {
        SubmittedInvoice(id: 1, number: "F-1", status: .deposited)
    }
    func depositFile(_ data: Data, fileName: String, syntax: FluxSyntax) async throws -> FluxDeposit {
        FluxDeposit(number: "CPP001", syntax: syntax)
    }
    func fluxReport(_ fluxNumber: String) async throws -> FluxReport { Self.report }
    func search(_ query: InvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary> {
        Page(items: [Self.summary], info: PageInfo(pageSize: 10, currentPage: 1, pageCount: 1, total: 1))
    }
    func details(invoiceID: Int) async throws -> InvoiceDetails {
        InvoiceDetails(id: invoiceID, number: "F-1", status: .deposited, recipient: InvoiceRecipientBlock(code: "78439607900054"),
                       lines: [InvoiceDetailsLine(number: 1, name: "Décors", netAmount: "100.00")],
                       totals: InvoiceDetailsTotals(excludingTax: "100.00", vat: "20.00", includingTax: "120.00"))
    }
    func history(invoiceID: Int) async throws -> InvoiceHistory { Self.history }
    func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data { Data("%PDF".utf8) }
    func complete(invoiceID: Int, comment: String?, attachments: [AttachmentReference]) async throws -> CompletionResult {
        CompletionResult(id: invoiceID, number: "F-1", processedAt: Date())
    }
    func recycle(invoiceID: Int, recipientSIRET: String, serviceCode: String?, commitmentNumber: String?,
                 comment: String?) async throws -> RecycleResult {
        RecycleResult(id: invoiceID, number: "F-1", status: .deposited)
    }
    func acknowledgeRejections(invoiceIDs: [Int], reason: String?, details: String?) async throws {}
    func correctValidator(invoiceID: Int, validatorIdentifier: String, identifierType: StructureIdentifierType,
                          validatorStructureID: Int?) async throws {}
    func searchPaymentRequests(_ query: PaymentRequestQuery) async throws -> [PaymentRequest] { [PaymentRequest(id: 1, number: "F-1")] }
}

struct StubStructures: StructureService {
    static let opera = StructureDetails(id: 26_300_001, identifier: "78439607900054", name: "OPERA NATIONAL DE PARIS", isPublic: true,
                                        address: PostalAddress(city: "PARIS"), serviceCodeRequired: true, commitmentRequired: false,
                                        serviceCodeOrCommitmentRequired: false, paymentStatusNotReported: false)
    static let service = ServiceInfo(id: 1, code: "DIRECTION_ACHATS", name: "Direction des achats", isActive: true)

    func search(_ query: StructureQuery, page: PageRequest) async throws -> Page<StructureSummary> {
        Page(items: [StructureSummary(id: 26_300_001, identifier: "78439607900054", name: "OPERA", isActive: true)], info: PageInfo(total: 1))
    }
    func searchAll(_ query: StructureQuery, pageSize: Int) -> PageSequence<StructureSummary> {
        PageSequence(operation: "rechercherStructure", pageSize: pageSize) { _ in try await search(query, page: PageRequest()) }
    }
    func details(structureID: Int) async throws -> StructureDetails { Self.opera }
    func services(structureID: Int, includeInactive: Bool) async throws -> [ServiceInfo] { [Self.service] }
    func serviceDetails(structureID: Int, serviceID: Int) async throws -> ServiceDetails {
        ServiceDetails(code: "DIRECTION_ACHATS", commitmentRequired: false)
    }
    func recipient(siret: String, serviceCode: String?) async throws -> RecipientProfile {
        RecipientProfile(structure: Self.opera, services: [Self.service], requirement: .serviceCode)
    }
    func commitments(number: String, supplierID: Int) async throws -> [Commitment] { [Commitment(number: number, state: "COMMANDE")] }
    func recipientDirectory() async throws -> RecipientDirectory {
        RecipientDirectory(files: [], entries: [RecipientDirectory.Entry(identifier: "78439607900054", name: "OPERA")])
    }
    func siretInformation(siret: String) async throws -> SIRETInformation { SIRETInformation(siret: siret, name: "OPERA") }
    func requestAffiliation(_ request: AffiliationRequest, session: PortalSession) async throws -> Affiliation {
        Affiliation(id: 1, structureID: 26_262_001, structureName: "ATELIER DUPONT SARL", status: .approved)
    }
}

struct StubAccounts: AccountService {
    static let session = PortalSession(token: "stub", accountID: 1)

    func register(_ registration: ManagerRegistration) async throws -> RegisteredAccount { RegisteredAccount(id: 1) }
    func activate(token: String, password: String) async throws {}
    func signIn(email: String, password: String) async throws -> PortalSession { Self.session }
    func affiliations(session: PortalSession) async throws -> AffiliationOverview { AffiliationOverview(mine: [], toDecide: []) }
    func decideAffiliation(_ affiliationID: Int, approve: Bool, session: PortalSession) async throws -> Affiliation {
        Affiliation(id: affiliationID, structureID: 1, status: approve ? .approved : .refused)
    }
    func createTechnicalAccount(structureID: Int, session: PortalSession) async throws -> TechnicalAccountCredentials {
        TechnicalAccountCredentials(structureID: structureID, credentials: ChorusCredentials(
            clientID: "id", clientSecret: "secret", technicalLogin: "TECH_1_x@cpro.fr", technicalPassword: "password"))
    }
    func attachedStructures(pageSize: Int) -> PageSequence<AttachedStructure> {
        PageSequence(operation: "recupererRattachementsMonCompteUtilisateur", pageSize: pageSize) { _ in
            Page(items: [AttachedStructure(id: 1, identifier: "81200456700019")], info: PageInfo(total: 1))
        }
    }
    func activeSupplierStructures() async throws -> [SupplierStructure] { [SupplierStructure(id: 26_262_001, identifier: "81200456700019")] }
    func bankAccounts(structureID: Int) async throws -> [BankAccount] { [BankAccount(id: 144_050, name: "Compte principal")] }
    func technicalPasswordStatus() async throws -> TechnicalPasswordStatus { TechnicalPasswordStatus(expiresAt: nil, daysLeft: 300) }
    func verifyConnection() async -> ConnectionReport { ConnectionReport(problems: [], apis: ["factures": true], technicalPassword: nil) }
}
