import ChorusSDK
import Foundation

/// A fake Chorus Pro: PISTE's gateway and the platform behind it, in memory, with state.
///
/// It speaks the real wire protocol — the same paths, French JSON field names, envelope (`codeRetour`,
/// `libelle`), pagination blocks and gateway errors — and applies the platform's rules, so every
/// transport and all of the SDK's encoding run against it. It reads and writes JSON on its own
/// (``JSONValue``), never through the SDK's models, so an encoding mistake is caught, not mirrored.
///
/// Besides the API, a test can: move the clock (``advance(by:)``), act as the recipient
/// (``makeAvailable(_:)``, ``suspend(_:reason:)``, ``markPaid(_:)``…), script faults per path
/// (``inject(_:on:)``), read the e-mails it "sent" (``outbox``) and every exchange (``journal``).
///
/// The portal steps that PISTE does not expose live under ``portalPrefix`` (`/portail/v1/`), see
/// `FakeChorusPro+Portal.swift`.
public actor FakeChorusPro {
    /// Behaviour switches.
    public struct Options: Sendable {
        /// Token lifetime in seconds; default 3600, as PISTE.
        public var tokenLifetime: Int
        /// Status of business refusals: 200 (with `codeRetour ≠ 0`) or 400. The real choice per
        /// operation is unknown (§7.1), so both are supported.
        public var businessErrorStatus: Int
        /// Largest request body accepted before answering 413; default 150 MB.
        public var maximumBodySize: Int
        /// Page size when the request gives none; default 10.
        public var defaultPageSize: Int
        /// Largest page size honoured; default 1000.
        public var maximumPageSize: Int
        /// Seconds between flux states (`IN_RECU` → … → final); default 5.
        public var fluxStepSeconds: TimeInterval
        /// Whether the fake's clock also moves with real time (for servers used by people); tests keep it
        /// still and move it with ``FakeChorusPro/advance(by:)``.
        public var followsWallClock: Bool
        /// Whether "not found" searches answer `codeRetour 20000` (`TRA_MSG_00.015`) instead of an
        /// empty list (§12 leaves it open; both shapes exist).
        public var noResultAsCode: Bool

        /// Creates options.
        public init(tokenLifetime: Int = 3600, businessErrorStatus: Int = 200, maximumBodySize: Int = 150_000_000,
                    defaultPageSize: Int = 10, maximumPageSize: Int = 1000, fluxStepSeconds: TimeInterval = 5,
                    noResultAsCode: Bool = false, followsWallClock: Bool = false) {
            self.followsWallClock = followsWallClock
            self.tokenLifetime = tokenLifetime
            self.businessErrorStatus = businessErrorStatus
            self.maximumBodySize = maximumBodySize
            self.defaultPageSize = defaultPageSize
            self.maximumPageSize = maximumPageSize
            self.fluxStepSeconds = fluxStepSeconds
            self.noResultAsCode = noResultAsCode
        }
    }

    /// The prefix of the portal-only routes.
    public static let portalPrefix = "/portail/v1/"

    /// The behaviour switches in force (changeable at any time).
    public var options: Options {
        didSet {
            let follows = options.followsWallClock
            clockState.withLock { $0.followsWallClock = follows }
        }
    }

    // Directory and identities.
    var structures: [Int: FakeStructure] = [:]
    var applications: [String: FakeApplication] = [:]
    var technicalAccounts: [String: FakeTechnicalAccount] = [:]
    var commitments: [FakeCommitment] = []
    let vatRates: [String: Decimal]
    let currencies: [String: String]
    let countries: [String: String]
    let exemptionReasons: [String: String]

    // Platform state.
    var tokens: [String: (clientID: String, expiresAt: Date)] = [:]
    var attachments: [Int: FakeAttachment] = [:]
    var invoices: [Int: FakeInvoice] = [:]
    var fluxes: [String: FakeFlux] = [:]
    var worksInvoices: [Int: FakeWorksInvoice] = [:]
    var managers: [Int: FakeManagerAccount] = [:]
    var affiliations: [Int: FakeAffiliation] = [:]
    var sessions: [String: Int] = [:]
    var sentEmails: [FakeEmail] = []
    private let startDate: Date
    private let realStart = Date()
    /// The clock's offset and whether it follows the wall clock, readable without awaiting the actor (for
    /// ``clock``, which a client's synchronous `now` reads).
    private nonisolated let clockState: LockedBox<(offset: TimeInterval, followsWallClock: Bool)>
    /// The fake's time: the start date, plus real time elapsed when ``Options/followsWallClock``, plus
    /// every ``advance(by:)``.
    var now: Date {
        get { currentTime }
        set {
            let shift = newValue.timeIntervalSince(currentTime)
            clockState.withLock { $0.offset += shift }
        }
    }

    /// The fake's time, read without awaiting the actor.
    public nonisolated var currentTime: Date {
        let state = clockState.withLock { $0 }
        return startDate.addingTimeInterval(state.offset + (state.followsWallClock ? Date().timeIntervalSince(realStart) : 0))
    }
    var counter = SequenceCounter()

    // Test controls.
    var scriptedFaults: [String: [FakeFault]] = [:]
    var randomFaults: RandomFaults?
    var shapeDrift: ShapeDrift?
    var entries = JournalBuffer()
    var faultCount = 0
    /// Whether exchanges are recorded in ``journal`` (switch off for long soak runs; `chorus-mock-server`
    /// starts with it off). The journal keeps the newest 10,000 exchanges and 256 MB of bodies at most.
    public var recordsJournal = true

    /// Creates a fake holding `seed`, whose clock starts at `startDate`.
    public init(seed: FakeSeed = .standard, options: Options = Options(), startDate: Date = Date()) {
        self.options = options
        self.startDate = startDate
        clockState = LockedBox((offset: 0, followsWallClock: options.followsWallClock))
        vatRates = seed.vatRates
        currencies = seed.currencies
        countries = seed.countries
        exemptionReasons = seed.exemptionReasons
        commitments = seed.commitments
        for structure in seed.structures { structures[structure.id] = structure }
        for application in seed.applications { applications[application.clientID] = application }
        for account in seed.technicalAccounts { technicalAccounts[account.login] = account }
    }

    // MARK: Entry point

    /// Answers one HTTP request (or drops it), as the platform would.
    public func handle(_ request: HTTPRequest) async -> FakeOutcome {
        let path = request.url.path
        let fault = nextFault(for: path)
        if fault != nil { faultCount += 1 }
        var outcome: FakeOutcome
        switch fault {
        case .latency(let delay)?:
            try? await Task.sleep(for: delay)
            outcome = Task.isCancelled ? .dropConnection : route(request)
        case .hang?:
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            outcome = .dropConnection
        case .hangAfterCommit?:
            _ = route(request)
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            outcome = .dropConnection
        case .dropBeforeCommit?:
            outcome = .dropConnection
        case .dropAfterCommit?:
            _ = route(request)
            outcome = .dropConnection
        case .status(let status, let retryAfter, let body, let extra)?:
            var headers: HTTPHeaders = ["Content-Type": "application/json;charset=utf-8"]
            if let retryAfter { headers["Retry-After"] = String(retryAfter) }
            for (name, value) in extra.sorted(by: { $0.key < $1.key }) { headers[name] = value }
            outcome = .response(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
        case .businessError(let code, let libelle)?:
            outcome = .response(refusalResponse(FakeRefusal(code: code, libelle: libelle)))
        case .malformedJSON?:
            outcome = .response(HTTPResponse(status: 200, headers: ["Content-Type": "application/json"],
                                             body: Data(#"{"codeRetour":0,"libelle":"GCU_MSG_01_0"#.utf8)))
        case .expireToken?:
            if let token = Self.bearer(of: request) { tokens[token] = nil }
            outcome = route(request)
        case nil:
            outcome = route(request)
        }
        if recordsJournal {
            let response: HTTPResponse? = if case .response(let answer) = outcome { answer } else { nil }
            entries.append(FakeJournalEntry(method: request.method.rawValue, path: path, requestHeaders: request.headers,
                                            requestBody: request.body ?? Data(), responseStatus: response?.status,
                                            responseBody: response?.body ?? Data(), fault: fault,
                                            knownSecrets: secrets(of: request, answer: response)))
        }
        return outcome
    }

    private func nextFault(for path: String) -> FakeFault? {
        if var queue = scriptedFaults[path], !queue.isEmpty {
            let fault = queue.removeFirst()
            scriptedFaults[path] = queue
            return fault
        }
        guard path.hasPrefix("/cpro/") || path == Self.tokenPath else { return nil }
        return randomFaults?.draw(for: path)
    }

    private func route(_ request: HTTPRequest) -> FakeOutcome {
        settleTime()
        let path = request.url.path
        // Exact routing: a path with dot segments (`/portail/v1/../../api/oauth/token`) names nothing.
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
            return .response(.json(["error": "invalid_request", "error_description": "dot segments are not allowed in paths"], status: 400))
        }
        if path == Self.tokenPath { return .response(issueToken(request)) }
        if path.hasPrefix(Self.portalPrefix) { return .response(portal(request)) }
        if path.hasPrefix("/cpro/") { return .response(api(request)) }
        return .response(.json(["error": "not_found", "error_description": .string("no route for \(path)")], status: 404))
    }

    /// The credentials one exchange can show, longest first, for scrubbing its printable text: the
    /// applications' secrets, the technical passwords (raw and as `cpro-account`), the request's bearer and
    /// the token in the answer. Only these, so that an entry does not copy every token ever issued.
    func secrets(of request: HTTPRequest, answer: HTTPResponse?) -> [String] {
        let accounts = technicalAccounts.values.flatMap { [$0.password, Data("\($0.login):\($0.password)".utf8).base64EncodedString()] }
        let issued = answer.flatMap { JSONValue.parse($0.body)?["access_token"].string }
        return (applications.values.map(\.clientSecret) + accounts + [Self.bearer(of: request), issued].compactMap { $0 })
            .sorted { $0.count > $1.count }
    }

    /// The OAuth token endpoint's path, as PISTE serves it.
    static let tokenPath = "/api/oauth/token"

    // MARK: Test controls

    /// Queues faults for the next requests to `path` (e.g. `/cpro/factures/v1/soumettre`), in order.
    public func inject(_ faults: FakeFault..., on path: String) {
        scriptedFaults[path, default: []] += faults
    }

    /// Forgets the faults still queued for `path`.
    public func clearFaults(on path: String) { scriptedFaults[path] = nil }

    /// Revokes every bearer token issued so far, as PISTE does on a key rotation: the next call with any of
    /// them gets a 401.
    public func revokeAllTokens() { tokens.removeAll() }

    /// Draws transient faults at random (for soak tests); `nil` stops them.
    public func setRandomFaults(_ plan: RandomFaults?) { randomFaults = plan }

    /// Sends every `/cpro/` JSON answer in drifted shapes of the same meaning (``ShapeDrift``); `nil` stops it.
    public func setShapeDrift(_ drift: ShapeDrift?) { shapeDrift = drift }

    /// Changes behaviour switches.
    public func configure(_ change: @Sendable (inout Options) -> Void) {
        let before = currentTime
        change(&options)
        let follows = options.followsWallClock
        clockState.withLock { $0.followsWallClock = follows }
        now = before  // switching the wall clock on or off does not jump the fake's time
    }

    /// Moves the fake's clock forward: tokens expire, flux reports progress.
    public func advance(by seconds: TimeInterval) {
        now.addTimeInterval(seconds)
        settleTime()
    }

    /// The fake's current time.
    public var currentDate: Date { now }

    /// How many faults (scripted or random) were applied so far.
    public var faultsApplied: Int { faultCount }

    /// Every exchange so far, oldest first.
    public var journal: [FakeJournalEntry] { entries.entries }

    /// Bounds the journal: at most `entries` exchanges and about `bodyBytes` bytes of bodies, the oldest
    /// dropped first (defaults: 10,000 and 256 MB).
    public func setJournalCapacity(entries: Int, bodyBytes: Int = 256 * 1024 * 1024) {
        self.entries.capacity = entries
        self.entries.byteCapacity = bodyBytes
    }

    /// Forgets the journal.
    public func clearJournal() { entries.removeAll() }

    /// The e-mails "sent" so far (activation links), oldest first.
    public var outbox: [FakeEmail] { sentEmails }

    /// Adds or replaces a structure.
    public func addStructure(_ structure: FakeStructure) { structures[structure.id] = structure }

    /// Adds or replaces a PISTE application.
    public func addApplication(_ application: FakeApplication) { applications[application.clientID] = application }

    /// Adds or replaces a technical account.
    public func addTechnicalAccount(_ account: FakeTechnicalAccount) { technicalAccounts[account.login] = account }

    /// Adds a commitment.
    public func addCommitment(_ commitment: FakeCommitment) { commitments.append(commitment) }

    /// A structure by SIRET or other identifier.
    public func structure(identifier: String) -> FakeStructure? {
        structures.values.first { $0.identifier == identifier }
    }

    /// Every stored invoice, by id.
    public var storedInvoices: [FakeInvoice] { invoices.values.sorted { $0.id < $1.id } }

    /// One stored invoice.
    public func invoice(_ id: Int) -> FakeInvoice? { invoices[id] }
}

/// Monotonic id and number sequences.
struct SequenceCounter: Sendable {
    var structure = 27_000_000
    var attachment = 28_205
    var invoice = 8_420_532
    var generatedNumber = 1
    var flux = 300_163
    var status = 8_548_152
    var manager = 1
    var affiliation = 1
    var service = 11_000_000
    var token = 1
    var userAction = 5_000
    var worksInvoice = 7_700_000

    mutating func next(_ keyPath: WritableKeyPath<SequenceCounter, Int>) -> Int {
        self[keyPath: keyPath] += 1
        return self[keyPath: keyPath]
    }
}
