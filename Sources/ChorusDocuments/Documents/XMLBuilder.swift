import ChorusCore

/// Writes indented XML into a string, deterministically: elements in the order they are written, attributes
/// in the order given, text escaped. Empty optional elements are skipped by the `optional` helpers.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += indentation + "</" + name + ">\n"
    }

    /// `<name attributes>value</name>`.
    mutating func element(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">" + Self.escape(value) + "</" + name + ">\n"
    }

    /// The element when `value` is present and not empty.
    mutating func optional(_ name: String, _ value: String?, _ attributes: [(String, String)] = []) {
        guard let value, !value.isEmpty else { return }
        element(name, value, attributes)
    }

    /// A container written only when `content` writes something inside it (built in place: no copies).
    mutating func group(_ name: String, _ attributes: [(String, String)] = [], _ content: (inout XMLBuilder) -> Void) {
        let openTag = indentation + "<" + name + Self.attributes(attributes) + ">\n"
        text += openTag
        let lengthAfterOpen = text.utf8.count
        depth += 1
        content(&self)
        depth -= 1
        if text.utf8.count == lengthAfterOpen {
            text.removeLast(openTag.count)
        } else {
            text += indentation + "</" + name + ">\n"
        }
    }

    /// `<name/>`.
    mutating func empty(_ name: String) {
        text += indentation + "<" + name + "/>\n"
    }

    private var indentation: String { String(repeating: "  ", count: depth) }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension Amount {
    /// An amount as EN 16931 writes it: 2 decimals.
    var money: String { formatted(scale: 2) }

    /// A quantity, price or rate: its own decimals, at least 0 and at most 6, no exponent.
    var plain: String {
        let places = min(max(decimalPlaces, 0), 6)
        return places == 0 ? rounded(scale: 0).formatted(scale: 0) : rounded(scale: places).formatted(scale: places)
    }
}

extension CalendarDate {
    /// `YYYYMMDD` (CII format 102).
    var compact: String { description.replacingOccurrences(of: "-", with: "") }
}
