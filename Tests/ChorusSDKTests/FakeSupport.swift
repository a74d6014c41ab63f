import ChorusMock
import ExampleSupport
import Foundation
@testable import ChorusSDK

/// Raw HTTP access to a fake, for tests that check the wire protocol byte for byte.
struct RawFake {
    let fake: FakeChorusPro
    var base = "http://127.0.0.1:8787"

    init(_ fake: FakeChorusPro = FakeChorusPro()) { self.fake = fake }

    func send(_ method: HTTPMethod = .post, _ path: String, headers: HTTPHeaders = [:], body: Data? = nil) async throws -> HTTPResponse {
        let request = HTTPRequest(method: method, url: try requireURL(base + path), headers: headers, body: body)
        switch await fake.handle(request) {
        case .response(let response): return response
        case .dropConnection: throw TransportError(.connectionLost)
        }
    }

    func token(clientID: String = FakeSeed.clientID, secret: String = FakeSeed.clientSecret) async throws -> HTTPResponse {
        try await send(.post, "/api/oauth/token", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                       body: Data("grant_type=client_credentials&client_id=\(clientID)&client_secret=\(secret)&scope=openid".utf8))
    }

    func bearer() async throws -> String {
        let answer = try await token()
        guard let token = JSONValue.parse(answer.body)?["access_token"].string else { throw TransportError(.other, "no token") }
        return token
    }

    static func account(_ login: String = FakeSeed.technicalLogin, _ password: String = FakeSeed.technicalPassword) -> String {
        Data("\(login):\(password)".utf8).base64EncodedString()
    }

    /// POSTs JSON to an API path with valid credentials.
    func api(_ path: String, _ json: JSONValue, account: String = RawFake.account()) async throws -> HTTPResponse {
        let token = try await bearer()
        return try await send(.post, path, headers: ["Authorization": "Bearer \(token)", "cpro-account": account,
                                                     "Content-Type": "application/json;charset=utf-8"], body: json.data)
    }

    /// POSTs and parses the JSON answer.
    func call(_ path: String, _ json: JSONValue) async throws -> JSONValue {
        let response = try await api(path, json)
        return JSONValue.parse(response.body) ?? .null
    }
}

func requireURL(_ text: String) throws -> URL {
    guard let url = URL(string: text) else { throw TransportError(.other, "bad URL \(text)") }
    return url
}

extension HTTPResponse {
    var json: JSONValue { JSONValue.parse(body) ?? .null }
}

/// A client on a fresh in-memory fake with the standard seed's credentials.
func mockClient(_ fake: FakeChorusPro = FakeChorusPro(), retry: RetryPolicy = RetryPolicy(jitter: { _ in .zero }),
                configure: (inout ChorusConfiguration) -> Void = { _ in }) throws -> ChorusClient {
    var configuration = ChorusConfiguration(environment: MockTransport.environment, credentials: MockTransport.credentials,
                                            transport: MockTransport(fake: fake), retryPolicy: retry)
    configure(&configuration)
    return try ChorusClient(configuration: configuration)
}

/// Builds `.tar.gz` archives in tests (ustar + gzip with stored deflate blocks and a CRC-32).
enum TestArchive {
    static func tarGz(_ files: [(String, Data)]) -> Data { gzip(tar(files)) }

