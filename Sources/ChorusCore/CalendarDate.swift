import Foundation

/// A day without a time or a time zone, written `yyyy-MM-dd` on the wire (`dateFacture`,
/// `dateDepot`, search bounds).
///
/// A `Date` would shift the day with the time zone; this type cannot. Decoding also accepts a
/// timestamp that starts with a date (`2018-04-19 11:08`, `2019-03-27T11:12:24.777+01:00`) and keeps
/// the day, since the platform mixes formats (§13 of the reference).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, such as 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist (2026-02-29, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `yyyy-MM-dd`; returns `nil` for anything else or a day that does not exist.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Int(String(text.prefix(4))), bytes[0..<4].allSatisfy(Self.isDigit),
              bytes[5..<7].allSatisfy(Self.isDigit), bytes[8..<10].allSatisfy(Self.isDigit),
              let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
              let day = Int(String(decoding: bytes[8..<10], as: UTF8.self))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day on which `date` falls in `timeZone` (default: Paris, the platform's time zone).
    public init(_ date: Date, in timeZone: TimeZone = .paris) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// Orders chronologically.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The date `days` days later (or earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date()
        return CalendarDate(start.addingTimeInterval(TimeInterval(days) * 86_400), in: .gmt)
    }

    /// Decodes `yyyy-MM-dd`, or the date part of a timestamp.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let datePart = text.count > 10 && [" ", "T"].contains(text.dropFirst(10).first) ? String(text.prefix(10)) : text
        guard let date = CalendarDate(datePart) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a yyyy-MM-dd date: \(text)")
        }
        self = date
    }

    /// Encodes `yyyy-MM-dd`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension TimeZone {
    /// `Europe/Paris`, the platform's time zone (falls back to GMT where the database lacks it).
    public static var paris: TimeZone { TimeZone(identifier: "Europe/Paris") ?? .gmt }
}
