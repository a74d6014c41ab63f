import Foundation

/// The ``StructureService`` that calls the platform through the client's pipeline.
struct StructureServiceClient: StructureService {
    let pipeline: RequestPipeline
    private let portal: PortalClient

    package init(pipeline: RequestPipeline, portal: PortalClient) {
        self.pipeline = pipeline
        self.portal = portal
    }

    public func search(_ query: StructureQuery, page: PageRequest) async throws -> Page<StructureSummary> {
        var problems: [ValidationProblem] = []
        for (value, field) in [(query.name, "raisonSocialeStructure"), (query.postalCode, "adresseCodePostal"), (query.city, "adresseVille"),
                               (query.country, "adresseCodePays")] {
            if let value { problems += InputLimits.textProblems(value, field: "structure.\(field)", limitKey: field) }
        }
        if !problems.isEmpty { throw ChorusError.invalid(.rechercherStructure, problems) }
        let body = SearchBody(query: query, page: page)
        let answer: KeyedList<StructureSummary> = try await pipeline.callList(.rechercherStructure, body)
        return answer.page
    }

    public func searchAll(_ query: StructureQuery, pageSize: Int) -> PageSequence<StructureSummary> {
        PageSequence(operation: .rechercherStructure, pageSize: pageSize) { number in
            try await search(query, page: PageRequest(pageSize: pageSize, page: number))
        }
    }

    public func details(structureID: Int) async throws -> StructureDetails {
        try await pipeline.call(.consulterStructure, ["idStructureCPP": .int(structureID), "codeLangue": "FR"] as WireObject)
    }

    public func services(structureID: Int, includeInactive: Bool) async throws -> [ServiceInfo] {
        let pageSize = 1000
        let all = PageSequence<ServiceInfo>(operation: .rechercherServicesStructure, pageSize: pageSize) { number in
            let body: WireObject = ["idStructure": .int(structureID),
                                    "parametresRechercherServicesStructure": .page(PageRequest(pageSize: pageSize, page: number))]
            let answer: KeyedList<ServiceInfo> = try await pipeline.callList(.rechercherServicesStructure, body)
            return answer.page
        }
        let services = try await all.collect()
        return includeInactive ? services : services.filter { $0.isActive == true }  // unknown activity is not "active"
    }

    public func serviceDetails(structureID: Int, serviceID: Int) async throws -> ServiceDetails {
        try await pipeline.call(.consulterServiceStructure,
                                ["idStructure": .int(structureID), "idService": .int(serviceID), "codeLangue": "FR"] as WireObject)
    }

    public func recipient(siret: String, serviceCode: String?) async throws -> RecipientProfile {
        let identifier = try StructureIdentifier.siret(siret, checkDigit: pipeline.checkDigitPolicy)
        pipeline.warn(identifier.warning, operation: .rechercherStructure)
        let found = try await search(StructureQuery(identifier: identifier), page: PageRequest(pageSize: 10))
        let exact = found.items.first(where: { $0.identifier == identifier.value })
        if exact == nil, let skipped = found.issues.first(where: { $0.consequence == .itemSkipped }) {
            // A structure the answer served but the SDK could not read may be this one: not "not found".
            throw ChorusError(.decodingFailed, operation: .rechercherStructure,
                              message: "the search for SIRET \(identifier.value) returned a structure the SDK could not read (\(skipped))")
        }
        guard let summary = exact ?? found.items.first else {
            throw ChorusError(.recipientNotFound, operation: .rechercherStructure,
                              message: "no structure with SIRET \(identifier.value) was found on this platform by structures/v1/rechercher",
                              field: "siret", rule: "recipient.exists")
        }
        let structure = try await details(structureID: summary.id)
        guard summary.isActive != false else {
            throw ChorusError(.recipientInactive, operation: .rechercherStructure,
                              message: "the structure with SIRET \(identifier.value) exists on Chorus Pro but is not active",
                              field: "siret", rule: "recipient.active")
        }
        guard structure.isPublic != false else {
            throw ChorusError(.invalidInput, operation: .consulterStructure,
                              message: "the structure with SIRET \(identifier.value) is a private company, not a public recipient",
                              field: "siret", rule: "recipient.public")
        }
        let all = try await services(structureID: summary.id, includeInactive: true)
            .filter { $0.isActive != false && $0.code != ServiceInfo.publicInvoicesCode }
        let services = all.filter { $0.isActive == true }
        var chosen: ServiceDetails?
        if let serviceCode, let service = services.first(where: { $0.code == serviceCode }) {
            chosen = try await serviceDetails(structureID: summary.id, serviceID: service.id)
        }
        var unconfirmed: [ValidationProblem] = []
        if summary.isActive == nil {
            unconfirmed.append(ValidationProblem(field: "destinataire.codeDestinataire", rule: "SDK-RECIPIENT-ACTIVITY-UNKNOWN",
                                                 message: "the platform's answer does not say whether \(identifier.value) is active"))
        }
        if structure.isPublic == nil {
            unconfirmed.append(ValidationProblem(field: "destinataire.codeDestinataire", rule: "SDK-RECIPIENT-PUBLIC-UNKNOWN",
                                                 message: "the platform's answer does not say whether \(identifier.value) is a public body"))
        }
        return RecipientProfile(structure: structure, services: services, requirement: structure.requirement, service: chosen,
                                unconfirmedServices: all.filter { $0.isActive == nil }, unconfirmed: unconfirmed)
    }

