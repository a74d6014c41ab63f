import Foundation

/// A status of the invoice lifecycle of France's 2026–2027 e-invoicing reform (the AFNOR XP Z12-012 codes the
/// accredited platforms exchange): 200 Déposée, 203 Mise à disposition, 204 Prise en charge, 208 Suspendue,
/// 209 Complétée, 210 Refusée, 211 Paiement transmis, 212 Encaissée, 213 Rejetée…
///
/// Sources, which agree on the codes and labels used here: the A-Cube API's French lifecycle page
/// (docs.acubeapi.com, "Invoice lifecycle": 200, 210, 212, 213 mandatory; 204–211 optional), NomaUBL's status
/// catalogue (docs.nomana-it.fr, "Invoice Status Codes", 200–228), Billit's PA statuses (docs.billit.be) and
/// guide-plateforme-agreee.fr ("Rejetée" = refused by a platform's checks, "Refusée" = refused by the buyer).
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
    /// `203 Mise à disposition`.
    public static let madeAvailable = ReformLifecycleStatus(code: 203, label: "Mise à disposition")
    /// `204 Prise en charge`.
    public static let takenUp = ReformLifecycleStatus(code: 204, label: "Prise en charge")
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

    /// `200 Déposée`.
    public var description: String { "\(code) \(label)" }
}

extension InvoiceStatus {
    /// The reform's lifecycle status this Chorus Pro status stands for, where the meanings match; `nil` for the
    /// statuses the reform has no counterpart for (routing, validators, works steps, accounting, OCR…).
    ///
    /// `REJETEE` is the recipient's refusal, hence 210 Refusée (213 Rejetée is a platform's refusal: see
    /// ``FluxState/reformStatus``); `MISE_EN_PAIEMENT` is the payment sent (211), not received (212).
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
