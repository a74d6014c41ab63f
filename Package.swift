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
        .library(name: "ChorusSDK", targets: ["ChorusSDK"]),
        .library(name: "ChorusMock", targets: ["ChorusMock"]),
        .library(name: "ChorusSDKCurl", targets: ["ChorusSDKCurl"]),
        .executable(name: "chorus-mock-server", targets: ["chorus-mock-server"]),
        .executable(name: "chorus-demo", targets: ["chorus-demo"]),
        .executable(name: "chorus-sample-documents", targets: ["chorus-sample-documents"]),
    ],
    targets: [
        .target(name: "ChorusSDK", swiftSettings: strictSettings),
        // libcurl, for the optional curl transport only: packages that use ChorusSDK alone never build it.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .target(name: "ChorusSDKCurl", dependencies: ["ChorusSDK", "CCurl"], swiftSettings: strictSettings),
        // zlib, for the fake only (inflating PDF streams and .tar.gz flux); present on every Linux and
        // Apple system.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "ChorusMock", dependencies: ["ChorusSDK", "CZlib"], swiftSettings: strictSettings),
        .executableTarget(name: "chorus-mock-server", dependencies: ["ChorusMock"], swiftSettings: strictSettings),
        .executableTarget(name: "chorus-sample-documents", dependencies: ["ChorusSDK"], swiftSettings: strictSettings),
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
        .executableTarget(name: "submission-crash-child", dependencies: ["ChorusSDK", "ChorusMock"],
                          path: "Tests/SubmissionCrashChild", swiftSettings: strictSettings),
        .testTarget(name: "UserTests", dependencies: ["ChorusSDK", "ChorusMock"], path: "Examples/UserTests",
                    swiftSettings: strictSettings),
        .testTarget(
            name: "ChorusSDKTests",
            dependencies: ["ChorusSDK", "ChorusMock", "ChorusSDKCurl", "ExampleSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
