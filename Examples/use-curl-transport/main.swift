// Choose the curl transport (product ChorusSDKCurl, needs libcurl4-openssl-dev): the fake is served over HTTP
// on 127.0.0.1 by MockServer, and the client talks to it through libcurl.
// swift run use-curl-transport
import ChorusMock
import ChorusSDK
import ChorusSDKCurl
import Foundation

let server = MockServer()
try server.start()
let transport = CurlTransport(configuration: .init(connectTimeout: .seconds(5), requestTimeout: .seconds(30)))
let client = try ChorusClient(environment: server.environment, credentials: MockTransport.credentials, transport: transport)
let opera = try await client.structures.recipient(siret: "78439607900054")
print("through libcurl: \(opera.summary)")
let health = try await client.references.healthCheck()
print("health: \(health.isHealthy.map { $0 ? "up" : "down" } ?? "not said"); requests served: \(server.requestsServed)")
await server.shutdown()
