import Foundation

/// An invoice as `consulter/fournisseur`, `consulter/recipiendaire` and `consulter/valideur` describe it (§5.12 of
/// `chorus-pro-api.md`; block and field names also from go-choruspro's `factures_consultations.go`): every block
/// the answer carries, typed. A field the answer leaves out stays `nil` (an amount is never read as 0); a field of
/// a shape the platform is not known to send makes the call fail with ``ChorusError/Code/decodingFailed``.
public struct InvoiceDetails: Sendable, Hashable, Decodable {
    /// `identifiantFactureCPP`.
    public var id: Int
    /// `numeroFacture`.
    public var number: String
    /// `statutFacture`.
    public var status: InvoiceStatus
    /// `modeDepot`.
    public var mode: DepositMode?
    /// `commentaire`.
    public var comment: String?
    /// The `cadreDeFacturation` block: framework, validators, project manager (MOE) and owner (MOA).
    public var framework: InvoicingFramework?
    /// Validators, MOE and MOA of the framework block (A9, A12 and works invoices).
    public var frameworkParties: FrameworkParties
    /// The `destinataire` block.
    public var recipient: InvoiceRecipientBlock?
    /// The `fournisseur` block, with its bank account and factor.
    public var supplier: InvoiceSupplierBlock?
    /// The `references` block.
    public var references: InvoiceReferences?
    /// `lignesDePoste.lignePoste`, with the block's paging.
    public var lines: [InvoiceDetailsLine]
    /// The paging of the lines (`…LignesPoste`).
    public var linePaging: PageInfo
    /// `recapitulatifDeTva.ligneTva`.
    public var vatSummary: [InvoiceVATSummaryLine]
    /// The paging of the VAT summary.
    public var vatSummaryPaging: PageInfo
    /// The `montantTotal` block; each amount `nil` when the answer leaves it out.
    public var totals: InvoiceDetailsTotals?
    /// `pieceJointePrincipale`.
    public var mainAttachment: MainAttachment?
    /// `listeDesPiecesJointes.pieceJointe`.
    public var attachments: [InvoiceAttachment]
    /// The paging of the attachments.
    public var attachmentPaging: PageInfo
    /// `piecePrecedente` (works invoices): the previous document of the chain.
    public var previousDocument: LinkedDocument?
    /// `pieceSuivante` (works invoices): the next document of the chain.
    public var nextDocument: LinkedDocument?

    /// The number of lines: the block's total when given, else the lines read.
    public var lineCount: Int { linePaging.total ?? lines.count }
    /// The recipient's SIRET (`destinataire.codeDestinataire`).
    public var recipientSIRET: String? { recipient?.code }
    /// The recipient's name.
    public var recipientName: String? { recipient?.name }
    /// The recipient's service code.
    public var serviceCode: String? { recipient?.serviceCode }
    /// Whether the recipient is a State body (`destinataireEtat`).
    public var recipientIsState: Bool? { recipient?.isState }
    /// The currency (`references.codeDeviseFacture`).
    public var currency: String? { references?.currency }
    /// `references.typeFacture`.
    public var type: InvoiceType? { references?.type }
    /// `references.typeTva`.
    public var vatRegime: VATRegime? { references?.vatRegime }
    /// `references.modePaiement`.
    public var paymentMode: PaymentMode? { references?.paymentMode }
    /// `references.numeroBonCommande`.
    public var commitmentNumber: String? { references?.commitmentNumber }
    /// `references.dateFacture`.
    public var invoiceDate: CalendarDate? { references?.invoiceDate }

    /// Creates a value (for stubs and tests).
    public init(id: Int, number: String, status: InvoiceStatus, mode: DepositMode? = nil, comment: String? = nil,
                framework: InvoicingFramework? = nil, frameworkParties: FrameworkParties = FrameworkParties(),
                recipient: InvoiceRecipientBlock? = nil, supplier: InvoiceSupplierBlock? = nil, references: InvoiceReferences? = nil,
                lines: [InvoiceDetailsLine] = [], linePaging: PageInfo = PageInfo(), vatSummary: [InvoiceVATSummaryLine] = [],
                vatSummaryPaging: PageInfo = PageInfo(), totals: InvoiceDetailsTotals? = nil, mainAttachment: MainAttachment? = nil,
                attachments: [InvoiceAttachment] = [], attachmentPaging: PageInfo = PageInfo(), previousDocument: LinkedDocument? = nil,
                nextDocument: LinkedDocument? = nil) {
        self.id = id
        self.number = number
        self.status = status
        self.mode = mode
        self.comment = comment
        self.framework = framework
        self.frameworkParties = frameworkParties
        self.recipient = recipient
        self.supplier = supplier
        self.references = references
        self.lines = lines
        self.linePaging = linePaging
        self.vatSummary = vatSummary
        self.vatSummaryPaging = vatSummaryPaging
        self.totals = totals
        self.mainAttachment = mainAttachment
        self.attachments = attachments
        self.attachmentPaging = attachmentPaging
        self.previousDocument = previousDocument
        self.nextDocument = nextDocument
    }

