import ChorusSDK
import Foundation

/// The portal steps PISTE does not expose (DESIGN.md, "Portal-only steps"), served under
/// `/portail/v1/` with JSON bodies and the same envelope (`codeRetour`, `libelle`):
///
/// | Route | Body | Answer |
/// | --- | --- | --- |
/// | `POST comptes/creer` | `email`, `confirmationEmail`, `prenom`, `nom`, `telephone`?, `emailContact`?, `acceptationCGU`, `consentementEnquete` | `idCompte`; an activation e-mail goes to ``FakeChorusPro/outbox`` |
/// | `POST comptes/activer` | `jetonActivation`, `motDePasse` | — |
/// | `POST connexion` | `email`, `motDePasse` | `jetonSession` (send it as header `portail-session`) |
/// | `POST rattachements/demander` | `typeIdentifiant`, `identifiant`, `raisonSociale`?, `nom`?, `prenom`?, `codePays`? | `idRattachement`, `idStructureCPP`, `statut`, `role` |
/// | `POST rattachements/lister` | `{}` | `listeRattachements`, `listeDemandesATraiter` |
/// | `POST rattachements/traiter` | `idRattachement`, `decision` (`VALIDER`/`REFUSER`) | `statut` |
/// | `POST comptesTechniques/creer` | `idStructureCPP` | `clientId`, `clientSecret`, `loginTechnique`, `motDePasseTechnique` |
/// | `GET boiteMail?email=…` | — | `listeEmails` (for clients that cannot call ``FakeChorusPro/outbox``) |
///
/// Password rule (shared with the SDK's local check): 12 to 64 characters with a lower-case letter, an
/// upper-case letter, a digit and another character.
extension FakeChorusPro {
    func portal(_ request: HTTPRequest) -> HTTPResponse {
        let route = String(request.url.path.dropFirst(Self.portalPrefix.count))
        if route == "boiteMail" {
            let email = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems?
                .first { $0.name == "email" }?.value
            return .json(["codeRetour": 0, "libelle": "GCU_MSG_01_000", "listeEmails": .array(sentEmails.filter {
                email == nil || $0.to == email
            }.map { ["destinataire": .string($0.to), "objet": .string($0.subject), "corps": .string($0.body)] })])
        }
        guard request.method == .post, let body = JSONValue.parse(request.body ?? Data("{}".utf8)), body.object != nil else {
            return .json(["codeRetour": 400, "libelle": "Requête mal formée"], status: 400)
        }
        do {
            let session = request.headers["portail-session"].flatMap { sessions[$0] }
            var answer: JSONValue
            switch route {
            case "comptes/creer": answer = try register(body)
            case "comptes/activer": answer = try activate(body)
            case "connexion": answer = try signIn(body)
            case "rattachements/demander": answer = try requestAffiliation(body, account: try signedIn(session))
            case "rattachements/lister": answer = try listAffiliations(account: try signedIn(session))
            case "rattachements/traiter": answer = try decideAffiliation(body, account: try signedIn(session))
            case "comptesTechniques/creer": answer = try createTechnicalAccount(body, account: try signedIn(session))
            default: return HTTPResponse(status: 404)
            }
            answer["codeRetour"] = 0
            answer["libelle"] = "GCU_MSG_01_000"
            return .json(answer)
        } catch let refusal as FakeRefusal {
            return .json(["codeRetour": .int(refusal.code), "libelle": .string(refusal.libelle)], status: 400)
        } catch {
            return .json(["codeRetour": 500, "libelle": "Erreur interne"], status: 500)
        }
    }

    private func signedIn(_ accountID: Int?) throws -> FakeManagerAccount {
        guard let accountID, let account = managers[accountID] else {
            throw FakeRefusal(code: 20401, libelle: "PRT_MSG_01.001 Session absente ou expirée : connectez-vous.")
        }
        return account
    }

