import Foundation

/// One factory per deposit mode, each asking for exactly what its mode requires, so that a PDF invoice without its
/// PDF, number, date or totals does not compile. The full initialiser (`InvoiceSubmission(mode:…)`)
/// remains for code that builds submissions generically; it checks the per-mode rules when validating or submitting.
extension InvoiceSubmission {
    /// A structured invoice (`SAISIE_API`): Chorus Pro numbers it, computes the VAT breakdown and totals from the
    /// `lines` (unless given) and draws the PDF.
    public static func structured(
        recipientSIRET: String, serviceCode: String? = nil, supplierID: Int, bankAccountID: Int?, lines: [InvoiceLine],
        invoiceDate: CalendarDate? = nil, framework: InvoicingFramework = .supplierInvoice, validatorSIRET: String? = nil,
        currency: String = "EUR", vatRegime: VATRegime = .onDebits, vatExemptionReason: String? = nil, contractNumber: String? = nil,
        commitmentNumber: String? = nil, paymentMode: PaymentMode? = .transfer, globalDiscount: Amount = .zero,
        globalDiscountReason: String? = nil, extraAttachments: [AttachmentReference] = [], comment: String? = nil
    ) -> InvoiceSubmission {
        InvoiceSubmission(
            mode: .structured, invoiceDate: invoiceDate, recipientSIRET: recipientSIRET, serviceCode: serviceCode, supplierID: supplierID,
            bankAccountID: bankAccountID, framework: framework, validatorSIRET: validatorSIRET, currency: currency, vatRegime: vatRegime,
            vatExemptionReason: vatExemptionReason, contractNumber: contractNumber, commitmentNumber: commitmentNumber,
            paymentMode: paymentMode, lines: lines, globalDiscount: globalDiscount, globalDiscountReason: globalDiscountReason,
            extraAttachments: extraAttachments, comment: comment)
    }

    /// An invoice whose PDF is already on the platform (`DEPOT_PDF_API`, or `DEPOT_PDF_SIGNE_API` when `signed`): the
    /// PDF (``InvoiceService/uploadPDF(_:fileName:format:)`` or ``InvoiceService/addAttachment(_:fileName:mimeType:)``),
    /// its number and date, the VAT breakdown and the totals are required. A credit note is `type: .creditNote` with
    /// the `originalInvoiceNumber` it corrects.
    public static func pdf(
        _ mainAttachment: AttachmentReference, invoiceNumber: String, invoiceDate: CalendarDate, recipientSIRET: String,
        serviceCode: String? = nil, supplierID: Int, bankAccountID: Int?, vatBreakdown: [VATBreakdownLine], totals: InvoiceTotals,
        signed: Bool = false, type: InvoiceType = .invoice, originalInvoiceNumber: String? = nil,
        framework: InvoicingFramework = .supplierInvoice, validatorSIRET: String? = nil, currency: String = "EUR",
        vatRegime: VATRegime = .onDebits, vatExemptionReason: String? = nil, contractNumber: String? = nil,
        commitmentNumber: String? = nil, paymentMode: PaymentMode? = .transfer, amountAlreadyPaid: Amount = .zero,
        extraAttachments: [AttachmentReference] = [], comment: String? = nil
    ) -> InvoiceSubmission {
        InvoiceSubmission(
            mode: signed ? .signedPDF : .pdf, invoiceNumber: invoiceNumber, invoiceDate: invoiceDate, recipientSIRET: recipientSIRET,
            serviceCode: serviceCode, supplierID: supplierID, bankAccountID: bankAccountID, framework: framework,
            validatorSIRET: validatorSIRET, currency: currency, type: type, originalInvoiceNumber: originalInvoiceNumber,
            vatRegime: vatRegime, vatExemptionReason: vatExemptionReason, contractNumber: contractNumber,
            commitmentNumber: commitmentNumber, paymentMode: type == .creditNote ? nil : paymentMode, vatBreakdown: vatBreakdown,
            totals: totals, amountAlreadyPaid: amountAlreadyPaid, mainAttachment: mainAttachment, extraAttachments: extraAttachments,
            comment: comment)
    }
}
