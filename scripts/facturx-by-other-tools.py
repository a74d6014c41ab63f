#!/usr/bin/env python3
"""Writes Factur-X files with tools that are not ours, for the SDK's reader to read back in CI:
the chain's Python `factur-x` package (pypdf underneath) from our PDF/A-1b and XML, and a pypdf rewrite of that
file with compressed object streams.

usage: facturx-by-other-tools.py DIR     (DIR holds input-pdfa1b.pdf and invoice.xml from chorus-sample-documents)"""
import os, sys
import facturx
from pypdf import PdfReader, PdfWriter

folder = sys.argv[1]
pdf = open(os.path.join(folder, "input-pdfa1b.pdf"), "rb").read()
xml = open(os.path.join(folder, "invoice.xml"), "rb").read()
written = facturx.generate_from_binary(pdf, xml, flavor="factur-x", level="en16931", check_xsd=True)
open(os.path.join(folder, "facturx-python.pdf"), "wb").write(written)
writer = PdfWriter(clone_from=PdfReader(os.path.join(folder, "facturx-python.pdf")))
for page in writer.pages:
    page.compress_content_streams()
try:
    writer.compress_identical_objects(remove_identicals=True, remove_orphans=True)
except Exception:
    pass
with open(os.path.join(folder, "facturx-pypdf-rewritten.pdf"), "wb") as out:
    writer.write(out)
print("facturx-python.pdf, facturx-pypdf-rewritten.pdf")
