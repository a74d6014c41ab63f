/// What an invoice to a structure must carry, from its settings (§5.2), decided in this order:
/// `gestionNumeroEJOuCodeService` → either; both flags → both; `codeServiceDoitEtreRenseigne` →
/// service code; `numeroEJDoitEtreRenseigne` → commitment number; otherwise nothing. When the answer leaves a flag
/// out and the others do not decide, the requirement is ``unknown``, never ``nothing``.
public enum InvoicingRequirement: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Nothing beyond the SIRET.
    case nothing
    /// A service code (`destinataire.codeServiceExecutant`).
    case serviceCode
    /// A commitment number (`references.numeroBonCommande`).
    case commitmentNumber
    /// Both a service code and a commitment number.
    case serviceCodeAndCommitmentNumber
    /// A service code or a commitment number (at least one).
    case serviceCodeOrCommitmentNumber

    /// The answer did not say: a flag of `parametres` was absent. Local validation reports that it cannot confirm
    /// what the invoice must carry (rule `SDK-RECIPIENT-REQUIREMENT-UNKNOWN`) rather than assume nothing is needed.
    case unknown

    /// Derives the requirement from the three flags of `parametres`, any of which the answer may have left out
    /// (`nil`): ``unknown`` unless the flags present decide.
    public init(serviceCodeRequired: Bool?, commitmentRequired: Bool?, serviceCodeOrCommitment: Bool?) {
        if serviceCodeOrCommitment == true {
            self = .serviceCodeOrCommitmentNumber
            return
        }
        guard let serviceCodeRequired, let commitmentRequired, let serviceCodeOrCommitment else {
            self = .unknown
            return
        }
        self.init(
            serviceCodeRequired: serviceCodeRequired, commitmentRequired: commitmentRequired,
            serviceCodeOrCommitment: serviceCodeOrCommitment)
    }

    /// Derives the requirement from the three flags of `parametres`.
    public init(serviceCodeRequired: Bool, commitmentRequired: Bool, serviceCodeOrCommitment: Bool) {
        if serviceCodeOrCommitment {
            self = .serviceCodeOrCommitmentNumber
        } else if serviceCodeRequired && commitmentRequired {
            self = .serviceCodeAndCommitmentNumber
        } else if serviceCodeRequired {
            self = .serviceCode
        } else if commitmentRequired {
            self = .commitmentNumber
        } else {
            self = .nothing
        }
    }

    /// A sentence for a person.
    public var description: String {
        switch self {
        case .nothing: "no service code and no commitment number required"
        case .serviceCode: "a service code is required"
        case .commitmentNumber: "a commitment number is required"
        case .serviceCodeAndCommitmentNumber: "a service code and a commitment number are required"
        case .serviceCodeOrCommitmentNumber: "a service code or a commitment number is required"
        case .unknown: "what an invoice must carry is unknown (the platform's answer did not say)"
        }
    }
}

/// Service codes with a meaning of their own on the platform.
package enum ServiceCodes {
    /// `FACTURES_PUBLIQUES`: the service reserved for invoices between public bodies (Documentation §8.3).
    package static let publicInvoices = "FACTURES_PUBLIQUES"
}
