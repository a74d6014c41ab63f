import Foundation

// How answers are read — the policy, written once (the DocC article "How answers are read" says it in the same words):
//
// - Identity fields (ids, numbers, statuses, `codeRetour`) are required and strict: an odd shape or an absence fails
//   the object that carries them.
// - Decision fields (amounts used for matching, requirement/active/public flags, dates used in look-ups) are strict on
//   shape; their absence is *unknown* (`nil`), never a permissive default.
// - Descriptive fields (names, addresses, comments, labels, display dates) are tolerant: an odd shape leaves the field
//   `nil` and records a ``DecodingIssue``.
// - Lists isolate their items: an item that cannot be read is skipped and recorded, the rest is served.
// - `""` where a value is expected is an absent value, never an identifier or an amount.
// - Unknown fields are ignored, or kept as values where the sources are thin (commitments); never thrown on.
// - In ``AnswerReadingMode/strict`` (ChorusMock's clients, the SDK's own tests) every tolerated issue fails instead.

/// How tolerant the SDK is of answers whose shape drifts from the documented one (``ChorusConfiguration/answerReading``).
public enum AnswerReadingMode: String, Sendable, Hashable, CaseIterable {
    /// The default: an odd descriptive field or list item is left out, recorded as a ``DecodingIssue`` on the result
    /// and reported in a ``ChorusLogEvent/Kind/answerTolerated`` log event; identity and decision fields stay strict.
    case tolerant
    /// Every odd shape fails the call with ``ChorusError/Code/decodingFailed``: for tests against the fake, where an
    /// unknown shape is a bug to see at once. ChorusMock's clients read answers this way.
    case strict
}

/// Something in an answer the SDK read past: a descriptive field it left out, or a list item it skipped.
public struct DecodingIssue: Sendable, Hashable, CustomStringConvertible {
    /// What the SDK did about it.
    public enum Consequence: String, Sendable, Hashable {
        /// A descriptive field with an unknown shape was left `nil`.
        case fieldLeftOut
        /// A list item that could not be read was skipped; the rest of the list was served.
        case itemSkipped
    }

    /// Where in the answer, as a path of keys and indexes (`listeFactures[2].libelleDevise`).
    public var path: String
    /// What the SDK expected there (`expected text`), or, for a skipped item, where inside it and what
    /// (`lignePosteMontantTva: expected a Decimal`).
    public var expected: String
    /// The value found, shortened and with secrets removed.
    public var excerpt: String
    /// What the SDK did.
    public var consequence: Consequence

    /// Creates an issue (for stubs and tests).
    public init(path: String, expected: String, excerpt: String, consequence: Consequence) {
        self.path = path
        self.expected = expected
        self.excerpt = excerpt
        self.consequence = consequence
    }

    /// One sentence: what was found where, and what the SDK did.
    public var description: String {
        let found = excerpt.isEmpty ? "" : "; found \(excerpt)"
        switch consequence {
        case .fieldLeftOut: return "The field \(path) was left out (\(expected)\(found))."
        case .itemSkipped: return "The list item \(path) was skipped (\(expected)\(found))."
        }
    }
}

/// The reading of one answer: its mode and the issues recorded so far. The pipeline puts one in the decoder's
/// `userInfo`; ``AnswerObject`` finds it there. A decoder without one reads strictly (a user decoding a model with
/// their own `JSONDecoder` gets the strict behaviour, never a silent one).
package final class AnswerReading: @unchecked Sendable {
    package let mode: AnswerReadingMode
    private let scrub: @Sendable (String) -> String
    private let lock = NSLock()
    private var recorded: [DecodingIssue] = []

    package init(mode: AnswerReadingMode, scrub: @escaping @Sendable (String) -> String = { $0 }) {
        self.mode = mode
        self.scrub = scrub
    }

    /// The reading a decoder carries, if any.
    package static func of(_ decoder: any Decoder) -> AnswerReading? {
        decoder.userInfo[.chorusAnswerReading] as? AnswerReading
    }

    /// Every issue recorded so far.
    package var issues: [DecodingIssue] { lock.withLock { recorded } }

    /// How many issues are recorded (a mark for ``issues(since:)``).
    package var count: Int { lock.withLock { recorded.count } }

    /// The issues recorded after `mark`.
    package func issues(since mark: Int) -> [DecodingIssue] { lock.withLock { Array(recorded.dropFirst(mark)) } }

    /// Records `error` as tolerated, or rethrows it when this reading is strict.
    package func tolerate(
        _ error: any Error, at path: [any CodingKey], excerpt: String, as consequence: DecodingIssue.Consequence
    ) throws {
        guard mode == .tolerant, let decodingError = error as? DecodingError else { throw error }
        let errorPath = Self.path(of: decodingError) ?? path
        var issue = DecodingIssue(
            path: Self.render(errorPath), expected: Self.shortened(scrub(Self.expectation(decodingError)), to: 160),
            excerpt: Self.shortened(scrub(excerpt), to: 80), consequence: consequence)
        let given = Self.render(path)
        let inner = Self.render(Array(errorPath.dropFirst(path.count)))
        if errorPath.count > path.count, Self.render(Array(errorPath.prefix(path.count))) == given {
            // What was left out is the field or item at `path`; where inside it the reading failed goes with the expectation.
            issue.path = given
            issue.expected = "\(inner.hasPrefix("[") ? "" : "at ")\(inner): \(issue.expected)"
        }
        lock.withLock { recorded.append(issue) }
    }

    /// `text` cut to `limit` characters, with "…" when something was cut. The expectation can quote a value (a
    /// lenient reader's "not a date and time: …"), so it is scrubbed and shortened like the excerpt.
    package static func shortened(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// `listeFactures[2].libelleDevise`.
    package static func render(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }

    private static func path(of error: DecodingError) -> [any CodingKey]? {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath
        case .keyNotFound(let key, let context): context.codingPath + [key]
        @unknown default: nil
        }
    }

    private static func article(for type: Any.Type) -> String {
        switch "\(type)" {
        case "String": "text"
        case "Decimal", "Double", "Int", "Int64": "a number"
        case "Bool": "a boolean"
        case let name where name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer"): "an object"
        case let name where name.hasPrefix("Array") || name.hasPrefix("UnkeyedDecodingContainer"): "a list"
        case let name: "a \(name)"
        }
    }

    private static func expectation(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            context.debugDescription.hasPrefix("expected")
                ? context.debugDescription : "expected \(Self.article(for: type))"
        case .valueNotFound(let type, _): "expected \(Self.article(for: type))"
        case .keyNotFound(let key, _): "no \(key.stringValue)"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "expected a known shape"
        }
    }
}

extension CodingUserInfoKey {
    /// Where ``AnswerReading`` travels in a decoder.
    package static let chorusAnswerReading: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "chorus.answerReading") else { preconditionFailure("invalid key") }
        return key
    }()
}
