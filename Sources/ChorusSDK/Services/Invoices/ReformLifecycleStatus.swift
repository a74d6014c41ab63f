import Foundation

/// A status of the invoice lifecycle of France's 2026–2027 e-invoicing reform (the AFNOR XP Z12-012 codes the
/// accredited platforms exchange): 200 Déposée, 203 Mise à disposition, 204 Prise en charge, 208 Suspendue,
/// 209 Complétée, 210 Refusée, 211 Paiement transmis, 212 Encaissée, 213 Rejetée…
///
/// Sources: the DGFiP/AIFE Chorus Pro specification v1.1 of 2026-04-30 (§3.5.2 table 5: 200, 210, 212, 213 are
/// mandatory; §4.2.1.1 tables 8–11: what Chorus Pro sends an accredited platform), summarised with its commit in
/// `Documentation/OfficialSources.md`; for the labels also NomaUBL's status catalogue (docs.nomana-it.fr, 200–228)
/// and guide-plateforme-agreee.fr ("Rejetée" = refused by a platform's checks, "Refusée" = refused by the buyer).
public struct ReformLifecycleStatus: Sendable, Hashable, CustomStringConvertible {
    /// The numeric code (`200`…).
    public let code: Int
    /// The French label.
    public let label: String

    /// Creates a value.
    public init(code: Int, label: String) {
        self.code = code
        self.label = label
    }

    /// `200 Déposée`.
    public static let deposited = ReformLifecycleStatus(code: 200, label: "Déposée")
    /// `202 Reçue par la plateforme`: what Chorus Pro sends a supplier's accredited platform for `DEPOSEE` (table 8).
    public static let receivedByPlatform = ReformLifecycleStatus(code: 202, label: "Reçue par la plateforme")
    /// `203 Mise à disposition`.
    public static let madeAvailable = ReformLifecycleStatus(code: 203, label: "Mise à disposition")
    /// `204 Prise en charge`.
    public static let takenUp = ReformLifecycleStatus(code: 204, label: "Prise en charge")
    /// `205 Approuvée`: a validator approved (frame A9, tables 9–10).
    public static let approved = ReformLifecycleStatus(code: 205, label: "Approuvée")
    /// `206 Approuvée partiellement`: a validator of an A9 invoice refused (tables 9–10).
    public static let partlyApproved = ReformLifecycleStatus(code: 206, label: "Approuvée partiellement")
    /// `208 Suspendue`.
    public static let suspended = ReformLifecycleStatus(code: 208, label: "Suspendue")
    /// `209 Complétée`.
    public static let completed = ReformLifecycleStatus(code: 209, label: "Complétée")
    /// `210 Refusée`: refused by the buyer.
    public static let refused = ReformLifecycleStatus(code: 210, label: "Refusée")
    /// `211 Paiement transmis`.
    public static let paymentSent = ReformLifecycleStatus(code: 211, label: "Paiement transmis")
    /// `212 Encaissée`: the supplier declares the payment received (no Chorus Pro status says it).
    public static let paymentReceived = ReformLifecycleStatus(code: 212, label: "Encaissée")
    /// `213 Rejetée`: refused by a platform's checks (a Chorus Pro flux `IN_REJETE`).
    public static let rejected = ReformLifecycleStatus(code: 213, label: "Rejetée")
    /// `214 Visée`: the first validator of an A12 co-contractor invoice approved (table 11).
    public static let endorsed = ReformLifecycleStatus(code: 214, label: "Visée")

    /// `200 Déposée`.
    public var description: String { "\(code) \(label)" }
}

/// How an invoice reaches Chorus Pro under the reform, which decides the lifecycle statuses it takes (§3.1 and §3.5 of
/// the DGFiP Chorus Pro specification, `Documentation/OfficialSources.md`).
public enum ReformChannel: String, Sendable, Hashable, CaseIterable {
    /// The historical channel (portal, API, EDI): the supplier keeps seeing Chorus Pro's own statuses, and Chorus Pro
    /// itself tells the public invoicing portal 200 Déposée and 212 Encaissée, and forwards 210 Refusée (§3.5.2).
    case direct
    /// Through the supplier's accredited platform (PA): Chorus Pro sends the platform the status of tables 8–11
    /// (§4.2.1.1).
    case accreditedPlatform
}

