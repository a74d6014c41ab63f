import Foundation

/// An invoice's history as `consulter/historique` gives it (§5.13 of `Documentation/PlatformReference.md`): the statuses, the last
/// action, the users' actions and the further events, each block with its paging.
///
/// Each block is read in every shape seen: an object holding the list (`historiquesDesStatuts.histoStatut`), an
/// array of such objects (the PHP client's shape, §13.7), or an array of the entries themselves. Other shapes are read
/// by the policy of <doc:HowAnswersAreRead>: a descriptive field (a comment, a name) or an unreadable entry is left
/// out and reported in ``decodingIssues``; a block of unknown keys fails in strict mode — never an empty history.
public struct InvoiceHistory: Sendable, Hashable, Decodable {
    /// One status change (`histoStatut`).
    public struct Entry: Sendable, Hashable, Decodable {
        /// `histoStatutId`.
        public var id: Int?
        /// `histoStatutCode`.
        public var status: InvoiceStatus
        /// When the invoice reached it (`histoStatutDatePassage`, `yyyy-MM-dd HH:mm`, Paris time).
        public var date: Date?
        /// The date as the platform wrote it.
        public var dateText: String?
        /// The reason given (rejection, suspension): `histoStatutCommentaire`.
        public var comment: String?
        /// Who made the change (`histoStatutUtilisateurPrenom` + `…Nom`).
        public var userName: String?
        /// `histoStatutUtilisateurEmail`.
        public var userEmail: String?
        /// `histoStatutUtilisateurTelephone`.
        public var userPhone: String?

        /// Creates a value.
        public init(
            id: Int? = nil, status: InvoiceStatus, date: Date? = nil, dateText: String? = nil, comment: String? = nil,
            userName: String? = nil, userEmail: String? = nil, userPhone: String? = nil
        ) {
            self.id = id
            self.status = status
            self.date = date
            self.dateText = dateText
            self.comment = comment
            self.userName = userName
            self.userEmail = userEmail
            self.userPhone = userPhone
        }

        /// Decodes a `histoStatut` entry.
        public init(from decoder: any Decoder) throws { try self.init(block: AnswerObject(decoder)) }

        init(block: AnswerObject) throws {
            guard let status = try block.value(InvoiceStatus.self, "histoStatutCode") else {
                throw block.failure("histoStatutCode", "a status entry without histoStatutCode")
            }
            self.status = status
            id = try block.int("histoStatutId")
            dateText = try block.descriptive("histoStatutDatePassage") { try block.text("histoStatutDatePassage") }
            date = try block.timestamp("histoStatutDatePassage")
            comment = try block.descriptive("histoStatutCommentaire") { try block.text("histoStatutCommentaire") }
            userName = try block.descriptive("histoStatutUtilisateurNom") {
                try block.words("histoStatutUtilisateurPrenom", "histoStatutUtilisateurNom")
            }
            userEmail = try block.descriptive("histoStatutUtilisateurEmail") {
                try block.text("histoStatutUtilisateurEmail")
            }
            userPhone = try block.descriptive("histoStatutUtilisateurTelephone") {
                try block.text("histoStatutUtilisateurTelephone")
            }
        }
    }

    /// One action of a user on the invoice (`histoAction`: a download, an acknowledged rejection…).
    public struct UserAction: Sendable, Hashable {
        /// `histoActionId`.
        public var id: Int?
        /// `histoActionCode` (e.g. `TELECHARGEMENT_FACTURE`, `ACQUITTEMENT_REJET`).
        public var code: String
        /// `histoActionDateHeure`.
        public var date: Date?
        /// Who acted (`histoActionUtilisateurPrenom` + `…Nom`).
        public var userName: String?
        /// `histoActionUtilisateurEmail`.
        public var userEmail: String?
        /// `histoActionUtilisateurTelephone`.
        public var userPhone: String?

        /// Creates a value.
        public init(
            id: Int? = nil, code: String, date: Date? = nil, userName: String? = nil, userEmail: String? = nil,
            userPhone: String? = nil
        ) {
            self.id = id
            self.code = code
            self.date = date
            self.userName = userName
            self.userEmail = userEmail
            self.userPhone = userPhone
        }

