/// One rule an input breaks: the wire field, the rule's id and a sentence.
public struct ValidationProblem: Sendable, Hashable, CustomStringConvertible {
    /// The wire field, as a path (`montantTotal.montantTtcTotal`, `lignePoste[2].lignePosteQuantite`).
    public var field: String
    /// A stable rule id (`totals.htPlusVatEqualsTtc`, `invoiceNumber.format`…).
    public var rule: String
    /// What is wrong, for a person.
    public var message: String

    /// Creates a problem.
    public init(field: String, rule: String, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    /// `field: message [rule]`.
    public var description: String { "\(field): \(message) [\(rule)]" }
}