    /// Decodes the answer (the `facture` object).
    public init(from decoder: any Decoder) throws {
        let root = try AnswerObject(decoder)
        guard let invoice = try root.object("facture") else { throw root.failure("facture", "the answer has no facture block") }
        guard let id = try invoice.int("identifiantFactureCPP") ?? invoice.int("idFacture") else {
            throw invoice.failure("identifiantFactureCPP", "the invoice has no identifiantFactureCPP")
        }
        guard let status = try invoice.value(InvoiceStatus.self, "statutFacture") ?? invoice.value(InvoiceStatus.self, "statut") else {
            throw invoice.failure("statutFacture", "the invoice has no status")
        }
        self.id = id
        self.status = status
        guard let number = try invoice.text("numeroFacture") else { throw invoice.failure("numeroFacture", "the invoice has no numeroFacture") }
        self.number = number
        mode = try invoice.value(DepositMode.self, "modeDepot")
        comment = try invoice.text("commentaire")
        let frame = try invoice.object("cadreDeFacturation")
        framework = try frame?.value(InvoicingFramework.self, "codeCadreFacturation")
        frameworkParties = try frame.map(FrameworkParties.init(block:)) ?? FrameworkParties()
        recipient = try invoice.object("destinataire").map(InvoiceRecipientBlock.init(block:))
        supplier = try invoice.object("fournisseur").map(InvoiceSupplierBlock.init(block:))
        references = try invoice.object("references").map(InvoiceReferences.init(block:))
        let lineBlock = try invoice.object("lignesDePoste")
        lines = try lineBlock?.objects("lignePoste").map(InvoiceDetailsLine.init(block:)) ?? []
        linePaging = try lineBlock.map { try PageInfo(block: $0, suffix: "LignesPoste") } ?? PageInfo()
        let vatBlock = try invoice.object("recapitulatifDeTva")
        vatSummary = try vatBlock?.objects("ligneTva").map(InvoiceVATSummaryLine.init(block:)) ?? []
        vatSummaryPaging = try vatBlock.map { try PageInfo(block: $0, suffix: "LignesRecapitulativesTVA") } ?? PageInfo()
        totals = try invoice.object("montantTotal").map(InvoiceDetailsTotals.init(block:))
        mainAttachment = try invoice.object("pieceJointePrincipale").map { block in
            MainAttachment(id: try block.int("idPieceJointePrincipale"), linkID: try block.int("idLiaisonPieceJointePrincipale"))
        }
        let attachmentBlock = try invoice.object("listeDesPiecesJointes")
        attachments = try attachmentBlock?.objects("pieceJointe").map(InvoiceAttachment.init(block:)) ?? []
        attachmentPaging = try attachmentBlock.map { try PageInfo(block: $0, suffix: "ListePiecesJointe") } ?? PageInfo()
        previousDocument = try invoice.object("piecePrecedente").map { try LinkedDocument(block: $0, suffix: "PiecePrecedente") }
        nextDocument = try invoice.object("pieceSuivante").map { try LinkedDocument(block: $0, suffix: "PieceSuivante") }
    }
}

extension PageInfo {
    /// The paging of a block inside an answer: `nbResultatsParPage<suffix>`, `pageCourante<suffix>`, `pages<suffix>`,
    /// `total<suffix>`.
    init(block: AnswerObject, suffix: String) throws {
        self.init(pageSize: try block.int("nbResultatsParPage" + suffix), currentPage: try block.int("pageCourante" + suffix),
                  pageCount: try block.int("pages" + suffix), total: try block.int("total" + suffix))
    }
}