extension InvoiceStatus {
    /// The reform's lifecycle status this Chorus Pro status becomes on `channel`, as the DGFiP specification's tables
    /// give it; `nil` where they give none (routing, works steps, OCR…: no status is sent).
    ///
    /// - On ``ReformChannel/accreditedPlatform`` (tables 8–11, §4.2.1.1): `DEPOSEE` → 202, `MISE_A_DISPOSITION` → 203,
    ///   `SUSPENDUE` → 208, `REJETEE` → 210, `SERVICE_FAIT`, `MANDATEE`, `MISE_A_DISPOSITION_COMPTABLE`,
    ///   `COMPTABILISEE` → 204, `MISE_EN_PAIEMENT` → 211; a validator's decision depends on the frame: A9 validated
    ///   205 / refused 206 (both validators), A12 first validator validated 214 / refused 210 — without `framework` it
    ///   is `nil` (unknown, never guessed). `A_RECYCLER` → 210 (recycling is retired, §2.4.2).
    /// - On ``ReformChannel/direct`` (§3.5.2): `DEPOSEE` → 200, `REJETEE` and `A_RECYCLER` → 210, `MISE_EN_PAIEMENT` →
    ///   212 (Chorus Pro says Encaissée for the supplier when the public body sets the payment); nothing else.
    public func reformStatus(on channel: ReformChannel, framework: InvoicingFramework? = nil) -> ReformLifecycleStatus?
    {
        switch channel {
        case .direct:
            switch self {
            case .deposited: return .deposited
            case .rejected, .toRecycle: return .refused
            case .paymentInitiated: return .paymentReceived
            default: return nil
            }
        case .accreditedPlatform:
            switch self {
            case .deposited: return .receivedByPlatform
            case .madeAvailable: return .madeAvailable
            case .suspended: return .suspended
            case .rejected, .toRecycle: return .refused
            case .serviceDone, .mandated, .madeAvailableForAccounting, .booked: return .takenUp
            case .paymentInitiated: return .paymentSent
            case .firstValidated, .secondValidated, .firstRefused, .secondRefused: return validatorStatus(framework)
            default: return nil
            }
        }
    }

    /// Tables 9–11: A9 (either validator) 205 / 206; A12 (first validator only) 214 / 210.
    private func validatorStatus(_ framework: InvoicingFramework?) -> ReformLifecycleStatus? {
        let validated = self == .firstValidated || self == .secondValidated
        switch framework {
        case InvoicingFramework.subcontractorInvoice?: return validated ? .approved : .partlyApproved
        case InvoicingFramework.coContractorInvoice? where self == .firstValidated || self == .firstRefused:
            return validated ? .endorsed : .refused
        default: return nil
        }
    }

    /// The counterpart this SDK gave before it read the DGFiP specification (one mapping for both channels).
    @available(
        *, deprecated,
        message: "use reformStatus(on:framework:): the status depends on the channel (DGFiP specification §4.2.1.1)"
    )
    public var reformStatus: ReformLifecycleStatus? {
        switch self {
        case .deposited: .deposited
        case .madeAvailable: .madeAvailable
        case .acknowledged: .takenUp
        case .suspended: .suspended
        case .completed: .completed
        case .rejected: .refused
        case .paymentInitiated: .paymentSent
        default: nil
        }
    }
}

extension FluxState {
    /// 213 Rejetée for a flux the platform refused (`IN_REJETE`, `IN_INCIDENTE`); `nil` otherwise (its invoices
    /// have their own statuses).
    public var reformStatus: ReformLifecycleStatus? { self == .rejected || self == .incident ? .rejected : nil }
}
