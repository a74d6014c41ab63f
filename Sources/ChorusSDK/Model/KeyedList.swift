import Foundation

/// An answer whose interesting part is one list under a key given at decoding time
/// (`listeDevises`, `listeStructures`…), plus the page information in either style. A missing or
/// `null` list is empty; a single object is a list of one (§13). Items are isolated (`AnswerReading.swift`): one that
/// cannot be read is skipped and recorded in ``issues``, the rest is served.
package struct KeyedList<Item: Decodable & Sendable>: Decodable, Sendable {
    package static var listKey: CodingUserInfoKey { .chorusListKey }

    package var items: [Item]
    package var info: PageInfo
    /// What was read past in the whole answer (skipped items, descriptive fields left out).
    package var issues: [DecodingIssue]

    package init(from decoder: any Decoder) throws {
        guard let key = decoder.userInfo[Self.listKey] as? String else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no list key given"))
        }
        let answer = try AnswerObject(decoder)
        let mark = answer.reading?.count ?? 0
        items = try answer.list(Item.self, key)
        info = try PageInfo(from: decoder)
        issues = answer.reading?.issues(since: mark) ?? []
    }

    /// The answer as a page.
    package var page: Page<Item> { Page(items: items, info: info, issues: issues) }
}

extension RequestPipeline {
    /// Sends `request` and decodes the list under the operation's declared `listKey`.
    package func callList<Item>(_ operation: OperationID, _ request: some Encodable) async throws -> KeyedList<Item> {
        guard let listKey = operation.route?.listKey else {
            preconditionFailure("\(operation) declares no list key (Services/*/…Operations.swift)")
        }
        return try await call(operation, request, as: KeyedList<Item>.self, userInfo: [KeyedList<Item>.listKey: listKey])
    }

    /// One page of a search: the items under the operation's list key and the answer's paging, in either style.
    package func callPage<Item: Decodable & Sendable>(_ operation: OperationID, _ request: some Encodable) async throws -> Page<Item> {
        let answer: KeyedList<Item> = try await callList(operation, request)
        return answer.page
    }

    /// One of the three "active structures" lists (`recuperer/structures/actives/…`, `listeStructures`).
    package func activeStructures(_ operation: OperationID) async throws -> [SupplierStructure] {
        let answer: KeyedList<SupplierStructure> = try await callList(operation, [:] as WireObject)
        return answer.items
    }
}

extension CodingUserInfoKey {
    /// Where ``KeyedList`` finds the name of its list.
    package static let chorusListKey: CodingUserInfoKey = {
        guard let key = CodingUserInfoKey(rawValue: "chorus.listKey") else { preconditionFailure("invalid key") }
        return key
    }()
}
