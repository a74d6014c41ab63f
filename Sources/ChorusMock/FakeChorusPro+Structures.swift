import Foundation

/// `structures/v1/*`, `utilisateurs/v1/monCompte/recuperer/rattachements`, the supplier look-ups of
/// `transverses/v1/recuperer/*` and `engagementsJuridiques/v1/rechercher`.
extension FakeChorusPro {
    func rechercherStructure(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let filter = body["structure"]
        let restrictPrivate = body["restreindreStructuresPrivees"].bool ?? true
        let attached = Set(attachedStructureIDs(caller))
        func matches(_ text: String, _ key: String) -> Bool {
            guard let wanted = filter[key].lenientString, !wanted.isEmpty else { return true }
            return text.lowercased().contains(wanted.lowercased())
        }
        let found = structures.values.sorted { $0.id < $1.id }.filter { structure in
            if let identifier = filter["identifiantStructure"].lenientString, !identifier.isEmpty,
               identifier != structure.identifier { return false }
            if let type = filter["typeIdentifiantStructure"].string, type != structure.identifierType { return false }
            if let kind = filter["typeStructure"].string, kind != (structure.isPublic ? "PUBLIQUE" : "PRIVEE") { return false }
            if let status = filter["statutStructure"].string, status != (structure.isActive ? "ACTIF" : "INACTIF") { return false }
            if let country = filter["adresseCodePays"].string, country != structure.country { return false }
            if let postal = filter["adresseCodePostal"].lenientString, !postal.isEmpty, postal != structure.postalCode { return false }
            guard matches(structure.name, "raisonSocialeStructure"), matches(structure.name, "libelleStructure"),
                  matches(structure.name, "nomStructure"), matches(structure.city, "adresseVille")
            else { return false }
            return structure.isPublic || !restrictPrivate || attached.contains(structure.id)
        }
        let (page, info) = paginate(found, body["parametres"])
        if found.isEmpty { return try noResult(listKey: "listeStructures", info) }
        return ["listeStructures": .array(page.map { structure in
            ["idStructureCPP": .int(structure.id), "identifiantStructure": .string(structure.identifier),
             "typeIdentifiantStructure": .string(structure.identifierType),
             "designationStructure": .string(structure.name), "statut": structure.isActive ? "ACTIVE" : "INACTIVE"]
        }), "parametresRetour": info]
    }

    func consulterStructure(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let id = body["idStructureCPP"].int else { throw FakeRefusal.missing("idStructureCPP") }
        guard let structure = structures[id] else { throw FakeRefusal.structureNotFound }
        var general: JSONValue = [
            "idStructureCPP": .int(structure.id), "identifiantStructure": .string(structure.identifier),
            "typeIdentifiantStructure": .string(structure.identifierType), "libelleStructure": .string(structure.name),
            "raisonSocialeStructure": .string(structure.name), "numeroTVA": .text(structure.vatNumber),
            "structurePriveePublique": structure.isPublic ? "PUBLIQUE" : "PRIVEE", "estValideurDeleguee": false,
        ]
        if let account = technicalAccounts.values.first(where: { $0.structureID == structure.id }),
           attachedStructureIDs(caller).contains(structure.id) {
            general["dateExpirationMotPasseCompteTech"] = .string(timestamp(account.passwordExpiry))
        }
        return [
            "adressePostaleDuSiege": ["adresse": "1 rue de la République", "codePostal": .string(structure.postalCode),
                                      "ville": .string(structure.city), "pays": .string(structure.country)],
            "informationGenerales": general,
            "parametres": ["codeServiceDoitEtreRenseigne": .bool(structure.requiresServiceCode),
                           "numeroEJDoitEtreRenseigne": .bool(structure.requiresCommitment),
                           "gestionNumeroEJOuCodeService": .bool(structure.requiresServiceCodeOrCommitment),
                           "connexionEDI": false, "estMoaUniquement": false, "estValideurDelegue": false, "getaMoa": false,
                           "nonDiffusibleInsee": false, "recevoirDonneesViaEDI": false,
                           "statutMiseEnPaiementNestPasRemonte": false],
        ]
    }

    func serviceJSON(_ service: FakeService) -> JSONValue {
        ["idService": .int(service.id), "codeService": .string(service.code), "libelleService": .string(service.name),
         "estActif": .bool(service.isActive), "statutService": service.isActive ? "ACTIF" : "INACTIF",
         "dateDbtService": "2017-01-01 00:00", "dateFinService": service.isActive ? "2050-12-31 00:00" : "2020-12-31 00:00"]
    }