/// Validators, project manager (MOE) and owner (MOA) named in the `cadreDeFacturation` block.
public struct FrameworkParties: Sendable, Hashable {
    /// First validator (A9 subcontractor, A12 co-contractor invoices): `idValideur1`, `codeValideur1`…
    public var firstValidator: FrameworkParty?
    /// Second validator.
    public var secondValidator: FrameworkParty?
    /// The project manager (maître d'œuvre) of a works invoice.
    public var projectManager: FrameworkParty?
    /// The owner (maître d'ouvrage) of a works invoice.
    public var owner: FrameworkParty?
    /// `dateValidation1`.
    public var firstValidationDate: CalendarDate?
    /// `dateValidation2`.
    public var secondValidationDate: CalendarDate?

    /// Creates a value.
    public init(firstValidator: FrameworkParty? = nil, secondValidator: FrameworkParty? = nil, projectManager: FrameworkParty? = nil,
                owner: FrameworkParty? = nil, firstValidationDate: CalendarDate? = nil, secondValidationDate: CalendarDate? = nil) {
        self.firstValidator = firstValidator
        self.secondValidator = secondValidator
        self.projectManager = projectManager
        self.owner = owner
        self.firstValidationDate = firstValidationDate
        self.secondValidationDate = secondValidationDate
    }

    init(block: AnswerObject) throws {
        firstValidator = try FrameworkParty(block: block, suffix: "Valideur1")
        secondValidator = try FrameworkParty(block: block, suffix: "Valideur2")
        projectManager = try FrameworkParty(block: block, suffix: "Moe")
        owner = try FrameworkParty(block: block, suffix: "Moa")
        firstValidationDate = try block.date("dateValidation1")
        secondValidationDate = try block.date("dateValidation2")
    }
}

/// One party of a framework block (a validator, the MOE or the MOA).
public struct FrameworkParty: Sendable, Hashable {
    /// Technical id (`idValideur1`, `idMoe`…).
    public var id: Int?
    /// Identifier (`codeValideur1`, `identifiantMoe`…).
    public var identifier: String?
    /// `typeIdentifiant…`.
    public var identifierType: String?
    /// Company name (`raisonSociale…`).
    public var name: String?
    /// A person's last and first names, when given (`nomValideur1`, `prenomValideur1`, `nomMoe`…).
    public var personName: String?
    /// Service id, code and name (MOE and MOA).
    public var serviceID: Int?
    /// Service code.
    public var serviceCode: String?
    /// Service name.
    public var serviceName: String?

    /// Creates a value.
    public init(id: Int? = nil, identifier: String? = nil, identifierType: String? = nil, name: String? = nil, personName: String? = nil,
                serviceID: Int? = nil, serviceCode: String? = nil, serviceName: String? = nil) {
        self.id = id
        self.identifier = identifier
        self.identifierType = identifierType
        self.name = name
        self.personName = personName
        self.serviceID = serviceID
        self.serviceCode = serviceCode
        self.serviceName = serviceName
    }

    /// Reads the party whose fields end with `suffix`; `nil` when none is present.
    init?(block: AnswerObject, suffix: String) throws {
        id = try block.int("id" + suffix)
        identifier = try block.text("code" + suffix) ?? block.text("identifiant" + suffix)
        identifierType = try block.text("typeIdentifiant" + suffix)
        name = try block.text("raisonSociale" + suffix) ?? block.text("designation" + suffix)
        let person = [try block.text("prenom" + suffix), try block.text("nom" + suffix)].compactMap { $0 }.filter { !$0.isEmpty }
        personName = person.isEmpty ? nil : person.joined(separator: " ")
        serviceID = try block.int("idService" + suffix)
        serviceCode = try block.text("codeService" + suffix)
        serviceName = try block.text("nomService" + suffix)
        if self == FrameworkParty() { return nil }
    }
}

/// A postal address of an invoice block (`adresse<Party>Detail`, `…Ville`…).
public struct InvoiceAddress: Sendable, Hashable {
    /// Address id.
    public var id: Int?
    /// Street line (`Detail`).
    public var street: String?
    /// Complement lines.
    public var complement1: String?
    /// Second complement line.
    public var complement2: String?
    /// Postal code.
    public var postalCode: String?
    /// City.
    public var city: String?
    /// ISO country code.
    public var countryCode: String?
    /// Country name.
    public var countryName: String?

