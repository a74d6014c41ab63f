import Foundation

/// The ``InvoiceService`` that calls the platform through the client's pipeline.
struct InvoiceServiceClient: InvoiceService {
    let pipeline: RequestPipeline
    /// The client's clock, retry policy, journal and sibling services, for the workflows built on these operations.
    let workflow: InvoiceWorkflowSettings

    package init(pipeline: RequestPipeline, structures: any StructureService, references: any ReferenceService) {
        self.pipeline = pipeline
        let configuration = pipeline.configuration
        var workflow = InvoiceWorkflowSettings(
            clock: configuration.clock, retryPolicy: configuration.retryPolicy,
            submissionJournal: configuration.submissionJournal, structures: structures,
            references: references, checkDigit: pipeline.checkDigitPolicy,
            logger: configuration.logger, recipients: RecipientProfileCache())
        workflow.claimWait = configuration.submissionClaimWait
        workflow.settleTime = configuration.submissionSettleTime
        self.workflow = workflow
    }

    // MARK: Files

    public func uploadPDF(_ pdf: Data, fileName: String, format: PDFDepositFormat) async throws -> PDFUpload {
        var problems = InvoiceValidator.fileProblems(
            name: fileName, size: pdf.count, field: "fichierFacture",
            maximumNameLength: 200, allowedExtensions: ["PDF"])
        if !pdf.starts(with: Data("%PDF".utf8)) {
            problems.append(
                ValidationProblem(field: "fichierFacture", rule: "file.pdf", message: "the file is not a PDF"))
        }
        if !problems.isEmpty { throw ChorusError.invalid(.deposerPdfFacture, problems) }
        let body = try FileBody.make(
            fileField: "fichierFacture", file: pdf,
            otherFields: [
                "nomFichier": .string(fileName), "formatDepot": .string(format.rawValue),
                "idUtilisateurCourant": .int(0),
            ])
        let response = try await pipeline.send(.deposerPdfFacture, bodyFile: body)
        return try pipeline.decode(PDFUpload.self, from: response, operation: .deposerPdfFacture)
    }

    public func addAttachment(_ data: Data, fileName: String, mimeType: MIMEType) async throws -> AttachmentReference {
        let problems =
            InvoiceValidator.fileProblems(name: fileName, size: data.count, field: "pieceJointeNom")
            + InputLimits.textProblems(mimeType.rawValue, field: "pieceJointeTypeMime")
        if !problems.isEmpty { throw ChorusError.invalid(.ajouterFichierDansSysteme, problems) }
        let body = try FileBody.make(
            fileField: "pieceJointeFichier", file: data,
            otherFields: [
                "pieceJointeNom": .string(fileName), "pieceJointeTypeMime": .string(mimeType.rawValue),
                "pieceJointeExtension": .string((fileName as NSString).pathExtension.uppercased()),
                "idUtilisateurCourant": .int(0),
            ])
        let response = try await pipeline.send(.ajouterFichierDansSysteme, bodyFile: body)
        let answer = try pipeline.decode(AttachmentAnswer.self, from: response, operation: .ajouterFichierDansSysteme)
        return AttachmentReference(id: answer.pieceJointeId, designation: fileName)
    }

    public func depositFile(_ data: Data, fileName: String, syntax: FluxSyntax) async throws -> FluxDeposit {
        let problems = InvoiceValidator.fileProblems(
            name: fileName, size: data.count, field: "fichierFlux", maximumNameLength: 200,
            maximumSize: InvoiceValidator.maximumFluxSize,
            allowedExtensions: ["XML", "PDF", "GZ", "TGZ", "ZIP"])
        if !problems.isEmpty { throw ChorusError.invalid(.deposerFluxFacture, problems) }
        let body = try FileBody.make(
            fileField: "fichierFlux", file: data,
            otherFields: [
                "nomFichier": .string(fileName), "syntaxeFlux": .string(syntax.rawValue), "avecSignature": false,
                "idUtilisateurCourant": .int(0),
            ])
        let response = try await pipeline.send(.deposerFluxFacture, bodyFile: body)
        return try pipeline.decode(FluxDeposit.self, from: response, operation: .deposerFluxFacture)
    }

