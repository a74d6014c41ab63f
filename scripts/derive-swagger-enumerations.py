#!/usr/bin/env python3
"""Derives the enumerations of the PISTE Factures Swagger (betagouv/api.gouv.fr, public/swaggers/api-chorus-pro.json)
into Tests/ChorusSDKTests/Fixtures/swagger-enumerations.json, which OfficialEnumerationTests holds the SDK's typed
values to. The Swagger itself is not kept here: read it with the look-up tool (fetch github:betagouv/api.gouv.fr,
then `git show COMMIT:public/swaggers/api-chorus-pro.json > swagger.json`).

usage: derive-swagger-enumerations.py SWAGGER_JSON COMMIT [--check]
--check: exit 1 when the committed fixture differs from what the Swagger gives."""
import json, sys

args = [a for a in sys.argv[1:] if a != "--check"]
swagger_path, commit = args[0], args[1]
swagger = json.load(open(swagger_path, encoding="utf-8"))
# property name → union of the value lists the definitions give it (requests and answers differ: E1/E2, E9/E8…)
lists = {}
def walk(schema, name):
    if not isinstance(schema, dict):
        return
    if "enum" in schema and name:
        lists.setdefault(name, set()).update(schema["enum"])
    for key, child in schema.get("properties", {}).items():
        walk(child, key)
    if "items" in schema:
        walk(schema["items"], name)
for definition in swagger.get("definitions", {}).values():
    walk(definition, None)
# The properties the SDK types: one list per SDK type.
wanted = {
    "statutFacture": "InvoiceStatus", "syntaxeFlux": "FluxSyntax", "codeCadreFacturation": "InvoicingFramework",
    "cadreFacturation": "InvoicingFramework", "modeDepot": "DepositMode", "typeFacture": "InvoiceType",
    "listeTypeFacture": "InvoiceType", "typeDemandePaiement": "PaymentRequestType",
    "typeIdentifiantFournisseur": "StructureIdentifierType",
}
types = {}
for prop, swift_type in wanted.items():
    types.setdefault(swift_type, set()).update(lists.get(prop, set()))
fixture = {
    "source": "betagouv/api.gouv.fr public/swaggers/api-chorus-pro.json",
    "commit": commit,
    "types": {name: sorted(values) for name, values in sorted(types.items())},
}
text = json.dumps(fixture, indent=1, ensure_ascii=False) + "\n"
out = "Tests/ChorusSDKTests/Fixtures/swagger-enumerations.json"
if "--check" in sys.argv:
    sys.exit(0 if open(out, encoding="utf-8").read() == text else 1)
open(out, "w", encoding="utf-8").write(text)
print(f"{out}: " + ", ".join(f"{name} {len(values)}" for name, values in fixture["types"].items()))