    static func tar(_ files: [(String, Data)]) -> Data {
        var archive = Data()
        for (name, data) in files {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) { for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte } }
            put(name, at: 0)
            put("0000644\0", at: 100)
            put("0000000\0", at: 108)
            put("0000000\0", at: 116)
            put(String(format: "%011o\0", data.count), at: 124)
            put("00000000000\0", at: 136)
            put("        ", at: 148)
            header[156] = UInt8(ascii: "0")
            put("ustar\0", at: 257)
            put("00", at: 263)
            let checksum = header.reduce(0) { $0 + Int($1) }
            put(String(format: "%06o\0 ", checksum), at: 148)
            archive.append(contentsOf: header)
            archive.append(data)
            archive.append(Data(count: (512 - data.count % 512) % 512))
        }
        archive.append(Data(count: 1024))
        return archive
    }

    static func gzip(_ data: Data) -> Data {
        var out = Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF])
        let bytes = [UInt8](data)
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length >= bytes.count ? 1 : 0
            out.append(final)
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            out.append(contentsOf: bytes[offset..<offset + length])
            offset += length
        } while offset < bytes.count
        for value in [crc32(bytes), UInt32(truncatingIfNeeded: bytes.count)] {
            out.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32($0 * 8)) })
        }
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// Minimal invoice documents for flux tests.
enum TestDocuments {
    static func ubl(number: String, supplier: String = FakeSeed.supplierSIRET, buyer: String = FakeSeed.noRequirementSIRET,
                    buyerScheme: String = "0009", ht: String = "100.00", tva: String = "20.00", ttc: String = "120.00",
                    serviceCode: String? = nil) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
          <cbc:ID>\(number)</cbc:ID>
          <cbc:IssueDate>2026-11-02</cbc:IssueDate>
          <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
          <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
          \(serviceCode.map { "<cbc:BuyerReference>\($0)</cbc:BuyerReference>" } ?? "")
          <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>ATELIER DUPONT</cbc:RegistrationName><cbc:CompanyID schemeID="0009">\(supplier)</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
          <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>ACHETEUR</cbc:RegistrationName><cbc:CompanyID schemeID="\(buyerScheme)">\(buyer)</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
          <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
          <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">\(tva)</cbc:TaxAmount></cac:TaxTotal>
          <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">\(ht)</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="EUR">\(ht)</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">\(ttc)</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">\(ttc)</cbc:PayableAmount></cac:LegalMonetaryTotal>
        </Invoice>
        """.utf8)
    }

    static func cii(number: String, supplier: String = FakeSeed.supplierSIRET, buyer: String = FakeSeed.noRequirementSIRET,
                    ht: String = "100.00", tva: String = "20.00", ttc: String = "120.00", serviceCode: String? = nil) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
          <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
          <rsm:ExchangedDocument><ram:ID>\(number)</ram:ID><ram:TypeCode>380</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">20261102</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
          <rsm:SupplyChainTradeTransaction>
            <ram:ApplicableHeaderTradeAgreement>\(serviceCode.map { "<ram:BuyerReference>\($0)</ram:BuyerReference>" } ?? "")
              <ram:SellerTradeParty><ram:Name>ATELIER DUPONT</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">\(supplier)</ram:ID></ram:SpecifiedLegalOrganization></ram:SellerTradeParty>
              <ram:BuyerTradeParty><ram:Name>ACHETEUR</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="0009">\(buyer)</ram:ID></ram:SpecifiedLegalOrganization></ram:BuyerTradeParty>
            </ram:ApplicableHeaderTradeAgreement>
            <ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode></ram:SpecifiedTradeSettlementPaymentMeans>
              <ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>\(ht)</ram:LineTotalAmount><ram:TaxBasisTotalAmount>\(ht)</ram:TaxBasisTotalAmount><ram:TaxTotalAmount currencyID="EUR">\(tva)</ram:TaxTotalAmount><ram:GrandTotalAmount>\(ttc)</ram:GrandTotalAmount><ram:DuePayableAmount>\(ttc)</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>
            </ram:ApplicableHeaderTradeSettlement>
          </rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """.utf8)
    }

    /// A one-page PDF whose text carries the invoice's fields, as a supplier's software would print them
    /// (the examples' writer, so tests and examples upload the same kind of file).
    static func pdf(lines: [String]) -> Data { InvoicePDF.make(lines: lines) }
}

/// Stops `server` from a `defer` (which cannot `await`), blocking the calling thread until its threads end. Code that
/// can await calls `await server.shutdown()` instead, which blocks no thread of the cooperative pool.
func stopBlocking(_ server: MockServer?) { server?.shutdownBlocking() }
