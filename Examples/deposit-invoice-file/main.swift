// Deposit an invoice file (UBL 2.1 here; CII and Factur-X work the same) and wait for its report.
// Runs against the built-in fake, whose clock is moved forward while waiting: swift run deposit-invoice-file
import ChorusMock
import ChorusSDK
import ExampleSupport
import Foundation

let fake = FakeChorusPro()
// On the real platform the flux advances by itself; here the waits move the fake's clock.
let clock = ChorusClock(now: { Date() }, sleep: { duration in await fake.advance(by: Double(duration.components.seconds)) })
let client = try ChorusClient(configuration: ChorusConfiguration(
    environment: MockTransport.environment, credentials: MockTransport.credentials, transport: MockTransport(fake: fake), clock: clock))

let ubl = """
<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>UBL-2026-7</cbc:ID><cbc:IssueDate>2026-11-02</cbc:IssueDate><cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>ATELIER DUPONT</cbc:RegistrationName><cbc:CompanyID schemeID="0009">\(FakeSeed.supplierSIRET)</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>COMMUNE</cbc:RegistrationName><cbc:CompanyID schemeID="0009">\(FakeSeed.noRequirementSIRET)</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">40.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">200.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">240.00</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">240.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
</Invoice>
"""
let deposit = try await client.invoices.depositFile(Data(ubl.utf8), fileName: "UBL-2026-7.xml", syntax: .ubl)
print("flux \(deposit.number) deposited")
let outcome = try await client.invoices.waitForFlux(deposit.number, timeout: .seconds(600))
print("report: \(outcome.report.state)")
for invoice in outcome.integrated { print("integrated: \(invoice.number) → id \(invoice.id), \(invoice.status)") }
for rejection in outcome.rejected { print("rejected: \(rejection.invoiceNumber ?? "?"): \(rejection.reason ?? "")") }