    private func register(_ body: JSONValue) throws -> JSONValue {
        guard let email = body["email"].string?.lowercased(), Self.isEmail(email) else { throw FakeRefusal.invalid("email", "adresse invalide") }
        guard body["confirmationEmail"].string?.lowercased() == email else {
            throw FakeRefusal.invalid("confirmationEmail", "différente de l'adresse e-mail")
        }
        guard let firstName = body["prenom"].string, !firstName.isEmpty else { throw FakeRefusal.missing("prenom") }
        guard let lastName = body["nom"].string, !lastName.isEmpty else { throw FakeRefusal.missing("nom") }
        guard body["acceptationCGU"].bool == true else { throw FakeRefusal.invalid("acceptationCGU", "les conditions générales doivent être acceptées") }
        guard !managers.values.contains(where: { $0.email == email }) else {
            throw FakeRefusal(code: 20402, libelle: "PRT_MSG_01.002 Un compte existe déjà pour \(email).")
        }
        let id = counter.next(\.manager)
        let token = UUID().uuidString.lowercased()
        managers[id] = FakeManagerAccount(id: id, email: email, firstName: firstName, lastName: lastName,
                                          phone: body["telephone"].string, contactEmail: body["emailContact"].string,
                                          surveyConsent: body["consentementEnquete"].bool ?? false, password: nil,
                                          activationToken: token)
        sentEmails.append(FakeEmail(to: email, subject: "Chorus Pro : activez votre compte",
                                    body: "Bonjour \(firstName),\nPour activer votre compte, utilisez ce jeton : \(token)\n",
                                    activationToken: token))
        return ["idCompte": .int(id)]
    }

    private func activate(_ body: JSONValue) throws -> JSONValue {
        guard let token = body["jetonActivation"].string,
              let account = managers.values.first(where: { $0.activationToken == token && !$0.isActive })
        else { throw FakeRefusal(code: 20403, libelle: "PRT_MSG_01.003 Jeton d'activation inconnu ou déjà utilisé.") }
        guard let password = body["motDePasse"].string, Self.isStrongPassword(password) else {
            throw FakeRefusal.invalid("motDePasse", "12 à 64 caractères dont une minuscule, une majuscule, un chiffre et un caractère spécial")
        }
        managers[account.id]?.password = password
        return [:]
    }

    private func signIn(_ body: JSONValue) throws -> JSONValue {
        let email = body["email"].string?.lowercased()
        guard let account = managers.values.first(where: { $0.email == email }), account.isActive,
              account.password == body["motDePasse"].string
        else { throw FakeRefusal(code: 20404, libelle: "PRT_MSG_01.004 Identifiant ou mot de passe incorrect.") }
        let session = UUID().uuidString.lowercased()
        sessions[session] = account.id
        return ["jetonSession": .string(session), "idCompte": .int(account.id)]
    }

