import ChorusMock
import Foundation
import Testing
@testable import ChorusSDK

@Suite("ChorusMock: portal steps")
struct FakePortalTests {
    func portal(_ raw: RawFake, _ route: String, _ body: JSONValue, session: String? = nil) async throws -> JSONValue {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let session { headers["portail-session"] = session }
        return try await raw.send(.post, "/portail/v1/" + route, headers: headers, body: body.data).json
    }

    func newManager(_ raw: RawFake, _ email: String) async throws -> String {
        let created = try await portal(raw, "comptes/creer", ["email": .string(email), "confirmationEmail": .string(email),
                                                             "prenom": "Anne", "nom": "Dupont", "acceptationCGU": true,
                                                             "consentementEnquete": false])
        #expect(created["codeRetour"] == 0)
        let mail = try #require(await raw.fake.outbox.last)
        #expect(mail.to == email)
        let token = try #require(mail.activationToken)
        #expect(mail.body.contains(token))
        #expect(try await portal(raw, "comptes/activer", ["jetonActivation": .string(token), "motDePasse": "Correct-Horse-42"])["codeRetour"] == 0)
        let signedIn = try await portal(raw, "connexion", ["email": .string(email), "motDePasse": "Correct-Horse-42"])
        return try #require(signedIn["jetonSession"].string)
    }

    @Test("register → e-mail → password → sign in → affiliate → approve → technical account that works on /cpro/")
    func journey() async throws {
        let fake = FakeChorusPro()
        let raw = RawFake(fake)
        let owner = try await newManager(raw, "anne@atelier-exemple.fr")
        let siret = "12345678901245"  // Luhn-valid, unknown to the directory
        let created = try await portal(raw, "rattachements/demander", ["typeIdentifiant": "SIRET", "identifiant": .string(siret),
                                                                      "raisonSociale": "Nouvelle Entreprise"], session: owner)
        #expect(created["role"] == "GESTIONNAIRE_PRINCIPAL" && created["statut"] == "VALIDEE")
        let structureID = try #require(created["idStructureCPP"].int)

        let colleague = try await newManager(raw, "bob@atelier-exemple.fr")
        let pending = try await portal(raw, "rattachements/demander", ["typeIdentifiant": "SIRET", "identifiant": .string(siret)], session: colleague)
        #expect(pending["statut"] == "EN_COURS_DE_VALIDATION")
        let toDecide = try await portal(raw, "rattachements/lister", [:], session: owner)
        #expect(toDecide["listeDemandesATraiter"].list.map { $0["emailDemandeur"] } == ["bob@atelier-exemple.fr"])
        #expect(try await portal(raw, "rattachements/traiter", ["idRattachement": pending["idRattachement"], "decision": "VALIDER"],
                                 session: colleague)["codeRetour"] == 20405)
        let approved = try await portal(raw, "rattachements/traiter", ["idRattachement": pending["idRattachement"], "decision": "VALIDER"], session: owner)
        #expect(approved["statut"] == "VALIDEE")

        let technical = try await portal(raw, "comptesTechniques/creer", ["idStructureCPP": .int(structureID)], session: owner)
        let clientID = try #require(technical["clientId"].string)
        let secret = try #require(technical["clientSecret"].string)
        let login = try #require(technical["loginTechnique"].string)
        let password = try #require(technical["motDePasseTechnique"].string)
        #expect(login == "TECH_1_\(siret)@cpro.fr")

        let client = try ChorusClient(environment: MockTransport.environment,
                                      credentials: ChorusCredentials(clientID: clientID, clientSecret: secret, technicalLogin: login, technicalPassword: password),
                                      transport: MockTransport(fake: fake))
        #expect(try await client.references.healthCheck().isHealthy == true)
    }

    @Test("registration and activation rules", arguments: [
        ("emails differ", "creer-mismatch"), ("terms refused", "creer-terms"), ("weak password", "activer-weak"), ("bad token", "activer-token"),
        ("wrong password", "connexion"), ("bad SIRET", "siret"), ("no session", "session"),
    ])
    func rules(_ label: String, _ kind: String) async throws {
        let raw = RawFake()
        let base: JSONValue = ["email": "c@d.fr", "confirmationEmail": "c@d.fr", "prenom": "C", "nom": "D", "acceptationCGU": true]
        var answer: JSONValue
        switch kind {
        case "creer-mismatch":
            var body = base
            body["confirmationEmail"] = "x@d.fr"
            answer = try await portal(raw, "comptes/creer", body)
        case "creer-terms":
            var body = base
            body["acceptationCGU"] = false
            answer = try await portal(raw, "comptes/creer", body)
        case "activer-weak", "activer-token":
            _ = try await portal(raw, "comptes/creer", base)
            let token = kind == "activer-token" ? "nope" : (await raw.fake.outbox.last?.activationToken ?? "")
            answer = try await portal(raw, "comptes/activer", ["jetonActivation": .string(token), "motDePasse": "short"])
        case "connexion":
            answer = try await portal(raw, "connexion", ["email": "c@d.fr", "motDePasse": "Whatever-123"])
        case "siret":
            let session = try await newManager(raw, "e@f.fr")
            answer = try await portal(raw, "rattachements/demander", ["typeIdentifiant": "SIRET", "identifiant": "12345678901234"], session: session)
        default:
            answer = try await portal(raw, "rattachements/lister", [:])
        }
        #expect(answer["codeRetour"].int ?? 0 != 0, "\(label) accepted: \(answer)")
    }
}
