// chorus-mock-server: serves ChorusMock's fake Chorus Pro on 127.0.0.1, so that any client (curl,
// Python, Postman, an app under development) can be pointed at it.
//
//   swift run chorus-mock-server [--port N] [--seed FILE] [--journal ENTRIES] [--max-connections N]
//
// Built to run for days under any client: the journal of exchanges is off unless `--journal` asks for a
// ring buffer of that many entries; bodies are bounded before they are read (the token form to 64 KiB);
// at most `--max-connections` (default 256) are served at once, the rest get 503; slow or idle connections
// are closed (head 10 s, body 30 s, idle 30 s); paths are routed exactly, dot segments refused.
//
// Prints the base URLs and the credentials of a ready-made PISTE application and technical account.
// These are fake credentials of the fake server, printed on purpose.
import ChorusMock
import Foundation

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: chorus-mock-server [--port N] [--seed FILE] [--journal ENTRIES] [--max-connections N]\n".utf8))
    exit(2)
}

var port = 8787
var seed = FakeSeed.standard
var journalEntries = 0
var limits = MockServer.Limits()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--port":
        guard let value = arguments.popFirst().flatMap(Int.init), (0...65535).contains(value) else { usage() }
        port = value
    case "--seed":
        guard let path = arguments.popFirst() else { usage() }
        do {
            seed = try FakeSeed.load(from: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("cannot read seed \(path): \(error)\n".utf8))
            exit(1)
        }
    case "--journal":
        guard let value = arguments.popFirst().flatMap(Int.init), value >= 0 else { usage() }
        journalEntries = value
    case "--max-connections":
        guard let value = arguments.popFirst().flatMap(Int.init), value > 0 else { usage() }
        limits.maximumConnections = value
    case "--help", "-h": usage()
    default: usage()
    }
}

let fake = FakeChorusPro(seed: seed, options: FakeChorusPro.Options(followsWallClock: true))
await fake.recordJournal(journalEntries > 0)
await fake.setJournalCapacity(entries: max(journalEntries, 1))
let server = MockServer(fake: fake, limits: limits)
do {
    try server.start(port: port)
} catch {
    FileHandle.standardError.write(Data("cannot start: \(error)\n".utf8))
    exit(1)
}
let technical = seed.technicalAccounts.first
let application = seed.applications.first
/// Every other technical account, with the role its structure plays (public body, validator, works project manager).
let otherRoles = seed.technicalAccounts.dropFirst().map { account -> String in
    let structure = seed.structures.first { $0.id == account.structureID }
    let role = structure.map { $0.isPublic ? "public body: received invoices, traiter/recue, works owner (MOA)" : "company: validator of A9/A12 invoices or works project manager (MOE)" } ?? "structure \(account.structureID)"
    return "  \(structure?.name ?? "?") — \(role):\n    CHORUS_TECH_LOGIN=\(account.login)\n    CHORUS_TECH_PASSWORD=\(account.password)"
}.joined(separator: "\n")
FileHandle.standardOutput.write(Data("""
Fake Chorus Pro listening on \(server.baseURL.absoluteString)
  OAuth token endpoint : \(server.baseURL.absoluteString)/api/oauth/token
  API base URL         : \(server.baseURL.absoluteString)   (paths /cpro/<api>/v1/...)
  Portal-only steps    : \(server.baseURL.absoluteString)/portail/v1/...
Ready-made credentials (fake, for this server only):
  CHORUS_PISTE_CLIENT_ID=\(application?.clientID ?? "-")
  CHORUS_PISTE_CLIENT_SECRET=\(application?.clientSecret ?? "-")
  CHORUS_TECH_LOGIN=\(technical?.login ?? "-")
  CHORUS_TECH_PASSWORD=\(technical?.password ?? "-")
In Swift (credentials and URLs from the variables above and below):
  let client = try ChorusClient(environment: try .fromEnvironment(), credentials: try .fromEnvironment())
  // or: ChorusClient(environment: .custom(baseURL: URL(string: "\(server.baseURL.absoluteString)")!), credentials: …)
  CHORUS_API_URL=\(server.baseURL.absoluteString)
  CHORUS_OAUTH_URL=\(server.baseURL.absoluteString)/api/oauth/token
Other roles (same PISTE application; use their technical account instead):
\(otherRoles)
Press Ctrl-C to stop.

""".utf8))
// Wait for Ctrl-C or SIGTERM without holding a thread: the signals arrive through dispatch sources, then the server
// shuts down cleanly (connections ended, threads joined) before the process exits.
signal(SIGINT, SIG_IGN)
signal(SIGTERM, SIG_IGN)
let signalSources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
let stopRequested = AsyncStream<Void> { continuation in
    for source in signalSources {
        source.setEventHandler { continuation.yield() }
        source.resume()
    }
}
for await _ in stopRequested { break }
await server.shutdown()
FileHandle.standardError.write(Data("chorus-mock-server stopped\n".utf8))
exit(0)
