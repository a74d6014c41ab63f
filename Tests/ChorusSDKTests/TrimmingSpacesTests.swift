import ChorusCore
import Foundation
import Testing

/// `trimmingSpaces()` replaces Foundation's `trimmingCharacters(in: .whitespaces)` on the answer-reading path: the
/// oracle is Foundation itself, on seeded random texts mixing the characters either could treat differently.
@Suite("Trimming spaces: the same as Foundation's .whitespaces")
struct TrimmingSpacesTests {
    @Test("20,000 seeded random texts: no disagreement with trimmingCharacters(in: .whitespaces)")
    func agreesWithFoundation() {
        let seed: UInt64 = 20_261_202
        var generator = SplitMix64(seed: seed)
        let alphabet: [String] = [" ", "\t", "\n", "\r", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{200B}", "\u{FEFF}", "a", "Z",
                                  "0", "é", "e\u{0301}", "🇫🇷", "-", "\u{1680}", "\u{202F}", "\u{0085}", "\u{000B}"]
        var disagreements: [(String, String, String)] = []

        for _ in 0..<20_000 {
            let length = Int(generator.next() % 8)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let ours = text.trimmingSpaces()
            let foundation = text.trimmingCharacters(in: .whitespaces)
            if ours != foundation { disagreements.append((text, ours, foundation)) }
        }
        print("trimmingSpaces, seed \(seed): \(disagreements.count) disagreements with Foundation in 20,000 texts")
        for (text, ours, foundation) in disagreements.prefix(10) {
            print("  \(text.unicodeScalars.map { String($0.value, radix: 16) }) → ours \(ours.debugDescription), Foundation \(foundation.debugDescription)")
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, table above")
    }
}