    /// Creates a value.
    public init(id: Int? = nil, street: String? = nil, complement1: String? = nil, complement2: String? = nil, postalCode: String? = nil,
                city: String? = nil, countryCode: String? = nil, countryName: String? = nil) {
        self.id = id
        self.street = street
        self.complement1 = complement1
        self.complement2 = complement2
        self.postalCode = postalCode
        self.city = city
        self.countryCode = countryCode
        self.countryName = countryName
    }

    /// Reads `<prefix>Detail`, `<prefix>Ville`…; `nil` when none is present.
    init?(block: AnswerObject, prefix: String) throws {
        id = try block.int(prefix + "Id")
        street = try block.text(prefix + "Detail")
        complement1 = try block.text(prefix + "Complement1")
        complement2 = try block.text(prefix + "Complement2")
        postalCode = try block.text(prefix + "CodePostal")
        city = try block.text(prefix + "Ville")
        countryCode = try block.text(prefix + "CodePays")
        countryName = try block.text(prefix + "LibellePays")
        if self == InvoiceAddress() { return nil }
    }
}

/// The `destinataire` block of an invoice.
public struct InvoiceRecipientBlock: Sendable, Hashable {
    /// `idDestinataire`.
    public var id: Int?
    /// `codeDestinataire` (the SIRET).
    public var code: String?
    /// `libelleDestinataire`.
    public var name: String?
    /// `idServiceExecutant`.
    public var serviceID: Int?
    /// `codeServiceExecutant`.
    public var serviceCode: String?
    /// `libelleServiceExecutant`.
    public var serviceName: String?
    /// `destinataireEtat` (`OUI`/`NON`).
    public var isState: Bool?
    /// `adresseDestinataire…`.
    public var address: InvoiceAddress?

    /// Creates a value.
    public init(id: Int? = nil, code: String? = nil, name: String? = nil, serviceID: Int? = nil, serviceCode: String? = nil,
                serviceName: String? = nil, isState: Bool? = nil, address: InvoiceAddress? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.serviceID = serviceID
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.isState = isState
        self.address = address
    }

    init(block: AnswerObject) throws {
        id = try block.int("idDestinataire")
        code = try block.text("codeDestinataire")
        name = try block.text("libelleDestinataire")
        serviceID = try block.int("idServiceExecutant")
        serviceCode = try block.text("codeServiceExecutant")
        serviceName = try block.text("libelleServiceExecutant")
        isState = try block.bool("destinataireEtat")
        address = try InvoiceAddress(block: block, prefix: "adresseDestinataire")
    }
}

/// The supplier's bank account as an invoice carries it (`coordBancairesFournisseur…`).
public struct InvoiceBankAccount: Sendable, Hashable {
    /// `…Id`.
    public var id: Int?
    /// `…Type` (e.g. `IBAN`).
    public var type: String?
    /// `…Libelle`.
    public var label: String?
    /// `…CodePays`.
    public var countryCode: String?
    /// `…CompteBancaire` (the IBAN or account number).
    public var account: String?
    /// `…CodeBanque`.
    public var bankCode: String?
    /// `coordBancairesCodeGuichet`.
    public var branchCode: String?
    /// `…CleIban`.
    public var ibanKey: String?
    /// `…CleRib`.
    public var ribKey: String?
    /// `coordBancairesBicSwift`.
    public var bic: String?
    /// `…NomCb` (search results).
    public var holderName: String?

    /// Creates a value.
    public init(id: Int? = nil, type: String? = nil, label: String? = nil, countryCode: String? = nil, account: String? = nil,
                bankCode: String? = nil, branchCode: String? = nil, ibanKey: String? = nil, ribKey: String? = nil, bic: String? = nil,
                holderName: String? = nil) {
        self.id = id
        self.type = type
        self.label = label
        self.countryCode = countryCode
        self.account = account
        self.bankCode = bankCode
        self.branchCode = branchCode
        self.ibanKey = ibanKey
        self.ribKey = ribKey
        self.bic = bic
        self.holderName = holderName
    }

