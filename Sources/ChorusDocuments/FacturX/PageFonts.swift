import ChorusCore
import Foundation

/// The fonts a Factur-X page draws with: the caller's main font (`/F1`) and, optionally, a fallback font (`/F2`) for
/// the characters the main one lacks. A character neither has is drawn as the main font's `.notdef` box — visible,
/// never a silent `?` — and listed by ``FacturXWriter/missingCharacters(in:font:fallbackFont:)``.
struct PageFonts: Sendable {
    let main: TrueTypeFont
    let fallback: TrueTypeFont?

    /// A stretch of text drawn with one font: `font` is 0 for the main font, 1 for the fallback.
    struct Run {
        var font: Int
        var glyphs: [Int]
    }

    /// The font (0 main, 1 fallback) and glyph id that draw `scalar`.
    func glyph(for scalar: Unicode.Scalar) -> (font: Int, glyph: Int) {
        if main.contains(scalar) { return (0, main.glyph(for: scalar)) }
        if let fallback, fallback.contains(scalar) { return (1, fallback.glyph(for: scalar)) }
        return (0, 0)
    }

    /// Whether some font draws `scalar`.
    func draws(_ scalar: Unicode.Scalar) -> Bool { main.contains(scalar) || fallback?.contains(scalar) == true }

    /// `string` cut into runs of one font each.
    func runs(_ string: String) -> [Run] {
        var runs: [Run] = []
        for scalar in string.unicodeScalars {
            let (font, glyph) = glyph(for: scalar)
            if runs.last?.font == font { runs[runs.count - 1].glyphs.append(glyph) } else { runs.append(Run(font: font, glyphs: [glyph])) }
        }
        return runs
    }

    /// The width of `text` at `size` points, each character measured in the font that draws it.
    func width(of text: String, size: Double) -> Double {
        let thousandths = text.unicodeScalars.reduce(0) { total, scalar in
            let (font, glyph) = glyph(for: scalar)
            return total + (font == 1 ? fallback?.advance(ofGlyph: glyph) ?? 0 : main.advance(ofGlyph: glyph))
        }
        return Double(thousandths) * size / 1000
    }
}
