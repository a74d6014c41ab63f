// `import ChorusDocuments` brings the values its API speaks (Amount, CalendarDate, ValidationProblem…).
@_exported import ChorusCore
