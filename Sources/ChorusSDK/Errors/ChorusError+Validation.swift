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
