import Foundation

/// The format of `telecharger/groupe` downloads (§5.14): the AIFE page names XML, PDF and ZIP, clients send PDF
/// and PIVOT. Open: another code is sent as given.
public struct DownloadFormat: OpenEnumeration {
    /// The wire code.
    public let rawValue: String
    /// Creates a format.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `PDF`: the invoices as PDF.
    public static let pdf = DownloadFormat(rawValue: "PDF")
    /// `PIVOT`: Chorus Pro's pivot XML.
    public static let pivot = DownloadFormat(rawValue: "PIVOT")
    /// `XML`.
    public static let xml = DownloadFormat(rawValue: "XML")
    /// `ZIP`.
    public static let zip = DownloadFormat(rawValue: "ZIP")
}

/// The MIME type of an attachment (`pieceJointeTypeMime` of `ajouter/fichier`). Open: another type is sent as given;
/// the platform checks the file's extension against its own list (PDF, images, office files, XML, archives…).
public struct MIMEType: OpenEnumeration {
    /// The wire value.
    public let rawValue: String
    /// Creates a type.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `application/pdf`.
    public static let pdf = MIMEType(rawValue: "application/pdf")
    /// `application/xml`.
    public static let xml = MIMEType(rawValue: "application/xml")
    /// `application/zip`.
    public static let zip = MIMEType(rawValue: "application/zip")
    /// `image/jpeg`.
    public static let jpeg = MIMEType(rawValue: "image/jpeg")
    /// `image/png`.
    public static let png = MIMEType(rawValue: "image/png")
    /// `image/tiff`.
    public static let tiff = MIMEType(rawValue: "image/tiff")
    /// `text/plain`.
    public static let plainText = MIMEType(rawValue: "text/plain")
    /// `text/csv`.
    public static let csv = MIMEType(rawValue: "text/csv")
    /// `application/vnd.openxmlformats-officedocument.wordprocessingml.document` (DOCX).
    public static let docx = MIMEType(rawValue: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    /// `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (XLSX).
    public static let xlsx = MIMEType(rawValue: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    /// `application/vnd.oasis.opendocument.text` (ODT).
    public static let odt = MIMEType(rawValue: "application/vnd.oasis.opendocument.text")
}

/// The answer to a status change (`traiter/recue`, `traiter/factureAValider`): the invoice and the status it now
/// has. A field the platform leaves out stays `nil`.
public struct ProcessedInvoice: Sendable, Hashable, Decodable {
    /// `idFacture`.
    public var id: Int?
    /// `numeroFacture`.
    public var number: String?
    /// The new status (`nouveauStatut` or `statutFacture`).
    public var status: InvoiceStatus?
    /// When it was done (`dateTraitement`: a date, or a date and time).
    public var processedAt: Date?

    /// Creates a value (for stubs and tests).
    public init(id: Int? = nil, number: String? = nil, status: InvoiceStatus? = nil, processedAt: Date? = nil) {
        self.id = id
        self.number = number
        self.status = status
        self.processedAt = processedAt
    }

    /// Decodes the answer.
    public init(from decoder: any Decoder) throws {
        let answer = try AnswerObject(decoder)
        id = try answer.int("idFacture") ?? answer.int("identifiantFactureCPP")
        number = try answer.text("numeroFacture")
        status = try answer.value(InvoiceStatus.self, "nouveauStatut") ?? answer.value(InvoiceStatus.self, "statutFacture")
        processedAt = try answer.timestamp("dateTraitement")
    }
}

/// The answer to `completer` (a suspended invoice completed by the supplier, §5.15).
public struct CompletionResult: Sendable, Hashable, Decodable {
    /// `identifiantFactureCPP`.
    public var id: Int?
    /// `numeroFacture`.
    public var number: String?
    /// `dateTraitement` (`AAAA-MM-JJ HH:MI`, or a plain date, §13.6).
    public var processedAt: Date?

    /// Creates a value (for stubs and tests).
    public init(id: Int? = nil, number: String? = nil, processedAt: Date? = nil) {
        self.id = id
        self.number = number
        self.processedAt = processedAt
    }

    /// Decodes the answer.
    public init(from decoder: any Decoder) throws {
        let answer = try AnswerObject(decoder)
        id = try answer.int("identifiantFactureCPP") ?? answer.int("idFacture")
        number = try answer.text("numeroFacture")
        processedAt = try answer.timestamp("dateTraitement")
    }
}

/// The answer to `recycler` (§5.15): the invoice as deposited again. The status is `nil` when the platform leaves it
/// out — the SDK does not assume `DEPOSEE`.
public struct RecycleResult: Sendable, Hashable, Decodable {
    /// `identifiantFactureCPP`.
    public var id: Int?
    /// `numeroFacture`.
    public var number: String?
    /// `dateDepot`.
    public var depositDate: CalendarDate?
    /// `statutFacture`, when given.
    public var status: InvoiceStatus?

    /// Creates a value (for stubs and tests).
    public init(id: Int? = nil, number: String? = nil, depositDate: CalendarDate? = nil, status: InvoiceStatus? = nil) {
        self.id = id
        self.number = number
        self.depositDate = depositDate
        self.status = status
    }

    /// Decodes the answer.
    public init(from decoder: any Decoder) throws {
        let answer = try AnswerObject(decoder)
        id = try answer.int("identifiantFactureCPP") ?? answer.int("idFacture")
        number = try answer.text("numeroFacture")
        depositDate = try answer.date("dateDepot")
        status = try answer.value(InvoiceStatus.self, "statutFacture")
    }
}

/// Filters shared by the recipient's and the validator's searches. Every field is optional.
public struct ReceivedInvoiceQuery: Sendable, Hashable {
    /// `numeroFacture`.
    public var invoiceNumber: String?
    /// `statutCourant` (any of).
    public var statuses: [InvoiceStatus]
    /// The supplier's id (`listeFournisseurs[].idFournisseur`, or `idFournisseur` for validators).
    public var supplierID: Int?
    /// The recipient's service id (`idServiceExecutant`).
    public var serviceID: Int?
    /// `listeTypeFacture`.
    public var types: [InvoiceType]
    /// `cadreFacturation`.
    public var framework: InvoicingFramework?
    /// `numeroBonCommande` (`numeroEngagement` for validators).
    public var commitmentNumber: String?
    /// `numeroMarche`.
    public var contractNumber: String?
    /// `periodeDateDepotDu` / `…Au`.
    public var depositedFrom: CalendarDate?
    /// End of the deposit period.
    public var depositedUntil: CalendarDate?
    /// `periodeDateFactureDu` / `…Au`.
    public var invoicedFrom: CalendarDate?
    /// End of the invoice date period.
    public var invoicedUntil: CalendarDate?
    /// `factureTelechargeeParDestinataire`: only downloaded (`true`) or not yet downloaded (`false`) invoices.
    public var downloaded: Bool?

    /// Creates a query.
    public init(invoiceNumber: String? = nil, statuses: [InvoiceStatus] = [], supplierID: Int? = nil, serviceID: Int? = nil,
                types: [InvoiceType] = [], framework: InvoicingFramework? = nil, commitmentNumber: String? = nil,
                contractNumber: String? = nil, depositedFrom: CalendarDate? = nil, depositedUntil: CalendarDate? = nil,
                invoicedFrom: CalendarDate? = nil, invoicedUntil: CalendarDate? = nil, downloaded: Bool? = nil) {
        self.invoiceNumber = invoiceNumber
        self.statuses = statuses
        self.supplierID = supplierID
        self.serviceID = serviceID
        self.types = types
        self.framework = framework
        self.commitmentNumber = commitmentNumber
        self.contractNumber = contractNumber
        self.depositedFrom = depositedFrom
        self.depositedUntil = depositedUntil
        self.invoicedFrom = invoicedFrom
        self.invoicedUntil = invoicedUntil
        self.downloaded = downloaded
    }

    /// The request body: the recipient's search pages with `paramRecherche`, the validator's with `pagination`
    /// (go-choruspro's `factures_recherches.go`); the validator names the commitment `numeroEngagement`.
    func wireBody(page: PageRequest, forValidator: Bool) -> WireObject {
        var body: WireObject = [forValidator ? "pagination" : "paramRecherche": .page(page)]
        let texts: [(String, String?)] = [
            ("numeroFacture", invoiceNumber), ("cadreFacturation", framework?.rawValue),
            (forValidator ? "numeroEngagement" : "numeroBonCommande", commitmentNumber), ("numeroMarche", contractNumber),
            ("periodeDateDepotDu", depositedFrom?.description), ("periodeDateDepotAu", depositedUntil?.description),
            ("periodeDateFactureDu", invoicedFrom?.description), ("periodeDateFactureAu", invoicedUntil?.description),
        ]
        for (key, value) in texts { if let value { body[key] = .string(value) } }
        if !statuses.isEmpty { body["statutCourant"] = .array(statuses.map { .string($0.rawValue) }) }
        if !types.isEmpty { body["listeTypeFacture"] = .array(types.map { .string($0.rawValue) }) }
        if let serviceID { body["idServiceExecutant"] = .int(serviceID) }
        if let supplierID {
            body[forValidator ? "idFournisseur" : "listeFournisseurs"] = forValidator
                ? .int(supplierID) : .array([.object(["idFournisseur": .int(supplierID)])])
        }
        if let downloaded, !forValidator { body["factureTelechargeeParDestinataire"] = .bool(downloaded) }
        return body
    }
}