    /// Reads the `coordBancaires…` fields; `nil` when none is present.
    init?(block: AnswerObject) throws {
        let prefix = "coordBancairesFournisseur"
        id = try block.int(prefix + "Id")
        type = try block.text(prefix + "Type")
        label = try block.text(prefix + "Libelle")
        countryCode = try block.text(prefix + "CodePays")
        account = try block.text(prefix + "CompteBancaire")
        bankCode = try block.text(prefix + "CodeBanque")
        branchCode = try block.text("coordBancairesCodeGuichet")
        ibanKey = try block.text(prefix + "CleIban")
        ribKey = try block.text(prefix + "CleRib")
        bic = try block.text("coordBancairesBicSwift")
        holderName = try block.text(prefix + "NomCb")
        if self == InvoiceBankAccount() { return nil }
    }
}

/// The `fournisseur` block of an invoice.
public struct InvoiceSupplierBlock: Sendable, Hashable {
    /// `idFournisseur`.
    public var id: Int?
    /// `codeFournisseur` (SIRET or other identifier).
    public var code: String?
    /// `typeIdentifiantFournisseur`.
    public var identifierType: String?
    /// `designationFournisseur` or `raisonSocialeFournisseur`.
    public var name: String?
    /// `idServiceFournisseur`.
    public var serviceID: Int?
    /// `codeServiceFournisseur`.
    public var serviceCode: String?
    /// `libelleServiceFournisseur`.
    public var serviceName: String?
    /// `numeroRcsFournisseur`.
    public var rcsNumber: String?
    /// `adresseFournisseur…`.
    public var address: InvoiceAddress?
    /// `coordBancaires…`.
    public var bankAccount: InvoiceBankAccount?
    /// The factor (`affactureur`), when the invoice is factored.
    public var factor: FrameworkParty?

    /// Creates a value.
    public init(id: Int? = nil, code: String? = nil, identifierType: String? = nil, name: String? = nil, serviceID: Int? = nil,
                serviceCode: String? = nil, serviceName: String? = nil, rcsNumber: String? = nil, address: InvoiceAddress? = nil,
                bankAccount: InvoiceBankAccount? = nil, factor: FrameworkParty? = nil) {
        self.id = id
        self.code = code
        self.identifierType = identifierType
        self.name = name
        self.serviceID = serviceID
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.rcsNumber = rcsNumber
        self.address = address
        self.bankAccount = bankAccount
        self.factor = factor
    }

    init(block: AnswerObject) throws {
        id = try block.int("idFournisseur")
        code = try block.text("codeFournisseur")
        identifierType = try block.text("typeIdentifiantFournisseur")
        name = try block.text("designationFournisseur") ?? block.text("raisonSocialeFournisseur")
        serviceID = try block.int("idServiceFournisseur")
        serviceCode = try block.text("codeServiceFournisseur")
        serviceName = try block.text("libelleServiceFournisseur")
        rcsNumber = try block.text("numeroRcsFournisseur")
        address = try InvoiceAddress(block: block, prefix: "adresseFournisseur")
        bankAccount = try InvoiceBankAccount(block: block)
        factor = try block.object("affactureur").flatMap { factor in
            let party = FrameworkParty(id: try factor.int("affactureurId"), identifier: try factor.text("affactureurCode"),
                                       identifierType: try factor.text("affactureurTypeIdentifiant"),
                                       name: try factor.text("affactureurRaisonSociale"))
            return party == FrameworkParty() ? nil : party
        }
    }
}

/// The `references` block of an invoice.
public struct InvoiceReferences: Sendable, Hashable {
    /// `codeDeviseFacture`.
    public var currency: String?
    /// `libelleDeviseFacture`.
    public var currencyName: String?
    /// `typeFacture`.
    public var type: InvoiceType?
    /// `typeTva`.
    public var vatRegime: VATRegime?
    /// `modePaiement`.
    public var paymentMode: PaymentMode?
    /// `motifExonerationTva`.
    public var vatExemptionReason: String?
    /// `libelleMotifExonerationTva`.
    public var vatExemptionReasonName: String?
    /// `numeroMarche`.
    public var contractNumber: String?
    /// `numeroBonCommande`.
    public var commitmentNumber: String?
    /// `numeroFactureOrigine`.
    public var originalInvoiceNumber: String?
    /// `numeroDpMandat`.
    public var mandateNumber: String?
    /// `dateFacture`.
    public var invoiceDate: CalendarDate?
    /// `dateDepot`.
    public var depositDate: CalendarDate?
    /// `dateCreationFacture`.
    public var creationDate: Date?
    /// `dateEcheancePaiement`.
    public var dueDate: CalendarDate?
    /// `tailleTotalePiecesJointes`.
    public var attachmentsTotalSize: Amount?
    /// `typeFactureTravaux`.
    public var worksInvoiceType: String?

