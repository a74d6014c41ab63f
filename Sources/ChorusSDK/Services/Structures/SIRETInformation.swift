import Foundation

/// What INSEE's register says of an establishment, as `consulter/information/siret` relays it (§4.3; fields from
/// go-choruspro's `transverses_structures.go`). The platform does not serve it on qualification. A field the answer
/// leaves out stays `nil`.
public struct SIRETInformation: Sendable, Hashable, Decodable {
    /// `siret`.
    public var siret: String?
    /// `siren`.
    public var siren: String?
    /// `raisonSociale`.
    public var name: String?
    /// `civilite` (a person's business).
    public var civility: String?
    /// `adresse`.
    public var address: String?
    /// `categorieEntreprise` (PME, ETI, GE…).
    public var companyCategory: String?
    /// `categorieJuridique`.
    public var legalCategory: String?
    /// `siege`: whether this establishment is the head office (as the platform writes it).
    public var headOffice: String?
    /// `localisationSiege`.
    public var headOfficeLocation: String?
    /// `estActif`.
    public var isActive: Bool?
    /// `nonDiffusibleInsee`: the establishment asked INSEE not to publish its data.
    public var notPublic: Bool?
    /// `numeroInterneClassement`.
    public var internalClassification: String?
    /// `dateCreationEntreprise`.
    public var companyCreationDate: CalendarDate?
    /// `dateCreationEtablissement`.
    public var establishmentCreationDate: CalendarDate?
    /// `dateReactivationEtablissement`.
    public var reactivationDate: CalendarDate?
    /// `siretPredecesseurSuccesseur`.
    public var predecessorOrSuccessorSIRET: String?

    /// Creates a value (for stubs and tests).
    public init(siret: String? = nil, siren: String? = nil, name: String? = nil, civility: String? = nil, address: String? = nil,
                companyCategory: String? = nil, legalCategory: String? = nil, headOffice: String? = nil, headOfficeLocation: String? = nil,
                isActive: Bool? = nil, notPublic: Bool? = nil, internalClassification: String? = nil, companyCreationDate: CalendarDate? = nil,
                establishmentCreationDate: CalendarDate? = nil, reactivationDate: CalendarDate? = nil, predecessorOrSuccessorSIRET: String? = nil) {
        self.siret = siret
        self.siren = siren
        self.name = name
        self.civility = civility
        self.address = address
        self.companyCategory = companyCategory
        self.legalCategory = legalCategory
        self.headOffice = headOffice
        self.headOfficeLocation = headOfficeLocation
        self.isActive = isActive
        self.notPublic = notPublic
        self.internalClassification = internalClassification
        self.companyCreationDate = companyCreationDate
        self.establishmentCreationDate = establishmentCreationDate
        self.reactivationDate = reactivationDate
        self.predecessorOrSuccessorSIRET = predecessorOrSuccessorSIRET
    }

    /// Decodes the answer.
    public init(from decoder: any Decoder) throws {
        let answer = try AnswerObject(decoder)
        siret = try answer.text("siret")
        siren = try answer.text("siren")
        name = try answer.text("raisonSociale")
        civility = try answer.text("civilite")
        address = try answer.text("adresse")
        companyCategory = try answer.text("categorieEntreprise")
        legalCategory = try answer.text("categorieJuridique")
        headOffice = try answer.text("siege")
        headOfficeLocation = try answer.text("localisationSiege")
        isActive = try answer.bool("estActif")
        notPublic = try answer.bool("nonDiffusibleInsee")
        internalClassification = try answer.text("numeroInterneClassement")
        companyCreationDate = try answer.date("dateCreationEntreprise")
        establishmentCreationDate = try answer.date("dateCreationEtablissement")
        reactivationDate = try answer.date("dateReactivationEtablissement")
        predecessorOrSuccessorSIRET = try answer.text("siretPredecesseurSuccesseur")
    }
}