        init(block: AnswerObject) throws {
            guard let code = try block.text("histoActionCode") else {
                throw block.failure("histoActionCode", "a user action without a code")
            }
            self.code = code
            id = try block.int("histoActionId")
            date = try block.timestamp("histoActionDateHeure")
            userName = try block.descriptive("histoActionUtilisateurNom") {
                try block.words("histoActionUtilisateurPrenom", "histoActionUtilisateurNom")
            }
            userEmail = try block.descriptive("histoActionUtilisateurEmail") {
                try block.text("histoActionUtilisateurEmail")
            }
            userPhone = try block.descriptive("histoActionUtilisateurTelephone") {
                try block.text("histoActionUtilisateurTelephone")
            }
        }
    }

    /// A further event (`evenement`).
    public struct Event: Sendable, Hashable {
        /// `evenementId`.
        public var id: Int?
        /// `evenementLibelle`.
        public var label: String?
        /// `evenementDateHeure`.
        public var date: Date?
        /// `evenementQui`.
        public var who: String?

        /// Creates a value.
        public init(id: Int? = nil, label: String? = nil, date: Date? = nil, who: String? = nil) {
            self.id = id
            self.label = label
            self.date = date
            self.who = who
        }

        init(block: AnswerObject) throws {
            id = try block.int("evenementId")
            label = try block.descriptive("evenementLibelle") { try block.text("evenementLibelle") }
            date = try block.descriptive("evenementDateHeure") { try block.timestamp("evenementDateHeure") }
            who = try block.descriptive("evenementQui") { try block.text("evenementQui") }
        }
    }

    /// `derniereAction`.
    public struct LastAction: Sendable, Hashable {
        /// `derniereActionId`.
        public var id: Int?
        /// `derniereActionCode`.
        public var code: String?

        /// Creates a value.
        public init(id: Int?, code: String?) {
            self.id = id
            self.code = code
        }
    }

    /// `idFacture`.
    public var invoiceID: Int
    /// `numeroFacture`.
    public var number: String?
    /// `modeDepot`.
    public var mode: DepositMode?
    /// `statutCourantCode`, or the newest entry's status when the answer leaves it out.
    public var currentStatus: InvoiceStatus
    /// The status changes, newest first.
    public var entries: [Entry]
    /// The paging of the status block (`…HistoStatut`).
    public var entryPaging: PageInfo
    /// `derniereAction`.
    public var lastAction: LastAction?
    /// `historiquesDesActionsUtilisateurs.histoAction`.
    public var userActions: [UserAction]
    /// The paging of the user actions (`…HistoAction`).
    public var userActionPaging: PageInfo
    /// `historiquesDesEvenementsComplementaires.evenement`.
    public var events: [Event]
    /// The paging of the events (`…Evenement`).
    public var eventPaging: PageInfo
    /// What the SDK read past in this answer (tolerant mode): descriptive fields left out, entries skipped.
    public var decodingIssues: [DecodingIssue] = []

    /// Creates a value (for stubs and tests).
    public init(
        invoiceID: Int, number: String? = nil, mode: DepositMode? = nil, currentStatus: InvoiceStatus,
        entries: [Entry] = [],
        entryPaging: PageInfo = PageInfo(), lastAction: LastAction? = nil, userActions: [UserAction] = [],
        userActionPaging: PageInfo = PageInfo(), events: [Event] = [], eventPaging: PageInfo = PageInfo()
    ) {
        self.invoiceID = invoiceID
        self.number = number
        self.mode = mode
        self.currentStatus = currentStatus
        self.entries = entries
        self.entryPaging = entryPaging
        self.lastAction = lastAction
        self.userActions = userActions
        self.userActionPaging = userActionPaging
        self.events = events
        self.eventPaging = eventPaging
    }

