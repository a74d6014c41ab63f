import ChorusSDK
import Foundation

/// A seeded generator of valid EN 16931 documents covering the whole model — credit notes, every VAT category
/// (S at four rates with Z and E mixed in, AE, K, G, O), document and line allowances and charges with reasons,
/// codes, percentages and bases, 0–4 decimal quantities, base quantities, gross prices, foreign parties, payees,
/// delivery information, periods, notes, exemption codes, accents and `&<>` in names — and, from them, one or
/// more broken variants per rule. The same seed gives the same documents.
struct RandomDocuments {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {  // SplitMix64
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...values.count - 1)] }

    /// A SIRET with a valid Luhn check digit.
    mutating func siret() -> String {
        var digits = (0..<13).map { _ in int(0...9) }
        digits[0] = int(1...9)
        for check in 0...9 where Self.luhn(digits + [check]) { return (digits + [check]).map(String.init).joined() }
        return ""
    }

    static func luhn(_ digits: [Int]) -> Bool {
        let sum = digits.reversed().enumerated().reduce(0) { total, item in
            let doubled = item.offset % 2 == 1 ? item.element * 2 : item.element
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }

    mutating func amount(maxUnits: Int, decimals: Int) -> Amount {
        let scale = Int(pow(10.0, Double(decimals)))
        return Amount(minorUnits: int(1...maxUnits * scale), scale: decimals)
    }

    mutating func name() -> String {
        pick(["Société Générale & Fils <SARL>", "Atelier Dupont", "Crème & Brûlée \"SAS\"", "Ørsted Ünternehmen GmbH",
              "Mairie de Saint-Étienne", "Bureau d'études <Œuvre>", "Łódź Trading sp. z o.o.", "Çelik & Ağ A.Ş."])
    }

    mutating func frenchParty(vat: Bool) -> DocumentParty {
        let number = siret()
        let siren = String(number.prefix(9))
        let key = (12 + 3 * (Int(siren)! % 97)) % 97
        return DocumentParty(name: name(), identifier: .siret(number), legalRegistration: .siren(siren),
                             vatNumber: vat ? String(format: "FR%02d%@", key, siren) : nil,
                             address: DocumentAddress(line1: "\(int(1...99)) rue de l'Église", city: pick(["Lyon", "Paris", "Orléans"]),
                                                      postalCode: String(int(10000...95999)), countryCode: "FR"),
                             contact: chance(40) ? DocumentContact(name: "Émilie Noël", phone: "+33 1 23 45 67 89", email: "compta@example.fr") : nil)
    }

    mutating func foreignParty(country: String, vat: Bool) -> DocumentParty {
        DocumentParty(name: name(), identifier: chance(50) ? SchemedIdentifier(String(int(1_000_000_000...9_999_999_999)) + "123", scheme: "0088") : nil,
                      vatNumber: vat ? "\(country == "GR" ? "EL" : country)\(int(100_000_000...999_999_999))" : nil,
                      address: DocumentAddress(line1: "Hauptstraße \(int(1...200))", city: "Stadt", postalCode: String(int(1000...9999)), countryCode: country))
    }

    enum Scenario: CaseIterable { case domestic, reverseCharge, intraCommunity, export, outsideScope }

    /// One valid document.
    mutating func document(_ index: Int) -> InvoiceDocument {
        let scenario = Scenario.allCases[index % Scenario.allCases.count]
        let credit = chance(25)
        let issue = CalendarDate(year: 2026, month: int(1...10), day: int(1...28))!
        var categories: [(VATCategory, Amount?)]
        var seller = frenchParty(vat: scenario != .outsideScope)
        var buyer: DocumentParty
        var exemptions: [VATCategory: VATExemption] = [:]
        switch scenario {
        case .domestic:
            buyer = frenchParty(vat: chance(50))
            categories = [(.standard, 20), (.standard, 10), (.standard, "5.5"), (.standard, "2.1")].shuffledPrefix(int(1...3), &self)
            if chance(30) { categories.append((.zeroRated, 0)) }
            if chance(30) {
                categories.append((.exempt, 0))
                exemptions[.exempt] = VATExemption(reason: "Exonération, article 261 du CGI", code: chance(50) ? "VATEX-EU-132" : nil)
            }
        case .reverseCharge:
            buyer = foreignParty(country: pick(["DE", "BE", "IT", "ES"]), vat: true)
            categories = [(.reverseCharge, 0)]
            exemptions[.reverseCharge] = VATExemption(reason: "Autoliquidation", code: "VATEX-EU-AE")
        case .intraCommunity:
            buyer = foreignParty(country: pick(["DE", "BE", "IT", "ES", "GR"]), vat: true)
            categories = [(.intraCommunity, 0)]
            exemptions[.intraCommunity] = VATExemption(reason: chance(50) ? "Livraison intracommunautaire, article 262 ter I du CGI" : nil,
                                                       code: "VATEX-EU-IC")
        case .export:
            buyer = foreignParty(country: pick(["US", "CH", "JP", "GB"]), vat: false)
            categories = [(.export, 0)]
            exemptions[.export] = VATExemption(reason: "Exportation", code: chance(50) ? "VATEX-EU-G" : nil)
        case .outsideScope:
            buyer = frenchParty(vat: false)
            categories = [(.outsideScope, nil)]
            exemptions[.outsideScope] = VATExemption(reason: "Hors champ", code: chance(50) ? "VATEX-EU-O" : nil)
        }
        if scenario == .outsideScope { seller.vatNumber = nil }
        var lines: [DocumentLine] = []
        for number in 1...int(1...6) {
            let (category, rate) = pick(categories)
            let decimals = int(0...4)
            let net = amount(maxUnits: 500, decimals: int(0...4))
            var line = DocumentLine(id: String(number), name: pick(["Prestation d'étude", "Fournitures & matériel", "Repas < 20 €", "Câble 2×1,5 mm²"]),
                                    itemDescription: chance(30) ? "Détail « spécial » n° \(number)" : nil,
                                    sellerItemID: chance(30) ? "REF-\(number)" : nil,
                                    quantity: amount(maxUnits: 50, decimals: decimals),
                                    unitCode: pick(["C62", "H87", "HUR", "KGM", "MTR", "DAY", "XPP", "LS"]), netPrice: net,
                                    vatCategory: category, vatRate: rate)
            if chance(20) { line.baseQuantity = pick([1, 10, 100]) }
            if chance(25) {
                let discount = amount(maxUnits: 20, decimals: 2)
                line.priceDiscount = discount
                line.grossPrice = net + discount
            } else if chance(10) {
                line.grossPrice = net
            }
            if chance(20) {
                let base = Amount(int(50...500))
                let percent = Amount(int(1...10))
                line.allowances.append(DocumentAllowanceCharge(amount: (base * percent * "0.01").rounded(), reason: chance(50) ? "Remise fidélité" : nil,
                                                               reasonCode: pick(["95", "100", "102", "104"]), percentage: percent, baseAmount: base))
            }
            if chance(15) {
                line.charges.append(DocumentAllowanceCharge(amount: amount(maxUnits: 20, decimals: 2), reason: "Emballage", reasonCode: chance(50) ? "ABL" : nil))
            }
            if chance(20) { line.period = DocumentPeriod(start: issue.adding(days: -30), end: issue.adding(days: -1)) }
            if chance(15) { line.note = "Ligne & <note>" }
            if chance(10) { line.objectIdentifier = SchemedIdentifier("OBJ-\(number)", scheme: "AAA") }
            if chance(15) { line.orderLineReference = String(int(1...20)) }
            if chance(15) { line.buyerAccountingReference = "6064-\(int(10...99))" }
            if chance(15) { line.buyerItemID = "ACH-\(int(100...999))" }
            if chance(15) { line.standardItemID = SchemedIdentifier("0\(int(100_000_000_000...999_999_999_999))", scheme: "0160") }
            if chance(15) { line.classifications = [SchemedIdentifier("\(int(10_000_000...99_999_999))", scheme: pick(["STI", "CV", "ZZZ"]))] }
            if chance(15) { line.originCountry = pick(["FR", "DE", "CN", "IT"]) }
            if chance(15) { line.attributes = [ItemAttribute(name: "Couleur", value: pick(["Rouge", "Bleu & blanc"]))] }
            lines.append(line)
        }
        var document = InvoiceDocument(typeCode: credit ? .creditNote : .invoice, number: "R\(index)-\(int(1000...9999))",
                                       issueDate: issue, currency: "EUR", seller: seller, buyer: buyer, lines: lines)
        document.vatExemptions = exemptions
        if chance(40) { document.businessProcess = "A1" }
        if chance(60) { document.buyerReference = "SERVICE-\(int(1...99))" }
        if chance(40) { document.purchaseOrderReference = "EJ\(int(100_000...999_999))" }
        if chance(20) { document.contractReference = "MARCHE-2026-\(int(1...99))" }
        if chance(50) { document.notes.append(DocumentNote(subjectCode: pick(["AAI", "PMT", "PMD", "AAB", "REG", nil]), text: "Note & <remarque> n°\(index)")) }
        if credit || chance(15) { document.precedingInvoice = PrecedingInvoice(number: "F\(int(1...9999))", issueDate: chance(50) ? issue.adding(days: -40) : nil) }
        if chance(25) { document.payee = DocumentPayee(name: "Affacturage & Cie", identifier: chance(70) ? .siret(siret()) : nil,
                                                       legalRegistration: chance(50) ? .siren(String(siret().prefix(9))) : nil) }
        let used = Set(lines.map { "\($0.vatCategory.rawValue)|\($0.vatRate?.description ?? "-")" })
        let (chargeCategory, chargeRate) = categories.first { used.contains("\($0.0.rawValue)|\($0.1?.description ?? "-")") } ?? categories[0]
        if chance(25) {
            let base = Amount(int(100...1000))
            let percent = Amount(int(1...5))
            document.allowances.append(DocumentAllowanceCharge(amount: (base * percent * "0.01").rounded(), reason: chance(60) ? "Remise commerciale" : nil,
                                                               reasonCode: pick(["95", "100", "41"]), vatCategory: chargeCategory, vatRate: chargeRate,
                                                               percentage: chance(60) ? percent : nil, baseAmount: chance(60) ? base : nil))
        }
        if chance(25) {
            document.charges.append(DocumentAllowanceCharge(amount: amount(maxUnits: 30, decimals: 2), reason: "Frais de port",
                                                            reasonCode: chance(50) ? "FC" : nil, vatCategory: chargeCategory, vatRate: chargeRate))
        }
        if scenario == .intraCommunity || chance(20) {
            if chance(50) || scenario != .intraCommunity {
                document.actualDeliveryDate = issue.adding(days: -int(1...20))
            } else {
                document.invoicingPeriod = DocumentPeriod(start: issue.adding(days: -30), end: issue.adding(days: -1))
            }
            document.deliverTo = DocumentDelivery(name: chance(50) ? "Entrepôt Nord" : nil, address: buyer.address)
        } else if chance(20) {
            document.invoicingPeriod = DocumentPeriod(start: issue.adding(days: -30), end: issue)
        }
        if chance(70) {
            document.paymentMeans = chance(80)
                ? .transfer(iban: "FR7630006000011234567890189", bic: chance(50) ? "AGRIFRPPXXX" : nil, accountName: chance(50) ? "Atelier & Co" : nil)
                : DocumentPaymentMeans(code: pick(["10", "20", "42", "97"]))
            if chance(60) { document.dueDate = issue.adding(days: 30) }
            if chance(30) { document.paymentTerms = "30 jours fin de mois" }
        }
        if scenario == .domestic, chance(30) { document.vatPointDateCode = pick(["5", "72"]) }
        if chance(15) { document.projectReference = "PROJ-\(int(1...99))" }
        if chance(15) { document.receivingAdviceReference = "REC-\(int(1...999))" }
        if chance(15) { document.despatchAdviceReference = "BL-\(int(1...999))" }
        if chance(15) { document.tenderOrLotReference = "LOT-\(int(1...9))" }
        if chance(10) { document.invoicedObject = SchemedIdentifier("OBJ-\(int(1...999))", scheme: "AAA") }
        if chance(15) { document.buyerAccountingReference = "6064" }
        if chance(15) {
            document.supportingDocuments = [SupportingDocument(id: "PJ-\(index)", description: "Bon de livraison",
                                                               uri: chance(50) ? "https://example.fr/pj/\(index)" : nil,
                                                               attachment: chance(50) ? Data("%PDF-1.4 pièce".utf8) : nil,
                                                               mimeCode: "application/pdf", fileName: "bl-\(index).pdf")]
        }
        if chance(10), let vat = seller.vatNumber {
            document.taxRepresentative = TaxRepresentative(name: "Représentant fiscal & Cie", vatNumber: vat,
                                                           address: DocumentAddress(line1: "1 rue X", city: "Paris", postalCode: "75001", countryCode: "FR"))
        }
        if chance(10) { document.precedingInvoices.append(PrecedingInvoice(number: "F\(int(1...9999))")) }
        if chance(15) { document.prepaidAmount = Amount(int(1...10)) }
        return document
    }

    /// Broken variants of a valid domestic document: (the rule each must trip, the document).
    mutating func brokenVariants(of base: InvoiceDocument) -> [(String, InvoiceDocument)] {
        var variants: [(String, InvoiceDocument)] = []
        func variant(_ rule: String, _ change: (inout InvoiceDocument) -> Void) {
            var copy = base
            change(&copy)
            variants.append((rule, copy))
        }
        variant("BR-21") { $0.lines[0].id = "" }
        variant("BR-27") { $0.lines[0].netPrice = "-1"; $0.lines[0].grossPrice = nil }
        variant("BR-33") { $0.allowances = [DocumentAllowanceCharge(amount: 5, vatCategory: $0.lines[0].vatCategory, vatRate: $0.lines[0].vatRate)] }
        variant("BR-38") { $0.charges = [DocumentAllowanceCharge(amount: 5, vatCategory: $0.lines[0].vatCategory, vatRate: $0.lines[0].vatRate)] }
        variant("BR-42") { $0.lines[0].allowances = [DocumentAllowanceCharge(amount: 1)] }
        variant("BR-44") { $0.lines[0].charges = [DocumentAllowanceCharge(amount: 1)] }
        variant("BR-61") { $0.paymentMeans = DocumentPaymentMeans(code: "30") }
        variant("BR-S-05") { $0.lines[0].vatCategory = .standard; $0.lines[0].vatRate = 0 }
        variant("BR-S-02") { $0.seller.vatNumber = nil; $0.lines[0].vatCategory = .standard; $0.lines[0].vatRate = 20 }
        variant("BR-Z-05") { $0.lines[0].vatCategory = .zeroRated; $0.lines[0].vatRate = 5 }
        variant("BR-E-05") { $0.lines[0].vatCategory = .exempt; $0.lines[0].vatRate = 5 }
        variant("BR-E-02") { $0.seller.vatNumber = nil; $0.lines = $0.lines.map { var line = $0; line.vatCategory = .exempt; line.vatRate = 0; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-G-02") { $0.seller.vatNumber = nil; $0.lines = $0.lines.map { var line = $0; line.vatCategory = .export; line.vatRate = 0; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-AE-02") { $0.buyer.vatNumber = nil; $0.buyer.legalRegistration = nil
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .reverseCharge; line.vatRate = 0; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-O-02") { $0.lines = $0.lines.map { var line = $0; line.vatCategory = .outsideScope; line.vatRate = nil; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-O-05") { $0.seller.vatNumber = nil; $0.buyer.vatNumber = nil
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .outsideScope; line.vatRate = 0; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-O-11") { $0.seller.vatNumber = "FR32812004567"; $0.lines.append(DocumentLine(id: "99", name: "Hors champ", quantity: 1, netPrice: 10,
                                                                                                   vatCategory: .outsideScope)) }
        // No VAT point date code either: UBL carries BT-8 in cac:InvoicePeriod, which the CEN UBL artefact takes as BG-14.
        variant("BR-IC-11") { $0.buyer = self.foreignParty(country: "DE", vat: true); $0.actualDeliveryDate = nil; $0.invoicingPeriod = nil
            $0.vatPointDateCode = nil
            $0.deliverTo = DocumentDelivery(address: $0.buyer.address)
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .intraCommunity; line.vatRate = 0; line.period = nil; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-IC-12") { $0.buyer = self.foreignParty(country: "DE", vat: true); $0.actualDeliveryDate = $0.issueDate; $0.deliverTo = nil
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .intraCommunity; line.vatRate = 0; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-CO-09") { $0.seller.vatNumber = "12345678901" }
        variant("BR-CL-01") { $0.typeCode = DocumentTypeCode(rawValue: "999") }
        variant("BR-CL-04") { $0.currency = "EUX" }
        variant("BR-CL-08") { $0.notes = [DocumentNote(subjectCode: "XYZ", text: "note")] }
        variant("BR-CL-10") { $0.seller.identifier = SchemedIdentifier("81200456700010", scheme: "9999") }
        variant("BR-CL-14") { $0.buyer.address.countryCode = "XX" }
        variant("BR-CL-14") { $0.seller.address.countryCode = "fr" }
        variant("BR-CL-16") { $0.paymentMeans = DocumentPaymentMeans(code: "999") }
        variant("BR-CL-19") { $0.allowances = [DocumentAllowanceCharge(amount: 5, reasonCode: "999", vatCategory: $0.lines[0].vatCategory,
                                                                         vatRate: $0.lines[0].vatRate)] }
        variant("BR-CL-20") { $0.charges = [DocumentAllowanceCharge(amount: 5, reasonCode: "ZZZZ", vatCategory: $0.lines[0].vatCategory,
                                                                      vatRate: $0.lines[0].vatRate)] }
        variant("BR-CL-22") { $0.vatExemptions[.exempt] = VATExemption(reason: "x", code: "VATEX-XX-1")
            $0.lines[0].vatCategory = .exempt; $0.lines[0].vatRate = 0 }
        variant("BR-CL-23") { $0.lines[0].unitCode = "PCE" }
        variant("BR-02") { $0.number = "" }
        variant("BR-06") { $0.seller.name = "" }
        variant("BR-07") { $0.buyer.name = "" }
        variant("BR-16") { $0.lines = [] }
        variant("BR-S-06") { $0.allowances = [DocumentAllowanceCharge(amount: 5, reason: "Remise", vatCategory: .standard, vatRate: 0)] }
        variant("BR-S-07") { $0.charges = [DocumentAllowanceCharge(amount: 5, reason: "Port", vatCategory: .standard, vatRate: 0)] }
        variant("BR-Z-06") { $0.allowances = [DocumentAllowanceCharge(amount: 5, reason: "Remise", vatCategory: .zeroRated, vatRate: 5)] }
        variant("BR-Z-07") { $0.charges = [DocumentAllowanceCharge(amount: 5, reason: "Port", vatCategory: .zeroRated, vatRate: 5)] }
        variant("BR-E-06") { $0.allowances = [DocumentAllowanceCharge(amount: 5, reason: "Remise", vatCategory: .exempt, vatRate: 5)] }
        variant("BR-AE-05") { $0.buyer.vatNumber = "DE123456789"
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .reverseCharge; line.vatRate = 5; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-G-05") { $0.lines = $0.lines.map { var line = $0; line.vatCategory = .export; line.vatRate = 5; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-IC-02") { $0.buyer = self.foreignParty(country: "DE", vat: false); $0.actualDeliveryDate = $0.issueDate
            $0.deliverTo = DocumentDelivery(address: $0.buyer.address)
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .intraCommunity; line.vatRate = 0; return line }
            $0.allowances = []; $0.charges = [] }
        variant("BR-O-13") { $0.seller.vatNumber = nil; $0.buyer.vatNumber = nil
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .outsideScope; line.vatRate = nil; return line }
            $0.allowances = [DocumentAllowanceCharge(amount: 1, reason: "Remise", vatCategory: .standard, vatRate: 20)]; $0.charges = [] }
        variant("BR-O-14") { $0.seller.vatNumber = nil; $0.buyer.vatNumber = nil
            $0.lines = $0.lines.map { var line = $0; line.vatCategory = .outsideScope; line.vatRate = nil; return line }
            $0.charges = [DocumentAllowanceCharge(amount: 1, reason: "Port", vatCategory: .standard, vatRate: 20)]; $0.allowances = [] }
        variant("BR-CO-26") { $0.seller.identifier = nil; $0.seller.legalRegistration = nil; $0.seller.vatNumber = nil }
        variant("BR-CL-11") { $0.seller.legalRegistration = SchemedIdentifier("812004567", scheme: "9998") }
        variant("BR-CL-18") { $0.lines[0].vatCategory = VATCategory(rawValue: "X") }
        variant("BR-18") { $0.taxRepresentative = TaxRepresentative(name: "", vatNumber: "FR32812004567", address: DocumentAddress(city: "Paris")) }
        variant("CHORUS-CPRO-20") { $0.precedingInvoices = [PrecedingInvoice(number: "F1"), PrecedingInvoice(number: "F2")] }
        variant("CHORUS-CPRO-43") { $0.seller.name = String(repeating: "Société ", count: 13) }
        variant("BR-52") { $0.supportingDocuments = [SupportingDocument(id: "", description: "Bon")] }
        variant("BR-54") { $0.lines[0].attributes = [ItemAttribute(name: "Couleur", value: "")] }
        variant("BR-55") { $0.precedingInvoices = [PrecedingInvoice(number: "", issueDate: $0.issueDate)] }  // a date, the number forgotten
        variant("BR-56") { $0.taxRepresentative = TaxRepresentative(name: "Rep", vatNumber: "", address: DocumentAddress(city: "Paris")) }
        variant("BR-64") { $0.lines[0].standardItemID = SchemedIdentifier("03456789012345") }
        variant("BR-65") { $0.lines[0].classifications = [SchemedIdentifier("12345678")] }
        variant("BR-CL-07") { $0.invoicedObject = SchemedIdentifier("OBJ-1", scheme: "ZZZZ") }
        variant("BR-CL-13") { $0.lines[0].classifications = [SchemedIdentifier("12345678", scheme: "QQQ")] }
        variant("BR-CL-15") { $0.lines[0].originCountry = "XX" }
        variant("BR-CL-21") { $0.lines[0].standardItemID = SchemedIdentifier("03456789012345", scheme: "9999") }
        variant("BR-CL-24") { $0.supportingDocuments = [SupportingDocument(id: "PJ", attachment: Data("x".utf8), mimeCode: "text/plain", fileName: "x.txt")] }
        return variants
    }
}

private extension Array {
    /// A random prefix of a shuffled copy.
    func shuffledPrefix(_ count: Int, _ random: inout RandomDocuments) -> [Element] {
        var copy = self
        for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, random.int(0...index)) }
        return Array(copy.prefix(Swift.max(1, Swift.min(count, copy.count))))
    }
}
