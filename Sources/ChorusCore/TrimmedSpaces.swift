extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Unicode space separators, U+0009 and U+200B, the set
    /// Foundation's `CharacterSet.whitespaces` holds on Linux), without Foundation's `trimmingCharacters(in:)`, which bridges
    /// through `NSString` and copies the text on every call: answers are full of fields read this way, and the common
    /// case — nothing to trim — costs no copy here.
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t"
                || (scalar.value > 0x7F && (scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator))
        }
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isSpace(first), !isSpace(last) { return String(self) }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