    /// Creates a value.
    public init(currency: String? = nil, currencyName: String? = nil, type: InvoiceType? = nil, vatRegime: VATRegime? = nil,
                paymentMode: PaymentMode? = nil, vatExemptionReason: String? = nil, vatExemptionReasonName: String? = nil,
                contractNumber: String? = nil, commitmentNumber: String? = nil, originalInvoiceNumber: String? = nil,
                mandateNumber: String? = nil, invoiceDate: CalendarDate? = nil, depositDate: CalendarDate? = nil, creationDate: Date? = nil,
                dueDate: CalendarDate? = nil, attachmentsTotalSize: Amount? = nil, worksInvoiceType: String? = nil) {
        self.currency = currency
        self.currencyName = currencyName
        self.type = type
        self.vatRegime = vatRegime
        self.paymentMode = paymentMode
        self.vatExemptionReason = vatExemptionReason
        self.vatExemptionReasonName = vatExemptionReasonName
        self.contractNumber = contractNumber
        self.commitmentNumber = commitmentNumber
        self.originalInvoiceNumber = originalInvoiceNumber
        self.mandateNumber = mandateNumber
        self.invoiceDate = invoiceDate
        self.depositDate = depositDate
        self.creationDate = creationDate
        self.dueDate = dueDate
        self.attachmentsTotalSize = attachmentsTotalSize
        self.worksInvoiceType = worksInvoiceType
    }

    init(block: AnswerObject) throws {
        currency = try block.text("codeDeviseFacture")
        currencyName = try block.text("libelleDeviseFacture")
        type = try block.value(InvoiceType.self, "typeFacture")
        vatRegime = try block.value(VATRegime.self, "typeTva")
        paymentMode = try block.value(PaymentMode.self, "modePaiement")
        vatExemptionReason = try block.text("motifExonerationTva")
        vatExemptionReasonName = try block.text("libelleMotifExonerationTva")
        contractNumber = try block.text("numeroMarche")
        commitmentNumber = try block.text("numeroBonCommande")
        originalInvoiceNumber = try block.text("numeroFactureOrigine")
        mandateNumber = try block.text("numeroDpMandat")
        invoiceDate = try block.date("dateFacture")
        depositDate = try block.date("dateDepot")
        creationDate = try block.timestamp("dateCreationFacture")
        dueDate = try block.date("dateEcheancePaiement")
        attachmentsTotalSize = try block.amount("tailleTotalePiecesJointes")
        worksInvoiceType = try block.text("typeFactureTravaux")
    }
}

/// One line of `lignesDePoste.lignePoste`.
public struct InvoiceDetailsLine: Sendable, Hashable {
    /// `lignePosteNumero`.
    public var number: Int?
    /// `lignePosteReference`.
    public var reference: String?
    /// `lignePosteDenomination`.
    public var name: String?
    /// `lignePosteQuantite`.
    public var quantity: Amount?
    /// `lignePosteUniteCode` (or `lignePosteUnite`).
    public var unitCode: String?
    /// `lignePosteUniteLibelle`.
    public var unitName: String?
    /// `lignePosteMontantUnitaireHT`.
    public var unitPrice: Amount?
    /// `lignePosteMontantRemiseHT`.
    public var discount: Amount?
    /// `lignePosteTauxTva` (a rate code).
    public var vatRateCode: String?
    /// `lignePosteTauxTvaManuel`.
    public var vatRatePercentage: Amount?
    /// `lignePosteCategorieTva`.
    public var vatCategory: String?
    /// `lignePosteMontantHtApresRemise`.
    public var netAmount: Amount?
    /// `lignePosteMontantTva`.
    public var vatAmount: Amount?
    /// `lignePosteMontantTtcApresRemise`.
    public var amountIncludingTax: Amount?