    func rechercherServices(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let id = body["idStructure"].int else { throw FakeRefusal.missing("idStructure") }
        guard let structure = structures[id] else { throw FakeRefusal.structureNotFound }
        let (page, info) = paginate(structure.services, body["parametresRechercherServicesStructure"])
        if structure.services.isEmpty { return try noResult(listKey: "listeServices", info) }
        return ["listeServices": .array(page.map(serviceJSON)), "parametresRetour": info]
    }

    func consulterService(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        guard let structureID = body["idStructure"].int else { throw FakeRefusal.missing("idStructure") }
        guard let serviceID = body["idService"].int else { throw FakeRefusal.missing("idService") }
        guard let structure = structures[structureID],
              let service = structure.services.first(where: { $0.id == serviceID })
        else { throw FakeRefusal.serviceNotFound }
        return [
            "adressePostale": ["codePostal": .string(structure.postalCode), "ville": .string(structure.city),
                               "pays": .string(structure.country)],
            "informationsGenerales": ["codeService": .string(service.code), "nomService": .string(service.name),
                                      "descriptionService": .string(service.name)],
            "parametres": ["dateCreation": "2017-01-01T00:00:00.000+01:00", "dateDebutValidite": "2017-01-01 00:00",
                           "dateFinValidite": service.isActive ? "2050-12-31T00:00:00+01:00" : "2020-12-31T00:00:00+01:00",
                           "numeroEngagement": .bool(service.requiresCommitment), "miseEnPaiement": true],
            "nbResultatsParPage": 1, "pageCourante": 1, "pages": 1, "total": 1,
        ]
    }

    func recupererRattachements(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let attached = attachedStructureIDs(caller).compactMap { structures[$0] }
        let (page, info) = paginate(attached, body["parametresRecherche"])
        return ["listeStructureRattachement": .array(page.map { structure in
            ["idStructure": .int(structure.id), "identifiantStructure": .string(structure.identifier),
             "typeIdentifiantStructure": .string(structure.identifierType),
             "designationStructure": .string(structure.name), "idRattachementStructure": .int(structure.id + 1),
             "roleUtilisateur": "UTILISATEUR_TECHNIQUE", "statutRattachementStructure": "VALIDEE",
             "statutUtilisateur": "ACTIF",
             "listeServicesRattache": .array(structure.services.map { service in
                 var json = serviceJSON(service)
                 json["idRattachementService"] = .int(service.id + 1)
                 json["statutRattachementService"] = "VALIDEE"
                 return json
             })]
        }), "parametresRetour": info]
    }

    func structuresActivesFournisseur(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let active = attachedStructureIDs(caller).compactMap { structures[$0] }.filter(\.isActive)
        return ["listeStructures": .array(active.map { structure in
            ["idStructureCPP": .int(structure.id), "identifiant": .string(structure.identifier),
             "designationStructure": .string(structure.name)]
        }), "nbResultatsParPage": .int(max(active.count, 1)), "pageCourante": 1, "pages": 1, "total": .int(active.count)]
    }

    func coordonneesBancaires(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let structure = try requireAttached(caller, body["idStructure"].int)
        let valid = structure.bankAccounts.filter(\.isValid)
        return ["libelle": "GCU_MSG_01_000",
                "listeCoordonneeBancaire": .array(valid.map { ["idCoordonneeBancaire": .int($0.id),
                                                               "nomCoordonneeBancaire": .string($0.name)] }),
                "nbResultatsParPage": .int(max(valid.count, 1)), "pageCourante": 1, "pages": 1, "total": .int(valid.count)]
    }

    func rechercherEngagements(_ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        let number = body["numeroEngagementJuridique"].lenientString
        let state = body["etatCourantEngagementJuridique"].string
        let supplier = body["structureReceptriceEngagementJuridique"].lenientString
        let found = commitments.filter { commitment in
            (number == nil || commitment.number == number) && (state == nil || commitment.state == state)
                && (supplier == nil || String(commitment.supplierID) == supplier)
        }
        let (page, info) = paginate(found, body["parametres"])
        if found.isEmpty { return try noResult(listKey: "listeEngagementJuridique", info) }
        return ["listeEngagementJuridique": .array(page.map { commitment in
            ["numeroEngagementJuridique": .string(commitment.number),
             // Answers carry the state as `libelleEtatCourantEJ`; `etatCourantEngagementJuridique` is the request's filter.
             "libelleEtatCourantEJ": .string(commitment.state),
             "idStructureEmettrice": .int(commitment.recipientID),
             "identifiantStructureEmettrice": .text(structures[commitment.recipientID]?.identifier),
             "structureReceptriceEngagementJuridique": .string(String(commitment.supplierID))]
        }), "parametresRetour": info]
    }
}
