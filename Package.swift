// swift-tools-version:6.0
// ChorusSDK — a Swift SDK for Chorus Pro (the French State's e-invoicing platform) through PISTE.
// The core library depends on Foundation only. See README.md.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ChorusSDK",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        // The network SDK; `import ChorusSDK` also brings the document toolkit and the shared values.
        .library(name: "ChorusSDK", targets: ["ChorusSDK"]),
        // The document toolkit alone (EN 16931 model and rules, CII, UBL, Factur-X/PDF), without the network stack.
        .library(name: "ChorusDocuments", targets: ["ChorusDocuments"]),
        // Sample and deliberately broken documents, for tests and demos (not production API).
        .library(name: "ChorusDocumentSamples", targets: ["ChorusDocumentSamples"]),
        .library(name: "ChorusMock", targets: ["ChorusMock"]),
        .library(name: "ChorusSDKCurl", targets: ["ChorusSDKCurl"]),
        .executable(name: "chorus-mock-server", targets: ["chorus-mock-server"]),
        .executable(name: "chorus-demo", targets: ["chorus-demo"]),
        .executable(name: "chorus-sample-documents", targets: ["chorus-sample-documents"]),
    ],
    targets: [
        // The layers, bottom up (each depends on Foundation and the ones above it only):
        // ChorusCore — values every layer speaks (Amount, CalendarDate, open enumerations, ValidationProblem…);
        .target(name: "ChorusCore", swiftSettings: strictSettings),
        // ChorusCompression — DEFLATE, inflate, CRC-32, ZIP;
        .target(name: "ChorusCompression", swiftSettings: strictSettings),
        // ChorusDocuments — the document toolkit; it never sees the network;
        .target(name: "ChorusDocuments", dependencies: ["ChorusCore", "ChorusCompression"], swiftSettings: strictSettings),
        .target(name: "ChorusDocumentSamples", dependencies: ["ChorusDocuments"], swiftSettings: strictSettings),
        // ChorusSDK — the platform: transport, pipeline, services, workflows. Re-exports the three above.
        // Models/ holds the field tables the answer models are generated from (scripts/generate-models.py).
        .target(name: "ChorusSDK", dependencies: ["ChorusCore", "ChorusCompression", "ChorusDocuments"], exclude: ["Models"],
                swiftSettings: strictSettings),
        // libcurl, for the optional curl transport only: packages that use ChorusSDK alone never build it.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .target(name: "ChorusSDKCurl", dependencies: ["ChorusSDK", "CCurl"], swiftSettings: strictSettings),
        // zlib, for the fake only (inflating PDF streams and .tar.gz flux); present on every Linux and
        // Apple system.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "ChorusMock", dependencies: ["ChorusSDK", "ChorusDocumentSamples", "CZlib"], swiftSettings: strictSettings),
        .executableTarget(name: "chorus-mock-server", dependencies: ["ChorusMock"], swiftSettings: strictSettings),
        .executableTarget(name: "chorus-sample-documents", dependencies: ["ChorusSDK", "ChorusDocumentSamples"], swiftSettings: strictSettings),
        .executableTarget(name: "chorus-bench", dependencies: ["ChorusSDK", "ChorusSDKCurl", "ChorusMock"],
                          swiftSettings: strictSettings),
        // Examples: the seed's journey (`swift run chorus-demo`) and one program per task; all run on the fake.
        .target(name: "ExampleSupport", dependencies: ["ChorusSDK", "ChorusMock"], path: "Examples/ExampleSupport",
                swiftSettings: strictSettings),
        .executableTarget(name: "chorus-demo", dependencies: ["ChorusSDK", "ChorusMock", "ExampleSupport"],
                          path: "Examples/chorus-demo", swiftSettings: strictSettings),
        .executableTarget(name: "submit-pdf-invoice", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/submit-pdf-invoice", swiftSettings: strictSettings),
        .executableTarget(name: "submit-structured-invoice", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/submit-structured-invoice", swiftSettings: strictSettings),
        .executableTarget(name: "send-credit-note", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/send-credit-note", swiftSettings: strictSettings),
        .executableTarget(name: "deposit-invoice-file", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/deposit-invoice-file", swiftSettings: strictSettings),
        .executableTarget(name: "list-month-invoices", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/list-month-invoices", swiftSettings: strictSettings),
        .executableTarget(name: "answer-suspension", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/answer-suspension", swiftSettings: strictSettings),
        .executableTarget(name: "use-curl-transport", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/use-curl-transport", swiftSettings: strictSettings),
        .executableTarget(name: "process-received-invoices", dependencies: ["ChorusSDK", "ChorusMock", "ExampleSupport"],
                          path: "Examples/process-received-invoices", swiftSettings: strictSettings),
        .executableTarget(name: "validate-subcontractor-invoice", dependencies: ["ChorusSDK", "ChorusMock", "ExampleSupport"],
                          path: "Examples/validate-subcontractor-invoice", swiftSettings: strictSettings),
        .executableTarget(name: "follow-works-invoices", dependencies: ["ChorusSDK", "ChorusMock", "ExampleSupport"],
                          path: "Examples/follow-works-invoices", swiftSettings: strictSettings),
        .executableTarget(name: "download-directory", dependencies: ["ChorusSDK", "ChorusMock", "ExampleSupport"],
                          path: "Examples/download-directory", swiftSettings: strictSettings),
        .executableTarget(name: "logging-middleware", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
                          path: "Examples/logging-middleware", swiftSettings: strictSettings),
        // A child process for the crash tests (killed between sending an invoice and hearing the answer).
        .executableTarget(name: "submission-crash-child", dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl"],
                          path: "Tests/SubmissionCrashChild", swiftSettings: strictSettings),
        .testTarget(name: "UserTests", dependencies: ["ChorusSDK", "ChorusMock"], path: "Examples/UserTests",
                    swiftSettings: strictSettings),
        // One test target per module: the toolkit's tests need neither the network SDK nor the fake.
        .testTarget(name: "ChorusCompressionTests", dependencies: ["ChorusCore", "ChorusCompression", "CZlib"], swiftSettings: strictSettings),
        .testTarget(name: "ChorusDocumentsTests", dependencies: ["ChorusCore", "ChorusCompression", "ChorusDocuments", "ChorusDocumentSamples"],
                    resources: [.copy("Golden")], swiftSettings: strictSettings),
        .testTarget(
            name: "ChorusSDKTests",
            dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
            resources: [.copy("Fixtures")],  // facts derived from the official sources (scripts/derive-*.py)
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
