import ChorusSDK
import Foundation

/// PISTE's behaviour: the OAuth token endpoint, bearer and `cpro-account` checks, API subscriptions,
/// content type, size limits, and dispatch to the platform's operations.
extension FakeChorusPro {
    /// Who is calling an operation: the technical account and its structure.
    struct Caller {
        let account: FakeTechnicalAccount
        var structureID: Int { account.structureID }
    }

    /// Every operation path the fake serves (besides the health check).
    static let operationPaths: Set<String> = [
        "/cpro/structures/v1/rechercher",
        "/cpro/structures/v1/consulter",
        "/cpro/structures/v1/rechercher/services",
        "/cpro/structures/v1/consulter/service",
        "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements",
        "/cpro/transverses/v1/recuperer/devises",
        "/cpro/transverses/v1/recuperer/tauxtva",
        "/cpro/transverses/v1/recuperer/cadrefacturation",
        "/cpro/transverses/v1/recuperer/modereglements",
        "/cpro/transverses/v1/recuperer/motifs/exonerationtva",
        "/cpro/transverses/v1/recuperer/pays",
        "/cpro/transverses/v1/recuperer/typeidentifiant/structure",
        "/cpro/transverses/v1/recuperer/structures/actives/fournisseur",
        "/cpro/transverses/v1/recuperer/coordbanc/valides",
        "/cpro/transverses/v1/ajouter/fichier",
        "/cpro/transverses/v1/consulterCR",
        "/cpro/transverses/v1/consulterCRDetaille",
        "/cpro/engagementsJuridiques/v1/rechercher",
        "/cpro/factures/v1/deposer/pdf",
        "/cpro/factures/v1/soumettre",
        "/cpro/factures/v1/deposer/flux",
        "/cpro/factures/v1/rechercher/fournisseur",
        "/cpro/factures/v1/consulter/fournisseur",
        "/cpro/factures/v1/consulter/historique",
        "/cpro/factures/v1/telecharger/groupe",
        "/cpro/factures/v1/completer",
        "/cpro/factures/v1/recycler",
        "/cpro/factures/v1/rechercher/recipiendaire",
        "/cpro/factures/v1/consulter/recipiendaire",
        "/cpro/factures/v1/traiter/recue",
        "/cpro/factures/v1/rechercher/valideur",
        "/cpro/factures/v1/consulter/valideur",
        "/cpro/factures/v1/traiter/factureAValider",
        "/cpro/factures/v1/recuperer/statutsFactureVisibles/valideur",
        "/cpro/factures/v1/traiterRejet",
        "/cpro/factures/v1/corriger/valideur/facture",
        "/cpro/factures/v1/rechercher/demandePaiement",
        "/cpro/facturesTravaux/v1/rechercher",
        "/cpro/transverses/v1/recuperer/typefacturetravaux",
        "/cpro/transverses/v1/recuperer/structures/actives/facturetravaux",
        "/cpro/transverses/v1/recuperer/structures/actives/destinataire",
        "/cpro/transverses/v1/recuperer/etats/traitement",
        "/cpro/transverses/v1/telecharger/annuaire/destinataire",
        "/cpro/transverses/v1/consulter/information/siret",
    ]