    public func recipientDirectory() async throws -> RecipientDirectory {
        let zip = try await pipeline.downloadFile(.telechargerAnnuaireDestinataire, [:] as WireObject, base64Field: "fichierResultat")
        do {
            return try RecipientDirectory(zip: zip)
        } catch let failure as ZipArchive.Failure {
            throw ChorusError(.decodingFailed, operation: .telechargerAnnuaireDestinataire,
                              message: "the directory could not be unpacked: \(failure.description).")
        }
    }

    public func siretInformation(siret: String) async throws -> SIRETInformation {
        let identifier = try StructureIdentifier.siret(siret, checkDigit: pipeline.checkDigitPolicy)
        pipeline.warn(identifier.warning, operation: .consulterInformationsSIRET)
        return try await pipeline.call(.consulterInformationsSIRET, ["siretStructure": .string(identifier.value)] as WireObject)
    }

    public func commitments(number: String, supplierID: Int) async throws -> [Commitment] {
        let trimmed = number.trimmingCharacters(in: .whitespaces)
        guard (1...50).contains(trimmed.count) else {
            throw ChorusError.invalidInput(.rechercherEngagementJuridique, field: "numeroEngagementJuridique",
                                           rule: "commitment.length", "a commitment number has 1 to 50 characters")
        }
        let body: WireObject = ["numeroEngagementJuridique": .string(trimmed),
                                "structureReceptriceEngagementJuridique": .string(String(supplierID))]
        let answer: KeyedList<Commitment> = try await pipeline.callList(.rechercherEngagementJuridique, body)
        return answer.items
    }

    public func requestAffiliation(_ request: AffiliationRequest, session: PortalSession) async throws -> Affiliation {
        try await portal.call(.demanderRattachementStructure, request.wireBody(checkDigit: pipeline.checkDigitPolicy), session: session)
    }
}

/// `rechercherStructure`'s body (§5.1).
private struct SearchBody: Encodable {
    let query: StructureQuery
    let page: PageRequest

    private enum Keys: String, CodingKey { case structure, restreindreStructuresPrivees, parametres }
    private enum FilterKeys: String, CodingKey {
        case identifiantStructure, typeIdentifiantStructure, raisonSocialeStructure, adresseCodePostal, adresseVille,
             adresseCodePays, typeStructure, statutStructure
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var filter = container.nestedContainer(keyedBy: FilterKeys.self, forKey: .structure)
        try filter.encodeIfPresent(query.identifier?.value, forKey: .identifiantStructure)
        try filter.encodeIfPresent(query.identifier?.type, forKey: .typeIdentifiantStructure)
        try filter.encodeIfPresent(query.name, forKey: .raisonSocialeStructure)
        try filter.encodeIfPresent(query.postalCode, forKey: .adresseCodePostal)
        try filter.encodeIfPresent(query.city, forKey: .adresseVille)
        try filter.encodeIfPresent(query.country, forKey: .adresseCodePays)
        try filter.encodeIfPresent(query.kind?.rawValue, forKey: .typeStructure)
        try filter.encodeIfPresent(query.isActive.map { $0 ? "ACTIF" : "INACTIF" }, forKey: .statutStructure)
        try container.encode(!query.includeUnattachedPrivateStructures, forKey: .restreindreStructuresPrivees)
        try container.encode(page, forKey: .parametres)
    }
}

