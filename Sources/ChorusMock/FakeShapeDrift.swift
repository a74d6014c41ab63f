import Foundation

/// Answers in shapes that drift from the documented ones while meaning the same thing, as a platform serving several
/// versions (or a gateway in between) may send them: the fault that runs the SDK's tolerant reading
/// (`AnswerReadingMode.tolerant`) over every transport. Set with ``FakeChorusPro/setShapeDrift(_:)``; it applies to every
/// `/cpro/` JSON answer, never to the OAuth token.
///
/// Each drift keeps the answer's meaning: a client that reads liberally gets the same data back, plus
/// `DecodingIssue`s for the odd items; a strict client fails with `decodingFailed`.
public struct ShapeDrift: Sendable, Hashable {
    /// Every number sent as its text (`"idFacture": "2194673"`, `"codeRetour": "0"`).
    public var numbersAsStrings: Bool
    /// Every `null` sent as `""`.
    public var emptyStringsForNull: Bool
    /// Every object gains a member the SDK has never seen, holding a nested object and list.
    public var unknownMembers: Bool
    /// Every list of objects gains one more item at its end: a copy of its first item with every value turned into
    /// an object, which no reader can take for data.
    public var oddListItem: Bool

    /// Creates a drift; by default every kind at once.
    public init(
        numbersAsStrings: Bool = true, emptyStringsForNull: Bool = true, unknownMembers: Bool = true,
        oddListItem: Bool = true
    ) {
        self.numbersAsStrings = numbersAsStrings
        self.emptyStringsForNull = emptyStringsForNull
        self.unknownMembers = unknownMembers
        self.oddListItem = oddListItem
    }

    /// The key of the member ``unknownMembers`` adds.
    public static let unknownMemberKey = "champAjouteParUneVersionFuture"

    /// `value` with the drift applied.
    public func apply(to value: JSONValue) -> JSONValue {
        switch value {
        case .null: return emptyStringsForNull ? .string("") : .null
        case .number(let number): return numbersAsStrings ? .string(number.description) : value
        case .bool, .string: return value
        case .array(let items):
            var drifted = items.map(apply)
            if oddListItem, case .object(let first)? = items.first {
                drifted.append(.object(first.mapValues { _ in .object(["valeurInattendue": .array([.int(1)])]) }))
            }
            return .array(drifted)
        case .object(let members):
            var drifted = members.mapValues(apply)
            if unknownMembers {
                drifted[Self.unknownMemberKey] = .object(["nouveauBloc": .array([.string("x"), .int(2)])])
            }
            return .object(drifted)
        }
    }
}
