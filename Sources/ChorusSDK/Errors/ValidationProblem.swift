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

extension ChorusError {
    /// An invalid-input error carrying every problem; ``field`` and ``rule`` are the first one's.
    package static func invalid(_ operation: OperationID, _ problems: [ValidationProblem]) -> ChorusError {
        var error = ChorusError(.invalidInput, operation: operation,
                                message: "\(problems.count) problem(s): " + problems.map(\.description).joined(separator: "; "),
                                field: problems.first?.field, rule: problems.first?.rule)
        error.problems = problems
        return error
    }

    /// As a validation problem (for invalid-input errors).
    package var asProblem: ValidationProblem {
        ValidationProblem(field: field ?? "", rule: rule ?? code.rawValue, message: message)
    }
}