    /// Creates a value.
    public init(number: Int? = nil, reference: String? = nil, name: String? = nil, quantity: Amount? = nil, unitCode: String? = nil,
                unitName: String? = nil, unitPrice: Amount? = nil, discount: Amount? = nil, vatRateCode: String? = nil,
                vatRatePercentage: Amount? = nil, vatCategory: String? = nil, netAmount: Amount? = nil, vatAmount: Amount? = nil,
                amountIncludingTax: Amount? = nil) {
        self.number = number
        self.reference = reference
        self.name = name
        self.quantity = quantity
        self.unitCode = unitCode
        self.unitName = unitName
        self.unitPrice = unitPrice
        self.discount = discount
        self.vatRateCode = vatRateCode
        self.vatRatePercentage = vatRatePercentage
        self.vatCategory = vatCategory
        self.netAmount = netAmount
        self.vatAmount = vatAmount
        self.amountIncludingTax = amountIncludingTax
    }

    init(block: AnswerObject) throws {
        number = try block.int("lignePosteNumero")
        reference = try block.text("lignePosteReference")
        name = try block.text("lignePosteDenomination")
        quantity = try block.amount("lignePosteQuantite")
        unitCode = try block.text("lignePosteUniteCode") ?? block.text("lignePosteUnite")
        unitName = try block.text("lignePosteUniteLibelle")
        unitPrice = try block.amount("lignePosteMontantUnitaireHT")
        discount = try block.amount("lignePosteMontantRemiseHT")
        vatRateCode = try block.text("lignePosteTauxTva")
        vatRatePercentage = try block.amount("lignePosteTauxTvaManuel")
        vatCategory = try block.text("lignePosteCategorieTva")
        netAmount = try block.amount("lignePosteMontantHtApresRemise")
        vatAmount = try block.amount("lignePosteMontantTva")
        amountIncludingTax = try block.amount("lignePosteMontantTtcApresRemise")
    }
}

/// One rate of `recapitulatifDeTva.ligneTva`.
public struct InvoiceVATSummaryLine: Sendable, Hashable {
    /// `ligneTvaMontantBaseHtParTaux`.
    public var basis: Amount?
    /// `ligneTvaMontantTvaParTaux`.
    public var vat: Amount?
    /// `ligneTvaTauxManuel`.
    public var manualPercentage: Amount?
    /// `ligneTvaTauxRefCode`.
    public var rateCode: String?
    /// `ligneTvaTauxRefId`.
    public var rateID: Int?
    /// `ligneTvaTauxRefLibelle`.
    public var rateName: String?
    /// `ligneTvaTauxRefValeur`.
    public var ratePercentage: Amount?

    /// Creates a value.
    public init(basis: Amount? = nil, vat: Amount? = nil, manualPercentage: Amount? = nil, rateCode: String? = nil, rateID: Int? = nil,
                rateName: String? = nil, ratePercentage: Amount? = nil) {
        self.basis = basis
        self.vat = vat
        self.manualPercentage = manualPercentage
        self.rateCode = rateCode
        self.rateID = rateID
        self.rateName = rateName
        self.ratePercentage = ratePercentage
    }

    init(block: AnswerObject) throws {
        basis = try block.amount("ligneTvaMontantBaseHtParTaux")
        vat = try block.amount("ligneTvaMontantTvaParTaux")
        manualPercentage = try block.amount("ligneTvaTauxManuel")
        rateCode = try block.text("ligneTvaTauxRefCode")
        rateID = try block.int("ligneTvaTauxRefId")
        rateName = try block.text("ligneTvaTauxRefLibelle")
        ratePercentage = try block.amount("ligneTvaTauxRefValeur")
    }
}

/// The `montantTotal` block; an amount the answer leaves out is `nil`, never 0.
public struct InvoiceDetailsTotals: Sendable, Hashable {
    /// `montantHtTotal`.
    public var excludingTax: Amount?
    /// `montantTVA`.
    public var vat: Amount?
    /// `montantTtcAvantRemiseGlobalTTC`.
    public var includingTaxBeforeDiscount: Amount?
    /// `montantRemiseGlobaleTTC`.
    public var globalDiscount: Amount?
    /// `motifRemiseGlobaleTTC`.
    public var globalDiscountReason: String?
    /// `montantTtcTotal`.
    public var includingTax: Amount?
    /// `montantAPayer`.
    public var amountToPay: Amount?

