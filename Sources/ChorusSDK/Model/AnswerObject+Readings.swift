import Foundation

// The readings of the generated models (scripts/generate-models.py) that combine several keys or convert a text:
// each takes the literal wire keys, so that every key of an answer model is written out in full.
extension AnswerObject {
    /// The non-empty texts of `keys`, in order, joined by a space (a person's first and last names); `nil` when none.
    package func words(_ keys: String...) throws -> String? {
        let parts = try keys.map { try text($0) }.compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Base64 data (a file inside an answer); `nil` when absent or empty, a failure when it is not Base64.
    package func base64(_ key: String) throws -> Data? {
        guard let text = try text(key), !text.isEmpty else { return nil }
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else { throw failure(key, "\(key) is not Base64") }
        return data
    }

    /// The paging of a block inside an answer, from its four keys (`nbResultatsParPageLignesPoste`,
    /// `pageCouranteLignesPoste`, `pagesLignesPoste`, `totalLignesPoste`…).
    package func paging(_ pageSize: String, _ currentPage: String, _ pageCount: String, _ total: String) throws -> PageInfo {
        PageInfo(pageSize: try int(pageSize), currentPage: try int(currentPage), pageCount: try int(pageCount), total: try int(total))
    }
}
