import Foundation

/// ``ReceivedInvoiceService`` over the request pipeline.
struct ReceivedInvoiceServiceClient: ReceivedInvoiceService {
    let pipeline: RequestPipeline

    func search(_ query: ReceivedInvoiceQuery, page: PageRequest) async throws -> Page<InvoiceSummary> {
        try await pipeline.callPage(.rechercherFactureParRecipiendaire, query.wireBody(page: page, forValidator: false))
    }

    func searchAll(_ query: ReceivedInvoiceQuery, pageSize: Int) -> PageSequence<InvoiceSummary> {
        PageSequence(operation: .rechercherFactureParRecipiendaire, pageSize: pageSize) { number in
            try await search(query, page: PageRequest(pageSize: pageSize, page: number))
        }
    }

    func details(invoiceID: Int) async throws -> InvoiceDetails {
        try InputLimits.checkIDs([invoiceID], field: "identifiantFactureCPP", operation: .consulterFactureParRecipiendaire)
        return try await pipeline.call(.consulterFactureParRecipiendaire, ["identifiantFactureCPP": .int(invoiceID)] as WireObject)
    }

    func download(invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool) async throws -> Data {
        try InputLimits.checkIDs(invoiceIDs, field: "listeFacture", operation: .telechargerGroupeFacture)
        return try await InvoiceDownload.fetch(invoiceIDs, format: format, includeAttachments: includeAttachments, pipeline: pipeline)
    }

    func process(invoiceID: Int, to status: InvoiceStatus, reason: String?, mandateNumber: String?) async throws -> ProcessedInvoice {
        try InputLimits.checkIDs([invoiceID], field: "idFacture", operation: .traiterFactureRecue)
        var problems: [ValidationProblem] = []
        if !InvoiceStatus.processableStatuses.contains(status) {
            problems.append(ValidationProblem(field: "nouveauStatut", rule: "status.processable",
                                              message: "a received invoice cannot be moved to \(status.rawValue) with traiter/recue; use one of "
                                                + InvoiceStatus.processableStatuses.map(\.rawValue).sorted().joined(separator: ", ")))
        }
        let trimmedReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if status.needsReason && trimmedReason.isEmpty {
            problems.append(ValidationProblem(field: "motif", rule: "reason.required",
                                              message: "a reason is required to move an invoice to \(status.rawValue)"))
        }
        problems += InputLimits.textProblems(reason ?? "", field: "motif", multiline: true)
        problems += InputLimits.textProblems(mandateNumber ?? "", field: "numeroDPMandat")
        if !problems.isEmpty { throw ChorusError.invalid(.traiterFactureRecue, problems) }
        let body: WireObject = ["idFacture": .int(invoiceID), "nouveauStatut": .string(status.rawValue), "motif": .text(reason),
                                "numeroDPMandat": .text(mandateNumber), "idUtilisateurCourant": .int(0)]
        return try await pipeline.call(.traiterFactureRecue, body)
    }

    func possibleStatuses(from status: InvoiceStatus) async throws -> [InvoiceStatus] {
        let answer: KeyedList<PossibleStatus> = try await pipeline.callList(
            .recupererEtatsPossiblesPourTraitement, ["statutCourant": .string(status.rawValue)] as WireObject)
        return answer.items.map(\.status)
    }

    func activeStructures() async throws -> [SupplierStructure] {
        try await pipeline.activeStructures(.recupererStructuresActivesPourDestinataire)
    }
}

/// One item of `listeStatutsPossiblesPourTraitement` (§5.16).
private struct PossibleStatus: Decodable, Sendable {
    let status: InvoiceStatus

    init(from decoder: any Decoder) throws {
        let item = try AnswerObject(decoder)
        guard let status = try item.value(InvoiceStatus.self, "statutPossiblePourTraitement") else {
            throw item.failure("statutPossiblePourTraitement", "an item without statutPossiblePourTraitement")
        }
        self.status = status
    }
}

/// `telecharger/groupe` (§5.14), shared by the supplier's and the recipient's services.
enum InvoiceDownload {
    static func fetch(_ invoiceIDs: [Int], format: DownloadFormat, includeAttachments: Bool, pipeline: RequestPipeline) async throws -> Data {
        guard !invoiceIDs.isEmpty else {
            throw ChorusError.invalidInput(.telechargerGroupeFacture, field: "listeFacture", rule: "required", "name at least one invoice")
        }
        let body: WireObject = ["listeFacture": .array(invoiceIDs.map { .object(["idFacture": .int($0)]) }), "format": .string(format.rawValue),
                                "avecPiecesJointesComplementaires": .string(includeAttachments ? "OUI" : "NON")]
        // Read out of the answer's bytes, not through JSONDecoder: a 20 MB file stays one buffer (FileBody's twin).
        return try await pipeline.downloadFile(.telechargerGroupeFacture, body, base64Field: "fichierResultat")
    }
}
