import Foundation

/// Parses an answer's bytes into an ``AnswerValue`` tree: RFC 8259 JSON, with what Foundation's `JSONDecoder` accepts
/// beyond it (a byte-order mark, UTF-16 and UTF-32, one trailing comma in an array or object) and nothing more — `AnswerParserTests` holds the two side by side on
/// seeded random documents. Nesting deeper than ``maximumDepth`` is refused rather than followed.
package struct AnswerParser {
    /// Deeper than any answer of the platform, and far from the stack's end.
    package static let maximumDepth = 512

    /// The tree of `data`, or `DecodingError.dataCorrupted` when `data` is not JSON.
    package static func parse(_ data: Data) throws -> AnswerValue {
        if let encoding = wideEncoding(of: data) {
            // UTF-16 or UTF-32, which JSONDecoder reads too: transcoded once, then parsed as UTF-8.
            guard let text = String(data: data, encoding: encoding) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: [], debugDescription: "The given data was not valid JSON."))
            }
            return try utf8(Data(text.utf8))
        }
        return try utf8(data)
    }

    private static func utf8(_ data: Data) throws -> AnswerValue {
        try data.withUnsafeBytes { buffer in
            var parser = AnswerParser(bytes: buffer)
            return try parser.document()
        }
    }

    /// UTF-16 or UTF-32, told by a byte-order mark or by where the zero bytes of the first character are (RFC 4627 §3).
    private static func wideEncoding(of data: Data) -> String.Encoding? {
        let head = Array(data.prefix(4)) + [1, 1, 1, 1]  // padded: a short text has no zeros to find
        switch (head[0], head[1], head[2], head[3]) {
        case (0, 0, 0xFE, 0xFF), (0, 0, 0, _): return .utf32BigEndian
        case (0xFF, 0xFE, 0, 0) where data.count >= 4, (_, 0, 0, 0) where data.count >= 4: return .utf32LittleEndian
        case (0xFE, 0xFF, _, _), (0, _, _, _): return .utf16BigEndian
        case (0xFF, 0xFE, _, _), (_, 0, _, _): return .utf16LittleEndian
        default: return nil
        }
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// The members and items of the objects and arrays being parsed, one stack for all: each object or array is then
    /// made once at its final size, instead of growing array by array.
    private var pendingMembers: [AnswerFields.Member] = []
    private var pendingItems: [AnswerValue] = []

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private mutating func document() throws -> AnswerValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        let value = try self.value(depth: 0)
        skipSpaces()
        guard position == bytes.count else { throw invalid("unexpected text after the value") }
        return value
    }

    private func invalid(_ detail: String) -> DecodingError {
        .dataCorrupted(
            .init(
                codingPath: [], debugDescription: "The given data was not valid JSON.",
                underlyingError: AnswerSyntaxError(offset: position, detail: detail)))
    }

    private mutating func skipSpaces() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws -> AnswerValue {
        skipSpaces()
        guard position < bytes.count else { throw invalid("the text ends where a value is expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default: return .number(try number())
        }
    }

    private mutating func literal(_ word: StaticString, _ value: AnswerValue) throws -> AnswerValue {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw invalid("a truncated literal") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw invalid("an unknown literal")
        }
        position += count
        return value
    }

    private mutating func object(depth: Int) throws -> AnswerValue {
        guard depth <= Self.maximumDepth else { throw invalid("nested deeper than \(Self.maximumDepth)") }
        position += 1  // {
        skipSpaces()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(AnswerFields())
        }
        let start = pendingMembers.count
        defer { pendingMembers.removeSubrange(start...) }
        while true {
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw invalid("a key is expected")
            }
            let key = try string()
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw invalid("':' is expected") }
            position += 1
            let value = try self.value(depth: depth)
            pendingMembers.append(AnswerFields.Member(key: key, value: value))
            if try endsAfterElement(UInt8(ascii: "}")) { break }
        }
        return .object(AnswerFields(Array(pendingMembers[start...])))
    }

    private mutating func array(depth: Int) throws -> AnswerValue {
        guard depth <= Self.maximumDepth else { throw invalid("nested deeper than \(Self.maximumDepth)") }
        position += 1  // [
        skipSpaces()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        let start = pendingItems.count
        defer { pendingItems.removeSubrange(start...) }
        while true {
            let item = try value(depth: depth)
            pendingItems.append(item)
            if try endsAfterElement(UInt8(ascii: "]")) { break }
        }
        return .array(Array(pendingItems[start...]))
    }

    /// After a member or an item: whether `closing` ends the object or array (a trailing comma before it too, as
    /// Foundation allows), or a comma announces another element.
    private mutating func endsAfterElement(_ closing: UInt8) throws -> Bool {
        skipSpaces()
        guard position < bytes.count else {
            throw invalid("the text ends before '\(Character(Unicode.Scalar(closing)))'")
        }
        let next = bytes[position]
        position += 1
        if next == closing { return true }
        guard next == UInt8(ascii: ",") else {
            throw invalid("',' or '\(Character(Unicode.Scalar(closing)))' is expected")
        }
        skipSpaces()
        guard position < bytes.count, bytes[position] == closing else { return false }
        position += 1
        return true
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    private mutating func number() throws -> String {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw invalid("a truncated number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            guard digits() > 0 else { throw invalid("an unexpected character") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw invalid("a number without digits after its point") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw invalid("a number without digits in its exponent") }
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A string, its escapes decoded; the UTF-8 is validated and control characters are refused, as RFC 8259 says.
    private mutating func string() throws -> String {
        position += 1  // "
        let start = position
        var ascii = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let utf8 = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                // ASCII is valid UTF-8 as it is: only the rest needs validating.
                let text = ascii ? String(decoding: utf8, as: UTF8.self) : try validated(utf8)
                position += 1
                return text
            }
            ascii = ascii && byte < 0x80
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw invalid("a control character inside a string") }
            position += 1
        }
        throw invalid("the text ends inside a string")
    }

    private func validated(_ utf8: some Collection<UInt8>) throws -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else { throw invalid("a string that is not UTF-8") }
        return text
    }

    /// The slow path of ``string()``: from the first backslash on, bytes are copied one by one.
    private mutating func escapedString(from start: Int) throws -> String {
        var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return try validated(utf8)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw invalid("the text ends inside an escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(Character(try unicodeEscape())).utf8)
                default: throw invalid("an unknown escape")
                }
            case 0..<0x20: throw invalid("a control character inside a string")
            default: utf8.append(byte)
            }
        }
        throw invalid("the text ends inside a string")
    }

    /// `\uXXXX` (the `\u` read), a surrogate pair as one scalar; a lone surrogate is refused.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hexQuad()
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw invalid("a lone surrogate") }
            position += 2
            let second = try hexQuad()
            guard (0xDC00...0xDFFF).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw invalid("a lone surrogate") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw invalid("a lone surrogate") }
        return scalar
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw invalid("a truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else {
                throw invalid("a \\u escape that is not hexadecimal")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}

/// Where an answer stopped being JSON (the underlying error of the `dataCorrupted` ``AnswerParser`` throws).
package struct AnswerSyntaxError: Error, Sendable, CustomStringConvertible {
    /// The byte offset where the parser stopped.
    package let offset: Int
    /// What it found there.
    package let detail: String
    package var description: String { "not JSON at byte \(offset): \(detail)" }
}