    /// Creates a value.
    public init(excludingTax: Amount? = nil, vat: Amount? = nil, includingTaxBeforeDiscount: Amount? = nil, globalDiscount: Amount? = nil,
                globalDiscountReason: String? = nil, includingTax: Amount? = nil, amountToPay: Amount? = nil) {
        self.excludingTax = excludingTax
        self.vat = vat
        self.includingTaxBeforeDiscount = includingTaxBeforeDiscount
        self.globalDiscount = globalDiscount
        self.globalDiscountReason = globalDiscountReason
        self.includingTax = includingTax
        self.amountToPay = amountToPay
    }

    init(block: AnswerObject) throws {
        excludingTax = try block.amount("montantHtTotal")
        vat = try block.amount("montantTVA")
        includingTaxBeforeDiscount = try block.amount("montantTtcAvantRemiseGlobalTTC")
        globalDiscount = try block.amount("montantRemiseGlobaleTTC")
        globalDiscountReason = try block.text("motifRemiseGlobaleTTC")
        includingTax = try block.amount("montantTtcTotal")
        amountToPay = try block.amount("montantAPayer")
    }
}

/// `pieceJointePrincipale`: the invoice's main file.
public struct MainAttachment: Sendable, Hashable {
    /// `idPieceJointePrincipale`.
    public var id: Int?
    /// `idLiaisonPieceJointePrincipale`.
    public var linkID: Int?

    /// Creates a value.
    public init(id: Int?, linkID: Int?) {
        self.id = id
        self.linkID = linkID
    }
}

/// One file of `listeDesPiecesJointes.pieceJointe`.
public struct InvoiceAttachment: Sendable, Hashable {
    /// `pieceJointeId`.
    public var id: Int?
    /// `pieceJointeIdLiaison`.
    public var linkID: Int?
    /// `pieceJointeDesignation`.
    public var designation: String?
    /// `pieceJointeExtension`.
    public var fileExtension: String?
    /// `pieceJointeTypeCode`.
    public var typeCode: String?
    /// `pieceJointeTypeLibelle`.
    public var typeName: String?
    /// `pieceJointeNumeroLigneFacture`: the line it belongs to, if any.
    public var lineNumber: Int?

    /// Creates a value.
    public init(id: Int? = nil, linkID: Int? = nil, designation: String? = nil, fileExtension: String? = nil, typeCode: String? = nil,
                typeName: String? = nil, lineNumber: Int? = nil) {
        self.id = id
        self.linkID = linkID
        self.designation = designation
        self.fileExtension = fileExtension
        self.typeCode = typeCode
        self.typeName = typeName
        self.lineNumber = lineNumber
    }

    init(block: AnswerObject) throws {
        id = try block.int("pieceJointeId")
        linkID = try block.int("pieceJointeIdLiaison")
        designation = try block.text("pieceJointeDesignation")
        fileExtension = try block.text("pieceJointeExtension")
        typeCode = try block.text("pieceJointeTypeCode")
        typeName = try block.text("pieceJointeTypeLibelle")
        lineNumber = try block.int("pieceJointeNumeroLigneFacture")
    }
}

/// `piecePrecedente` / `pieceSuivante`: a linked document of a works invoice chain.
public struct LinkedDocument: Sendable, Hashable {
    /// `idPiece…`.
    public var id: Int?
    /// `numeroPiece…`.
    public var number: String?
    /// `cadreFacturationPiece…`.
    public var framework: String?
    /// `identifiantDestinatairePiece…`.
    public var recipientIdentifier: String?
    /// `raisonSocialeDestinatairePiece…`.
    public var recipientName: String?
    /// `codeServiceExecutantPiece…`.
    public var serviceCode: String?

    /// Creates a value.
    public init(id: Int? = nil, number: String? = nil, framework: String? = nil, recipientIdentifier: String? = nil,
                recipientName: String? = nil, serviceCode: String? = nil) {
        self.id = id
        self.number = number
        self.framework = framework
        self.recipientIdentifier = recipientIdentifier
        self.recipientName = recipientName
        self.serviceCode = serviceCode
    }

    init(block: AnswerObject, suffix: String) throws {
        id = try block.int("id" + suffix)
        number = try block.text("numero" + suffix)
        framework = try block.text("cadreFacturation" + suffix)
        recipientIdentifier = try block.text("identifiantDestinataire" + suffix)
        recipientName = try block.text("raisonSocialeDestinataire" + suffix)
        serviceCode = try block.text("codeServiceExecutant" + suffix)
    }
}
