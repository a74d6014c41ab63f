import ChorusCore
import ChorusDocuments
import Foundation

extension SampleDocuments {
    /// A sample document written from a good one and then broken on purpose, one defect each: what
    /// `chorus-sample-documents` writes to `bad/`, what the official chain and ChorusMock must reject.
    public struct BrokenSample: Sendable, Hashable {
        /// The file name (`cii-…xml`, `ubl-…xml`).
        public var name: String
        /// The rule family the defect belongs to (`totals`, `decimals`, `code list`, `structure`, `VAT category`, `Chorus`).
        public var family: String
        /// The document's bytes.
        public var data: Data
        /// Whether the official EN 16931 rules reject it too; `false` for a defect only Chorus Pro refuses.
        public var officialRulesReject: Bool = true
    }

    /// One or more broken documents per rule family (the validator would refuse to write them, so they are edited
    /// as text).
    public static func brokenSamples() -> [BrokenSample] {
        let invoice = twoRatesInvoice()
        let good = CIIWriter.xml(invoice)
        let ubl = UBLWriter.xml(invoice)
        // `original` is there for the reader: each edit changes the good document (the tests prove every sample is refused).
        func broken(_ name: String, _ family: String, _ text: String, _ original: String) -> BrokenSample {
            BrokenSample(name: name, family: family, data: Data(text.utf8))
        }
        return [
            broken("cii-totals-off-by-a-cent.xml", "totals",
                   good.replacingOccurrences(of: "<ram:GrandTotalAmount>601.88</ram:GrandTotalAmount>",
                                             with: "<ram:GrandTotalAmount>601.89</ram:GrandTotalAmount>"), good),
            broken("cii-three-decimals.xml", "decimals",
                   good.replacingOccurrences(of: "<ram:LineTotalAmount>342.00</ram:LineTotalAmount>",
                                             with: "<ram:LineTotalAmount>342.000</ram:LineTotalAmount>"), good),
            broken("cii-payment-means-missing.xml", "Chorus", good.replacingOccurrences(of: "<ram:TypeCode>30</ram:TypeCode>", with: ""), good),
            broken("cii-payment-means-code-999.xml", "code list",
                   good.replacingOccurrences(of: "<ram:TypeCode>30</ram:TypeCode>", with: "<ram:TypeCode>999</ram:TypeCode>"), good),
            broken("cii-unit-code-pce.xml", "code list", good.replacingOccurrences(of: "unitCode=\"C62\"", with: "unitCode=\"PCE\""), good),
            broken("cii-unknown-element.xml", "structure",
                   good.replacingOccurrences(of: "<ram:InvoiceCurrencyCode>", with: "<ram:InvoiceColourCode>blue</ram:InvoiceColourCode><ram:InvoiceCurrencyCode>"), good),
            broken("cii-misplaced-element.xml", "structure",
                   good.replacingOccurrences(of: "<ram:TypeCode>380</ram:TypeCode>",
                                             with: "<ram:TypeCode>380</ram:TypeCode><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"), good),
            broken("cii-standard-rate-zero.xml", "VAT category",
                   good.replacingOccurrences(of: "<ram:RateApplicablePercent>5.5</ram:RateApplicablePercent>",
                                             with: "<ram:RateApplicablePercent>0</ram:RateApplicablePercent>"), good),
            {
                // 58 (SEPA credit transfer) is a valid UNTDID 4461 code: only Chorus Pro refuses it.
                var sample = broken("cii-transfer-code-58.xml", "Chorus",
                                    good.replacingOccurrences(of: "<ram:TypeCode>30</ram:TypeCode>", with: "<ram:TypeCode>58</ram:TypeCode>"), good)
                sample.officialRulesReject = false
                return sample
            }(),
            broken("ubl-buyer-siret-wrong-scheme.xml", "Chorus",
                   ubl.replacingOccurrences(of: "<cbc:ID schemeID=\"0009\">21750001000012</cbc:ID>",
                                            with: "<cbc:ID schemeID=\"1\">21750001000012</cbc:ID>"), ubl),
            broken("ubl-three-decimals.xml", "decimals",
                   ubl.replacingOccurrences(of: ">601.88</cbc:PayableAmount>", with: ">601.880</cbc:PayableAmount>"), ubl),
            broken("ubl-country-xx.xml", "code list",
                   ubl.replacingOccurrences(of: "<cbc:IdentificationCode>FR</cbc:IdentificationCode>",
                                            with: "<cbc:IdentificationCode>XX</cbc:IdentificationCode>"), ubl),
        ]
    }
}