    private func requestAffiliation(_ body: JSONValue, account: FakeManagerAccount) throws -> JSONValue {
        guard let type = body["typeIdentifiant"].string, Self.identifierTypes.contains(type) else {
            throw FakeRefusal.invalid("typeIdentifiant", body["typeIdentifiant"].lenientString ?? "absent")
        }
        let identifier: String
        if type == "PARTICULIER" {
            guard let last = body["nom"].string, !last.isEmpty, let first = body["prenom"].string, !first.isEmpty else {
                throw FakeRefusal.missing("nom/prenom")
            }
            identifier = "\(last.uppercased()) \(first.uppercased())"
        } else {
            // Numbers lose their spaces; names (`US` + company name) keep them.
            let numeric = ["SIRET", "UE_HORS_FRANCE", "RIDET", "TAHITI"].contains(type)
            guard let raw = body["identifiant"].string?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
                throw FakeRefusal.missing("identifiant")
            }
            identifier = numeric ? raw.replacingOccurrences(of: " ", with: "") : raw
        }
        if type == "SIRET", !FakeRules.isValidSIRET(identifier) {
            throw FakeRefusal.invalid("identifiant", "SIRET invalide (14 chiffres et clé de contrôle)")
        }
        if let existing = structures.values.first(where: { $0.identifier == identifier && $0.identifierType == type }) {
            let hasManager = affiliations.values.contains {
                $0.structureID == existing.id && $0.role == "GESTIONNAIRE_PRINCIPAL" && $0.status == "VALIDEE"
            }
            let affiliation = addAffiliation(account: account.id, structure: existing.id,
                                             role: hasManager ? "GESTIONNAIRE" : "GESTIONNAIRE_PRINCIPAL",
                                             status: hasManager ? "EN_COURS_DE_VALIDATION" : "VALIDEE")
            return affiliationJSON(affiliation)
        }
        let name = body["raisonSociale"].string ?? (type == "PARTICULIER" ? identifier : "")
        guard !name.isEmpty else { throw FakeRefusal.missing("raisonSociale") }
        let id = counter.next(\.structure)
        structures[id] = FakeStructure(id: id, identifier: identifier, identifierType: type, name: name.uppercased(),
                                       isPublic: false, country: body["codePays"].string ?? "FR",
                                       services: [FakeService(id: counter.next(\.service), code: "FACTURATION", name: "Facturation")])
        return affiliationJSON(addAffiliation(account: account.id, structure: id, role: "GESTIONNAIRE_PRINCIPAL", status: "VALIDEE"))
    }

    private func addAffiliation(account: Int, structure: Int, role: String, status: String) -> FakeAffiliation {
        let affiliation = FakeAffiliation(id: counter.next(\.affiliation), accountID: account, structureID: structure,
                                          role: role, status: status)
        affiliations[affiliation.id] = affiliation
        return affiliation
    }

    private func affiliationJSON(_ affiliation: FakeAffiliation) -> JSONValue {
        let structure = structures[affiliation.structureID]
        return ["idRattachement": .int(affiliation.id), "idStructureCPP": .int(affiliation.structureID),
                "identifiantStructure": .text(structure?.identifier), "designationStructure": .text(structure?.name),
                "role": .string(affiliation.role), "statut": .string(affiliation.status),
                "emailDemandeur": .text(managers[affiliation.accountID]?.email)]
    }

    private func listAffiliations(account: FakeManagerAccount) throws -> JSONValue {
        let mine = affiliations.values.filter { $0.accountID == account.id }.sorted { $0.id < $1.id }
        let managed = Set(mine.filter { $0.role == "GESTIONNAIRE_PRINCIPAL" && $0.status == "VALIDEE" }.map(\.structureID))
        let pending = affiliations.values.filter { managed.contains($0.structureID) && $0.status == "EN_COURS_DE_VALIDATION" }
            .sorted { $0.id < $1.id }
        return ["listeRattachements": .array(mine.map(affiliationJSON)), "listeDemandesATraiter": .array(pending.map(affiliationJSON))]
    }

    private func decideAffiliation(_ body: JSONValue, account: FakeManagerAccount) throws -> JSONValue {
        guard let id = body["idRattachement"].int, var affiliation = affiliations[id] else { throw FakeRefusal.missing("idRattachement") }
        try requireMainManager(account, of: affiliation.structureID)
        guard affiliation.status == "EN_COURS_DE_VALIDATION" else {
            throw FakeRefusal.invalid("idRattachement", "la demande a déjà été traitée")
        }
        switch body["decision"].string {
        case "VALIDER": affiliation.status = "VALIDEE"
        case "REFUSER": affiliation.status = "REFUSEE"
        default: throw FakeRefusal.invalid("decision", "VALIDER ou REFUSER")
        }
        affiliations[id] = affiliation
        return affiliationJSON(affiliation)
    }

    private func requireMainManager(_ account: FakeManagerAccount, of structureID: Int) throws {
        guard affiliations.values.contains(where: {
            $0.accountID == account.id && $0.structureID == structureID && $0.role == "GESTIONNAIRE_PRINCIPAL" && $0.status == "VALIDEE"
        }) else {
            throw FakeRefusal(code: 20405, libelle: "PRT_MSG_01.005 Seul le gestionnaire principal de la structure peut faire cette opération.")
        }
    }

    private func createTechnicalAccount(_ body: JSONValue, account: FakeManagerAccount) throws -> JSONValue {
        guard let structureID = body["idStructureCPP"].int, let structure = structures[structureID] else {
            throw FakeRefusal.missing("idStructureCPP")
        }
        try requireMainManager(account, of: structureID)
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let application = FakeApplication(clientID: "app-\(structureID)-\(suffix.prefix(6))", clientSecret: "sec-\(suffix)")
        applications[application.clientID] = application
        let login = "TECH_1_\(structure.identifier.filter { $0.isLetter || $0.isNumber })@cpro.fr"
        let password = "Tp-\(suffix.suffix(8))-9X"
        technicalAccounts[login] = FakeTechnicalAccount(login: login, password: password, structureID: structureID,
                                                        passwordExpiry: now.addingTimeInterval(424 * 86_400))
        return ["clientId": .string(application.clientID), "clientSecret": .string(application.clientSecret),
                "loginTechnique": .string(login), "motDePasseTechnique": .string(password), "idStructureCPP": .int(structureID)]
    }

    static func isEmail(_ text: String) -> Bool {
        text.range(of: #"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"#, options: .regularExpression) != nil
    }

    static func isStrongPassword(_ text: String) -> Bool {
        (12...64).contains(text.count) && text.contains(where: \.isLowercase) && text.contains(where: \.isUppercase)
            && text.contains(where: \.isNumber) && text.contains(where: { !$0.isLetter && !$0.isNumber })
    }
}
