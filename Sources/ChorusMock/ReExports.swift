// The fake's users get the sample documents they had before those left the production API.
@_exported import ChorusDocumentSamples