    /// Decodes the answer.
    public init(from decoder: any Decoder) throws {
        let root = try AnswerObject(decoder)
        let mark = root.reading?.count ?? 0
        guard let id = try root.id("idFacture") ?? root.id("identifiantFactureCPP") else {
            throw root.failure("idFacture", "the history names no invoice")
        }
        invoiceID = id
        number = try root.text("numeroFacture")
        mode = try root.value(DepositMode.self, "modeDepot")
        var statusPaging = PageInfo()
        let statuses = try Self.block(
            root, "historiquesDesStatuts", list: "histoStatut", entryKey: "histoStatutCode", suffix: "HistoStatut",
            pagingKeys: [
                "nbResultatsParPageHistoStatut", "pageCouranteHistoStatut", "pagesHistoStatut",
                "totalHistoStatut",
            ], paging: &statusPaging)
        // Newest first. An entry without a date cannot be placed: the platform's order is kept then, so a lost date
        // never changes which status is the current one.
        let read = try AnswerObject.each(statuses, Entry.init(block:))
        entries =
            read.allSatisfy { $0.date != nil }
            ? read.sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) } : read
        entryPaging = statusPaging
        var actionPaging = PageInfo()
        let actionBlocks = try Self.block(
            root, "historiquesDesActionsUtilisateurs", list: "histoAction", entryKey: "histoActionCode",
            suffix: "HistoAction",
            pagingKeys: [
                "nbResultatsParPageHistoAction", "pageCouranteHistoAction", "pagesHistoAction",
                "totalHistoAction",
            ], paging: &actionPaging)
        userActions = try AnswerObject.each(actionBlocks, UserAction.init(block:))
        userActionPaging = actionPaging
        var eventsPaging = PageInfo()
        let eventBlocks = try Self.block(
            root, "historiquesDesEvenementsComplementaires", list: "evenement", entryKey: "evenementLibelle",
            suffix: "Evenement",
            pagingKeys: ["nbResultatsParPageEvenement", "pageCouranteEvenement", "pagesEvenement", "totalEvenement"],
            paging: &eventsPaging)
        events = try AnswerObject.each(eventBlocks, Event.init(block:))
        eventPaging = eventsPaging
        lastAction = try root.object("derniereAction").map {
            LastAction(id: try $0.int("derniereActionId"), code: try $0.text("derniereActionCode"))
        }
        guard let current = try root.value(InvoiceStatus.self, "statutCourantCode") ?? entries.first?.status else {
            throw root.failure("statutCourantCode", "the history has neither statutCourantCode nor any status entry")
        }
        currentStatus = current
        decodingIssues = root.reading?.issues(since: mark) ?? []
    }

    /// The entries of one history block, in any of its known shapes; the block's paging (`pagingKeys`: page size,
    /// current page, pages, total) goes to `paging`. A block of keys that all end with `suffix` holds paging only.
    private static func block(
        _ root: AnswerObject, _ key: String, list: String, entryKey: String, suffix: String,
        pagingKeys: [String], paging: inout PageInfo
    ) throws -> [AnswerObject] {
        var entries: [AnswerObject] = []
        for element in try root.objects(key) {
            if try element.has(entryKey) {
                entries.append(element)  // an array of the entries themselves
            } else if try element.has(list) {
                entries += try element.objects(list)
                paging = try element.paging(pagingKeys[0], pagingKeys[1], pagingKeys[2], pagingKeys[3])
            } else if !element.keys.isEmpty && !element.keys.allSatisfy({ $0.hasSuffix(suffix) }) {
                // A block of unknown keys may hold entries the SDK cannot see: an issue in tolerant mode, else a failure.
                _ = try root.descriptive(key) { () throws -> Int? in
                    throw root.failure(
                        key,
                        "a history block with neither \(list) nor \(entryKey): \(element.keys.sorted().joined(separator: ", "))"
                    )
                }
                paging = try element.paging(pagingKeys[0], pagingKeys[1], pagingKeys[2], pagingKeys[3])
            } else {
                paging = try element.paging(pagingKeys[0], pagingKeys[1], pagingKeys[2], pagingKeys[3])  // an empty block: paging only
            }
        }
        return entries
    }
}
