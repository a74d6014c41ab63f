/// Computes the VAT breakdown and totals from invoice lines, exactly.
///
/// Rounding rule (one, documented): each line's net amount `quantity × unit price − discount` is rounded to
/// 2 decimals half away from zero; lines are grouped by rate; each rate's VAT is `base × rate ÷ 100` rounded
/// once to 2 decimals half away from zero; HT is the sum of the bases, TVA the sum of the rates' VAT,
/// TTC = HT + TVA, and the amount to pay = TTC − global discount − amount already paid. All arithmetic is
/// `Decimal`; nothing goes through `Double`.
public enum InvoiceCalculator {
    /// The VAT breakdown of `lines`, one entry per rate in the order rates first appear.
    /// `percentages` maps platform rate codes (`TVA5`) to percentages; lines using an unknown code are skipped.
    public static func vatBreakdown(of lines: [InvoiceLine], percentages: [String: Amount] = [:]) -> [VATBreakdownLine] {
        var order: [VATRateValue] = []
        var bases: [VATRateValue: Amount] = [:]
        for line in lines {
            if bases[line.vatRate] == nil { order.append(line.vatRate) }
            bases[line.vatRate, default: .zero] = bases[line.vatRate, default: .zero] + net(of: line)
        }
        return order.compactMap { rate in
            guard let base = bases[rate], let percent = percentage(of: rate, percentages) else { return nil }
            return VATBreakdownLine(rate: rate, base: base, vat: (base * percent * "0.01").rounded())
        }
    }

    /// The line's net amount: quantity × unit price − discount, rounded to 2 decimals.
    public static func net(of line: InvoiceLine) -> Amount {
        (line.quantity * line.unitPrice - (line.discount ?? .zero)).rounded()
    }

    /// The totals of a breakdown.
    public static func totals(of breakdown: [VATBreakdownLine], globalDiscount: Amount = .zero,
                              alreadyPaid: Amount = .zero) -> InvoiceTotals {
        let excludingTax = breakdown.reduce(Amount.zero) { $0 + $1.base }
        let vat = breakdown.reduce(Amount.zero) { $0 + $1.vat }
        let includingTax = excludingTax + vat
        return InvoiceTotals(excludingTax: excludingTax, vat: vat, includingTax: includingTax, globalDiscount: globalDiscount,
                             amountToPay: includingTax - globalDiscount - alreadyPaid)
    }

    /// The percentage of a rate, looking codes up in `percentages`.
    public static func percentage(of rate: VATRateValue, _ percentages: [String: Amount]) -> Amount? {
        switch rate {
        case .percentage(let value): value
        case .code(let code): percentages[code]
        }
    }
}