    // MARK: Checking and submitting

    // MARK: Submitting

    public func sendSubmission(_ prepared: PreparedSubmission) async throws -> SubmittedInvoice {
        let response = try await pipeline.send(.soumettreFacture, body: try prepared.body())
        let answer = try pipeline.decode(SubmitAnswer.self, from: response, operation: .soumettreFacture)
        if let submitted = answer.submitted { return submitted }
        throw ChorusError(
            .decodingFailed, operation: .soumettreFacture,
            message: "the answer carries no identifiantFactureCPP; the outcome is unknown.", httpStatus: response.status
        )
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

    public func search(_ query: InvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary> {
        try await pipeline.callPage(.rechercherFactureParFournisseur, query.wireBody(page: page))
    }

    public func details(invoiceID: Int) async throws -> InvoiceDetails {
        try InputLimits.checkIDs(
            [invoiceID], field: "identifiantFactureCPP", operation: .consulterFactureParFournisseur)
        return try await pipeline.call(
            .consulterFactureParFournisseur, ["identifiantFactureCPP": .int(invoiceID)] as WireObject)
    }

    public func history(invoiceID: Int) async throws -> InvoiceHistory {
        try InputLimits.checkIDs([invoiceID], field: "idFacture", operation: .consulterHistoriqueFacture)
        return try await pipeline.call(.consulterHistoriqueFacture, ["idFacture": .int(invoiceID)] as WireObject)
    }

    public func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data {
        try InputLimits.checkIDs(invoiceIDs, field: "listeFacture", operation: .telechargerGroupeFacture)
        return try await InvoiceDownload.fetch(
            invoiceIDs, format: format, includeAttachments: includeAttachments, pipeline: pipeline)
    }

    public func complete(invoiceID: Int, comment: String?, attachments: [AttachmentReference]) async throws
        -> CompletionResult
    {
        try InputLimits.checkIDs([invoiceID], field: "identifiantFactureCPP", operation: .completerFacture)
        let problems = comment.map { InputLimits.textProblems($0, field: "commentaire", multiline: true) } ?? []
        if !problems.isEmpty { throw ChorusError.invalid(.completerFacture, problems) }
        let body: WireObject = [
            "identifiantFactureCPP": .int(invoiceID), "commentaire": .text(comment),
            "pieceJointeComplementaire": .array(attachments.map(InvoiceWire.extra)), "idUtilisateurCourant": .int(0),
        ]
        return try await pipeline.call(.completerFacture, body)
    }

    public func recycle(
        invoiceID: Int, recipientSIRET: String, serviceCode: String?, commitmentNumber: String?,
        comment: String?
    ) async throws -> RecycleResult {
        try InputLimits.checkIDs([invoiceID], field: "identifiantFactureCPP", operation: .recyclerFacture)
        let identifier = try StructureIdentifier.siret(recipientSIRET, checkDigit: pipeline.checkDigitPolicy)
        var problems = InputLimits.textProblems(serviceCode ?? "", field: "destinataire.codeServiceExecutant")
        problems += InputLimits.textProblems(
            commitmentNumber ?? "", field: "reference.numeroBonCommande", limitKey: "references.numeroBonCommande")
        problems += InputLimits.textProblems(comment ?? "", field: "commentaire", multiline: true)
        if !problems.isEmpty { throw ChorusError.invalid(.recyclerFacture, problems) }
        // `reference` (singular) as S2 sends it; the reference marks the key unverified.
        let body: WireObject = [
            "identifiantFactureCPP": .int(invoiceID),
            "destinataire": .object([
                "codeDestinataire": .string(identifier.value),
                "codeServiceExecutant": .text(serviceCode),
            ]),
            "reference": .object(["numeroBonCommande": .text(commitmentNumber)]),
            "commentaire": .text(comment), "idUtilisateurCourant": .int(0),
        ]
        return try await pipeline.call(.recyclerFacture, body)
    }

    public func acknowledgeRejections(invoiceIDs: [Int], reason: String?, details: String?) async throws {
        try InputLimits.checkIDs(invoiceIDs, field: "listeDemandePaiement", operation: .traiterFacturesRejetees)
        var problems = InputLimits.textProblems(reason ?? "", field: "motifRejet", multiline: true)
        problems += InputLimits.textProblems(details ?? "", field: "cpltInfos", multiline: true)
        if invoiceIDs.isEmpty {
            problems.append(
                ValidationProblem(field: "listeDemandePaiement", rule: "required", message: "name at least one invoice")
            )
        }
        if !problems.isEmpty { throw ChorusError.invalid(.traiterFacturesRejetees, problems) }
        // The Swagger's TraiterFacturesRejeteesParam has the list alone; go-choruspro also sends motifRejet and
        // cpltInfos. The official shape goes out unless the caller gives a reason or details.
        var body: WireObject = [
            "listeDemandePaiement": .array(invoiceIDs.map { .object(["idDemandePaiement": .int($0)]) })
        ]
        if let reason { body["motifRejet"] = .string(reason) }
        if let details { body["cpltInfos"] = .string(details) }
        let _: EmptyAnswer = try await pipeline.call(.traiterFacturesRejetees, body)
    }

    public func correctValidator(
        invoiceID: Int, validatorIdentifier: String, identifierType: StructureIdentifierType,
        validatorStructureID: Int?
    ) async throws {
        try InputLimits.checkIDs([invoiceID], field: "identifiantFactureCPP", operation: .corrigerValideurFacture)
        var identifier = validatorIdentifier.trimmingCharacters(in: .whitespaces)
        if identifierType == .siret {
            identifier = try StructureIdentifier.siret(identifier, checkDigit: pipeline.checkDigitPolicy).value
        } else if identifier.isEmpty {
            throw ChorusError.invalidInput(
                .corrigerValideurFacture, field: "identifiantStructure", rule: "required",
                "the validator's identifier is required")
        }
        let body: WireObject = [
            "idFacture": .int(invoiceID), "identifiantStructure": .string(identifier),
            "typeIdentifiantStructure": .string(identifierType.rawValue),
            "idStructure": validatorStructureID.map(WireValue.int) ?? .null,
        ]
        let _: EmptyAnswer = try await pipeline.call(.corrigerValideurFacture, body)
    }

    public func searchPaymentRequests(_ query: PaymentRequestQuery) async throws -> [PaymentRequest] {
        let answer: KeyedList<PaymentRequest> = try await pipeline.callList(.rechercherDemandePaiement, query.wireBody)
        return answer.items
    }

}

private struct AttachmentAnswer: Decodable { let pieceJointeId: Int }
/// An answer with nothing but the envelope (`traiterRejet`, `corriger/valideur/facture`).
private struct EmptyAnswer: Decodable {}

/// `soumettre`'s answer (§5.10), read by the policy of `AnswerReading.swift` like every other answer: the id, the
/// number and the status are identity fields, so a missing or unreadable one fails with `decodingFailed`, whose
/// outcome is unknown; `submit` then looks the invoice up instead of sending it again, and reports the invoice the
/// platform holds. Never an invented number or status. Without `identifiantFactureCPP` `submitted` is `nil`.
private struct SubmitAnswer: Decodable {
    var submitted: SubmittedInvoice?

    init(from decoder: any Decoder) throws {
        let answer = try AnswerObject(decoder)
        guard let id = try answer.id("identifiantFactureCPP") else { return }
        guard let number = try answer.text("numeroFacture") else {
            throw answer.failure("numeroFacture", "the answer names invoice \(id) but carries no numeroFacture")
        }
        submitted = SubmittedInvoice(
            id: id, number: number, status: try answer.value(InvoiceStatus.self, "statutFacture"),
            depositDate: try answer.date("dateDepot"), supplierIdentifier: try answer.text("identifiantStructure"),
            certificateFingerprint: try answer.text("empreinteCertificatDepot"), recoveredAfterLostAnswer: false)
    }
}
