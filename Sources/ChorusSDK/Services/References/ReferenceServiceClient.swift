import Foundation

/// The ``ReferenceService`` that calls the platform through the client's pipeline.
struct ReferenceServiceClient: ReferenceService {
    let pipeline: RequestPipeline
    private let cache: ReferenceCache?

    package init(pipeline: RequestPipeline) {
        self.pipeline = pipeline
        self.cache = pipeline.configuration.cachesReferenceData ? ReferenceCache() : nil
    }

    /// Currencies (`recuperer/devises`, body `{"codeLangue": …}`, list `listeDevises`).
    public func currencies(language: Language) async throws -> [Currency] {
        try await list(.recupererDevises, LanguageBody(codeLangue: language))
    }

    /// VAT rates (`recuperer/tauxtva`, list `listeTauxTva`).
    public func vatRates(language: Language) async throws -> [VATRate] {
        try await list(.recupererTauxTva, LanguageBody(codeLangue: language))
    }

    /// Frameworks (`recuperer/cadrefacturation`, body `{"typeDemandePaiement": …}`, list `listeCadreFacturation`).
    public func invoicingFrameworks(for type: PaymentRequestType) async throws -> [InvoicingFramework] {
        let items: [FrameworkItem] = try await list(.recupererCadreFacturation, ["typeDemandePaiement": type.rawValue])
        return items.map(\.codeCadreFacturation)
    }

    /// Payment modes (`recuperer/modereglements`, body `{}`, list `listeModePaiement`).
    public func paymentModes() async throws -> [PaymentMode] {
        let items: [PaymentModeItem] = try await list(.recupererModeReglements, EmptyBody())
        return items.map(\.modePaiement)
    }

    /// Exemption reasons (`recuperer/motifs/exonerationtva`, list `listeMotifsExonerationTva`).
    public func vatExemptionReasons(language: Language) async throws -> [VATExemptionReason] {
        try await list(.recupererMotifsExonerationTva, LanguageBody(codeLangue: language))
    }

    /// Countries (`recuperer/pays`, list `listePays`).
    public func countries(language: Language) async throws -> [Country] {
        try await list(.recupererPays, LanguageBody(codeLangue: language))
    }

    /// Identifier types (`recuperer/typeidentifiant/structure`, list `listeTypeIdentifiant`).
    public func structureIdentifierTypes() async throws -> [StructureIdentifierType] {
        let items: [IdentifierTypeItem] = try await list(.recupererTypeIdentifiantStructure, EmptyBody())
        return items.map(\.typeIdentifiantStructure)
    }

    /// Health check. Healthy when the answer's `statusCode` / `statusCodeValue` says 200 or OK (shapes seen:
    /// `{"statusCode":"200"}`, and `body`, `statusCodeValue`, `statusCode` together); unknown (`nil`) when the answer
    /// carries neither; an unreadable one fails with `decodingFailed`.
    public func healthCheck() async throws -> HealthStatus {
        let response = try await pipeline.send(.healthCheck, body: nil)
        let answer = response.body.isEmpty ? HealthAnswer()
            : try pipeline.decode(HealthAnswer.self, from: response, operation: .healthCheck)
        let code = answer.statusCode ?? answer.statusCodeValue
        return HealthStatus(isHealthy: code.map { ["200", "OK"].contains($0.uppercased()) }, statusCode: code)
    }

    private func list<Item: Decodable & Sendable>(_ operation: OperationID, _ body: some Encodable & Sendable) async throws -> [Item] {
        let cacheKey = "\(operation)|" + String(decoding: (try? RequestPipeline.encoder.encode(body)) ?? Data(), as: UTF8.self)
        if let cached: [Item] = await cache?.value(for: cacheKey) { return cached }
        let answer: KeyedList<Item> = try await pipeline.callList(operation, body)
        await cache?.store(answer.items, for: cacheKey)
        return answer.items
    }
}

/// Reference answers kept per client.
private actor ReferenceCache {
    private var values: [String: any Sendable] = [:]
    func value<Value>(for key: String) -> Value? { values[key] as? Value }
    func store(_ value: some Sendable, for key: String) { values[key] = value }
}

private struct LanguageBody: Encodable, Sendable { let codeLangue: Language }
private struct EmptyBody: Encodable, Sendable {}
private struct FrameworkItem: Decodable, Sendable { let codeCadreFacturation: InvoicingFramework }
private struct PaymentModeItem: Decodable, Sendable { let modePaiement: PaymentMode }
private struct IdentifierTypeItem: Decodable, Sendable { let typeIdentifiantStructure: StructureIdentifierType }

private struct HealthAnswer: Decodable {
    var statusCode: String?
    var statusCodeValue: String?
    init() {}
    init(from decoder: any Decoder) throws {
        let answer = try AnswerObject(decoder)
        statusCode = try answer.text("statusCode")
        statusCodeValue = try answer.text("statusCodeValue")
    }
}