    /// Runs the operation at `path`.
    func dispatch(_ path: String, _ body: JSONValue, _ caller: Caller) throws -> JSONValue {
        switch path {
        case "/cpro/structures/v1/rechercher": try rechercherStructure(body, caller)
        case "/cpro/structures/v1/consulter": try consulterStructure(body, caller)
        case "/cpro/structures/v1/rechercher/services": try rechercherServices(body, caller)
        case "/cpro/structures/v1/consulter/service": try consulterService(body, caller)
        case "/cpro/utilisateurs/v1/monCompte/recuperer/rattachements": try recupererRattachements(body, caller)
        case "/cpro/transverses/v1/recuperer/devises": try recupererDevises(body, caller)
        case "/cpro/transverses/v1/recuperer/tauxtva": try recupererTauxTva(body, caller)
        case "/cpro/transverses/v1/recuperer/cadrefacturation": try recupererCadres(body, caller)
        case "/cpro/transverses/v1/recuperer/modereglements": try recupererModes(body, caller)
        case "/cpro/transverses/v1/recuperer/motifs/exonerationtva": try recupererMotifs(body, caller)
        case "/cpro/transverses/v1/recuperer/pays": try recupererPays(body, caller)
        case "/cpro/transverses/v1/recuperer/typeidentifiant/structure": try recupererTypesIdentifiant(body, caller)
        case "/cpro/transverses/v1/recuperer/structures/actives/fournisseur": try structuresActivesFournisseur(body, caller)
        case "/cpro/transverses/v1/recuperer/coordbanc/valides": try coordonneesBancaires(body, caller)
        case "/cpro/transverses/v1/ajouter/fichier": try ajouterFichier(body, caller)
        case "/cpro/transverses/v1/consulterCR": try consulterCR(body, caller)
        case "/cpro/transverses/v1/consulterCRDetaille": try consulterCRDetaille(body, caller)
        case "/cpro/engagementsJuridiques/v1/rechercher": try rechercherEngagements(body, caller)
        case "/cpro/factures/v1/deposer/pdf": try deposerPdf(body, caller)
        case "/cpro/factures/v1/soumettre": try soumettre(body, caller)
        case "/cpro/factures/v1/deposer/flux": try deposerFlux(body, caller)
        case "/cpro/factures/v1/rechercher/fournisseur": try rechercherFournisseur(body, caller)
        case "/cpro/factures/v1/consulter/fournisseur": try consulterFournisseur(body, caller)
        case "/cpro/factures/v1/consulter/historique": try consulterHistorique(body, caller)
        case "/cpro/factures/v1/telecharger/groupe": try telechargerGroupe(body, caller)
        case "/cpro/factures/v1/completer": try completer(body, caller)
        case "/cpro/factures/v1/recycler": try recycler(body, caller)
        case "/cpro/factures/v1/rechercher/recipiendaire": try rechercherRecipiendaire(body, caller)
        case "/cpro/factures/v1/consulter/recipiendaire": try consulterRecipiendaire(body, caller)
        case "/cpro/factures/v1/traiter/recue": try traiterRecue(body, caller)
        case "/cpro/factures/v1/rechercher/valideur": try rechercherValideur(body, caller)
        case "/cpro/factures/v1/consulter/valideur": try consulterValideur(body, caller)
        case "/cpro/factures/v1/traiter/factureAValider": try traiterFactureAValider(body, caller)
        case "/cpro/factures/v1/recuperer/statutsFactureVisibles/valideur": try statutsVisiblesValideur(body, caller)
        case "/cpro/factures/v1/traiterRejet": try traiterRejet(body, caller)
        case "/cpro/factures/v1/corriger/valideur/facture": try corrigerValideur(body, caller)
        case "/cpro/factures/v1/rechercher/demandePaiement": try rechercherDemandePaiement(body, caller)
        case "/cpro/facturesTravaux/v1/rechercher": try rechercherFacturesTravaux(body, caller)
        case "/cpro/transverses/v1/recuperer/typefacturetravaux": try recupererTypesFactureTravaux(body, caller)
        case "/cpro/transverses/v1/recuperer/structures/actives/facturetravaux": try structuresActives(publicOnes: false, caller)
        case "/cpro/transverses/v1/recuperer/structures/actives/destinataire": try structuresActives(publicOnes: true, caller)
        case "/cpro/transverses/v1/recuperer/etats/traitement": try etatsTraitement(body, caller)
        case "/cpro/transverses/v1/telecharger/annuaire/destinataire": try telechargerAnnuaire(body, caller)
        case "/cpro/transverses/v1/consulter/information/siret": try informationSiret(body, caller)
        default: throw FakeRefusal(code: 404, libelle: "unknown operation")
        }
    }

    static let healthCheckPath = "/cpro/transverses/v1/health-check"

    // MARK: OAuth

