import Foundation

/// An answer whose interesting part is one list under a key given at decoding time
/// (`listeDevises`, `listeStructures`…), plus the page information in either style. A missing or
/// `null` list is empty; a single object is a list of one (§13).
package struct KeyedList<Item: Decodable & Sendable>: Decodable, Sendable {
    package static var listKey: CodingUserInfoKey { .chorusListKey }

    package var items: [Item]
    package var info: PageInfo

    package init(from decoder: any Decoder) throws {
        guard let key = decoder.userInfo[Self.listKey] as? String else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no list key given"))
        }
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        items = try container.decodeList(Item.self, forKey: AnyCodingKey(key))
        info = try PageInfo(from: decoder)
    }
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
        return Page(items: answer.items, info: answer.info)
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
