import ChorusCore
import Foundation

/// The totals of an EN 16931 document — BT-106…BT-115 — and its VAT breakdown — BG-23.
///
/// ``compute(_:)`` follows the rules' own arithmetic (§2.4 of Documentation/InvoiceDocumentRules.md): each line net
/// `round₂(quantity × net price ÷ base quantity)`; allowances and charges summed; VAT grouped by
/// **(category, rate)** with one `round₂(basis × rate ÷ 100)` per group, never a sum of line taxes; rounding half
/// away from zero. The identities BR-CO-10…BR-CO-17 then hold exactly.
public struct DocumentTotals: Sendable, Hashable {
    /// One VAT group — BG-23.
    public struct VATGroup: Sendable, Hashable {
        /// Category — BT-118.
        public var category: VATCategory
        /// Rate — BT-119.
        public var rate: Amount?
        /// Taxable amount — BT-116.
        public var basis: Amount
        /// Tax amount — BT-117.
        public var tax: Amount
        /// Creates a group.
        public init(category: VATCategory, rate: Amount?, basis: Amount, tax: Amount) {
            self.category = category
            self.rate = rate
            self.basis = basis
            self.tax = tax
        }
    }

    /// Σ line net amounts — BT-106.
    public var lineTotal: Amount
    /// Σ allowances — BT-107.
    public var allowanceTotal: Amount
    /// Σ charges — BT-108.
    public var chargeTotal: Amount
    /// Total without VAT — BT-109.
    public var taxBasisTotal: Amount
    /// Total VAT — BT-110.
    public var taxTotal: Amount
    /// Total with VAT — BT-112.
    public var grandTotal: Amount
    /// Paid amount — BT-113.
    public var prepaid: Amount
    /// Amount due — BT-115.
    public var duePayable: Amount
    /// VAT breakdown — BG-23.
    public var vatGroups: [VATGroup]
    /// Each line's net amount — BT-131, in line order.
    public var lineNets: [Amount]

    /// Creates totals.
    public init(lineTotal: Amount, allowanceTotal: Amount, chargeTotal: Amount, taxBasisTotal: Amount, taxTotal: Amount,
                grandTotal: Amount, prepaid: Amount, duePayable: Amount, vatGroups: [VATGroup], lineNets: [Amount]) {
        self.lineTotal = lineTotal
        self.allowanceTotal = allowanceTotal
        self.chargeTotal = chargeTotal
        self.taxBasisTotal = taxBasisTotal
        self.taxTotal = taxTotal
        self.grandTotal = grandTotal
        self.prepaid = prepaid
        self.duePayable = duePayable
        self.vatGroups = vatGroups
        self.lineNets = lineNets
    }

    /// The line's net amount — BT-131: `round₂(quantity × net price ÷ base quantity)` plus its charges minus its
    /// allowances (BG-27, BG-28).
    public static func net(of line: DocumentLine) -> Amount {
        let base = line.baseQuantity.map { $0.value == 0 ? Amount(1) : $0 } ?? Amount(1)
        let priced = Amount(line.quantity.value * line.netPrice.value / base.value).rounded()
        let allowances = line.allowances.reduce(Amount.zero) { $0 + $1.amount }
        let charges = line.charges.reduce(Amount.zero) { $0 + $1.amount }
        return (priced - allowances + charges).rounded()
    }

    /// Computes every total of `document`.
    public static func compute(_ document: InvoiceDocument) -> DocumentTotals {
        let nets = document.lines.map(net(of:))
        let lineTotal = nets.reduce(Amount.zero, +)
        let allowanceTotal = document.allowances.reduce(Amount.zero) { $0 + $1.amount }.rounded()
        let chargeTotal = document.charges.reduce(Amount.zero) { $0 + $1.amount }.rounded()
        struct Key: Hashable { let category: VATCategory; let rate: Amount? }
        var order: [Key] = []
        var bases: [Key: Amount] = [:]
        func add(_ key: Key, _ amount: Amount) {
            if bases[key] == nil { order.append(key) }
            bases[key, default: .zero] = bases[key, default: .zero] + amount
        }
        for (line, net) in zip(document.lines, nets) { add(Key(category: line.vatCategory, rate: line.vatRate), net) }
        for charge in document.charges { add(Key(category: charge.vatCategory, rate: charge.vatRate), charge.amount) }
        for allowance in document.allowances { add(Key(category: allowance.vatCategory, rate: allowance.vatRate), .zero - allowance.amount) }
        let groups = order.map { key -> VATGroup in
            let basis = (bases[key] ?? .zero).rounded()
            let tax = (basis * (key.rate ?? .zero) * "0.01").rounded()
            return VATGroup(category: key.category, rate: key.rate, basis: basis, tax: tax)
        }
        let taxBasis = lineTotal - allowanceTotal + chargeTotal
        let taxTotal = groups.reduce(Amount.zero) { $0 + $1.tax }
        let grand = taxBasis + taxTotal
        return DocumentTotals(lineTotal: lineTotal, allowanceTotal: allowanceTotal, chargeTotal: chargeTotal, taxBasisTotal: taxBasis,
                              taxTotal: taxTotal, grandTotal: grand, prepaid: document.prepaidAmount,
                              duePayable: grand - document.prepaidAmount, vatGroups: groups, lineNets: nets)
    }
}