    func issueToken(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == .post else { return .json(["error": "invalid_request"], status: 405) }
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            return .json(["error": "invalid_request", "error_description": "form expected"], status: 415)
        }
        let form = Self.parseForm(request.body ?? Data())
        guard form["grant_type"] == "client_credentials" else {
            return .json(["error": "unsupported_grant_type", "error_description": "grant_type must be client_credentials"], status: 400)
        }
        guard let clientID = form["client_id"], let application = applications[clientID],
              form["client_secret"] == application.clientSecret
        else {
            return .json(["error": "invalid_client", "error_description": "Client authentication failed"], status: 401)
        }
        if counter.token % 256 == 0 { tokens = tokens.filter { $0.value.expiresAt > now } }  // expired ones are forgotten
        counter.token += 1
        let token = "mock-\(counter.token)-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        tokens[token] = (clientID, now.addingTimeInterval(TimeInterval(options.tokenLifetime)))
        return .json(["access_token": .string(token), "token_type": "Bearer",
                      "expires_in": .int(options.tokenLifetime), "scope": "openid"])
    }

    static func parseForm(_ body: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    static func bearer(of request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    // MARK: API

    func api(_ request: HTTPRequest) -> HTTPResponse {
        let path = request.url.path
        let isHealthCheck = path == Self.healthCheckPath
        guard isHealthCheck || Self.operationPaths.contains(path) else {
            return HTTPResponse(status: 404, headers: ["WWW-Authenticate": #"Bearer realm="DefaultRealm""#])
        }
        guard let token = Self.bearer(of: request), let grant = tokens[token], grant.expiresAt > now else {
            return HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Bearer realm="PISTE",error="invalid_token",error_description="access token is missing, invalid or expired""#])
        }
        let api = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        guard applications[grant.clientID]?.subscriptions.contains(api) == true else {
            return HTTPResponse(status: 403)
        }
        guard let account = technicalAccount(from: request) else {
            return HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Bearer realm="PISTE",error="Unauthorized",error_description="login or password incorrects""#])
        }
        if isHealthCheck {
            return .json(drifted(["statusCode": "200", "statusCodeValue": 200, "body": "OK"]))
        }
        guard request.method == .post else { return HTTPResponse(status: 405) }
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else { return HTTPResponse(status: 415) }
        let body = request.body ?? Data()
        guard body.count <= options.maximumBodySize else { return HTTPResponse(status: 413) }
        guard let json = JSONValue.parse(body.isEmpty ? Data("{}".utf8) : body), json.object != nil else {
            return .json(["codeRetour": 400, "libelle": "Requête JSON mal formée"], status: 400)
        }
        do {
            var answer = try dispatch(path, json, Caller(account: account))
            if answer["codeRetour"].isNull { answer["codeRetour"] = 0 }
            if answer["libelle"].isNull { answer["libelle"] = api == "factures" ? "GCU_MSG_01_000" : "TRA_MSG_00.000" }
            return .json(drifted(answer))
        } catch let refusal as FakeRefusal {
            return refusalResponse(refusal)
        } catch {
            return .json(["codeRetour": 500, "libelle": "Erreur interne"], status: 500)
        }
    }

    /// The answer in the shapes of the drift set by ``setShapeDrift(_:)``, if any.
    func drifted(_ answer: JSONValue) -> JSONValue { shapeDrift?.apply(to: answer) ?? answer }

    func technicalAccount(from request: HTTPRequest) -> FakeTechnicalAccount? {
        guard let header = request.headers["cpro-account"], let decoded = Data(base64Encoded: header),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        let login = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        guard let account = technicalAccounts[login], account.password == password else { return nil }
        return account
    }

    func refusalResponse(_ refusal: FakeRefusal) -> HTTPResponse {
        .json(["codeRetour": .int(refusal.code), "libelle": .string(refusal.libelle)], status: options.businessErrorStatus)
    }

    // MARK: Helpers for handlers

    /// Pages `items` by the request block `block` (`nbResultatsParPage`, `pageResultatDemandee`).
    func paginate<Item>(_ items: [Item], _ block: JSONValue) -> (page: [Item], info: JSONValue) {
        let size = min(max(block["nbResultatsParPage"].int ?? options.defaultPageSize, 1), options.maximumPageSize)
        let page = max(block["pageResultatDemandee"].int ?? 1, 1)
        let pages = max(1, (items.count + size - 1) / size)
        let start = min((page - 1) * size, items.count)
        let slice = Array(items[start..<min(start + size, items.count)])
        return (slice, ["nbResultatsParPage": .int(size), "pageCourante": .int(page), "pages": .int(pages),
                        "total": .int(items.count)])
    }

    /// An empty search answer in the configured style (empty list, or the "no result" code).
    func noResult(listKey: String, _ info: JSONValue) throws -> JSONValue {
        if options.noResultAsCode { throw FakeRefusal.noResult }
        return [listKey: [], "parametresRetour": info]
    }

    /// The structure ids the caller's technical account may act for.
    func attachedStructureIDs(_ caller: Caller) -> [Int] { [caller.structureID] }

    func requireAttached(_ caller: Caller, _ structureID: Int?) throws -> FakeStructure {
        guard let structureID else { throw FakeRefusal.missing("idStructure") }
        guard attachedStructureIDs(caller).contains(structureID), let structure = structures[structureID] else {
            throw FakeRefusal.notAttached(structureID)
        }
        return structure
    }

    /// `2019-03-27T11:12:24.777+01:00` in Paris time.
    func timestamp(_ date: Date) -> String {
        let parts = Self.calendar.dateComponents([.second, .nanosecond], from: date)
        let offset = Self.paris.secondsFromGMT(for: date)
        let millis = String(format: "%03d", (parts.nanosecond ?? 0) / 1_000_000)
        let zone = (offset >= 0 ? "+" : "-") + String(format: "%02d:%02d", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return minuteStamp(date).replacingOccurrences(of: " ", with: "T") + String(format: ":%02d.", parts.second ?? 0)
            + millis + zone
    }

    /// `2018-04-19 11:08` in Paris time.
    func minuteStamp(_ date: Date) -> String {
        let parts = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The first instant of the Paris day `text` (`2018-04-19`) plus `plusDays`, or `nil` when `text` is no day.
    func dayStart(_ text: String, plusDays: Int = 0) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return Self.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + plusDays))
    }

    /// `2018-04-19` in Paris time.
    func day(_ date: Date) -> String { String(minuteStamp(date).prefix(10)) }

    static let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = paris
        return calendar
    }()
}
