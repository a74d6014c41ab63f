#!/usr/bin/env python3
"""Generates the answer models of ChorusSDK (their documented properties, public memberwise init and decoding init)
from the field tables in Sources/ChorusSDK/Models/*.models, so that a field is written once: one line of a table.

usage: generate-models.py [--check]
--check: exit 1 when a committed generated file differs from what the tables give, or when a generated file is left
         over from a table that no longer produces it (GeneratedModelsTests runs it, so `swift test` does).

Why one table per model group, in Sources/ChorusSDK/Models/ (excluded from the target in Package.swift): a group
(InvoiceDetails, InvoiceResults, StructureModels, AccountModels) is what one reviewer reads at once and what the
generated files are named after; one big table would mix the invoice blocks with the portal accounts, and one table
per struct would scatter the shared blocks (addresses, bank accounts, parties). The tables sit together so that
`grep -rn <wireKey> Sources` finds the key in its table line and in the generated Swift.

Table format (line-oriented; `#` at the start of a line is a comment; blank lines are ignored):

    file Services/Invoices/InvoiceDetails+Fields.swift   the generated file of the structs below (under Sources/ChorusSDK)
    struct InvoiceRecipientBlock: Sendable, Hashable     a struct, with its conformances
    /// The `destinataire` block of an invoice.          its doc comment (as many `///` lines as needed)
    @init /// Creates a value.                           the memberwise init's doc comment
    @decode /// Decodes the answer.                      Decodable structs: the doc of `init(from:)` (required for them)
    @root facture                                        init(from:) reads the fields from the answer's `facture` object
    @require informationGenerales                        a nested object that must be present (else a failure)
    @what the invoice                                    names the object in "… has no <key>" failures
    @variants recipient supplier                         one decoding init per variant, `init(recipient block:)`…; the key
                                                         column then gives one key expression per variant, `;`-separated
    @empty-is-nil                                        the decoding init is failable: `nil` when every field is absent
    @no-decoding                                         properties and init only (a value the SDK builds itself)

    name | Swift type | wire key | read | category | init default | doc comment

  name, Swift type: the property, exactly as the public API has it (the init takes the fields in table order).
  wire key: the literal key, never a prefix: `identifiantFactureCPP`; `a ?? b` reads `b` when `a` is absent; a leading
      `block.` reads every key of the expression inside that nested object (`cadreDeFacturation.codeCadreFacturation`);
      `a, b, c` gives the several keys of a multi-key read; `-` is not read (the field keeps its init default).
  read: how the value is read through AnswerObject (Sources/ChorusSDK/Model/AnswerObject.swift):
      text int bool amount date timestamp base64     a scalar: `block.text("key")`…
      value                                          a Decodable value, open enumerations included: `block.value(T.self, "key")`
      words                                          non-empty texts of the keys joined by a space (first and last names)
      paging                                         a PageInfo from its four keys (page size, current page, pages, total)
      list                                           a list of Decodable items (absent, `null`, one item or an array)
      object / object(variant)                       a nested object read by the field type's `init(block:)` / `init(variant:)`
      objects / objects(variant)                     a list of such objects
      inline / inline(variant)                       the field type read from this same object (key `-`)
      call(name)                                     hand-written `static func name(_ block: AnswerObject, "key1", …)` of the
                                                     struct (in its hand-written extension file), given the keys in order
      others                                         every field not named in the struct, kept as text (`otherFields`:
                                                     nested objects and arrays as their JSON text)
    and optionally `?? EXPR`: the value when the key is absent (`bool ?? false`). A non-optional field whose read may find
    nothing and that has no `?? EXPR` is required: its absence is a failure naming the key (lists are `[]` when absent).
  category: identity (ids, numbers, statuses, codes), decision (amounts used for matching, requirement, active and public
      flags, dates used in look-ups) or descriptive (names, addresses, comments, labels, display dates): the policy of
      Sources/ChorusSDK/Model/AnswerReading.swift. Identity and decision fields are read strictly (a decision field is
      optional: its absence is unknown, so never give it a `?? default`); a descriptive field is optional or a list, and
      an odd shape leaves it out with a DecodingIssue (`block.descriptive(…)`) in tolerant mode.
  init default: the memberwise init's default (`nil`, `[]`, `false`, `PageInfo()`…), `-` for none.
  doc comment: the property's doc comment (wrapped at 120 columns).

Adding a field: one line in a table, then `python3 scripts/generate-models.py`.
Hand-written logic that is not a plain field read (computed properties, the `call(...)` functions, conformances such
as CustomStringConvertible) lives in extensions in the hand-written file next to the generated one."""
import glob, os, re, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SOURCES = "Sources/ChorusSDK"
TABLES = f"{SOURCES}/Models"
MAX_LINES = 400
WIDTH = 130
DOC_WIDTH = 120
CATEGORIES = {"identity", "decision", "descriptive"}
SCALARS = {"text", "int", "id", "bool", "amount", "date", "timestamp", "base64"}
KINDS = SCALARS | {"value", "words", "paging", "list", "object", "objects", "inline", "call", "others", "-"}
GENERATED_MARK = "// Generated by scripts/generate-models.py"


class TableError(Exception):
    pass


class Field:
    def __init__(self, table, number, columns):
        self.where = f"{table}:{number}"
        self.name, self.type, self.key, read, self.category, self.default, self.doc = columns
        self.fallback = None
        if " ?? " in read:
            read, self.fallback = [part.strip() for part in read.split(" ?? ", 1)]
        match = re.fullmatch(r"([a-z0-9-]+)(?:\((.*)\))?", read)
        if not match or match.group(1) not in KINDS:
            raise TableError(f"{self.where}: unknown read `{read}`")
        self.kind, self.argument = match.group(1), match.group(2)
        if self.category not in CATEGORIES:
            raise TableError(f"{self.where}: category `{self.category}` is not one of {sorted(CATEGORIES)}")
        if self.category == "decision" and self.fallback not in (None, "PageInfo()"):  # PageInfo(): every figure unknown
            raise TableError(f"{self.where}: a decision field's absence is unknown: no `?? {self.fallback}`")
        if not re.fullmatch(r"[a-z][A-Za-z0-9]*", self.name):
            raise TableError(f"{self.where}: `{self.name}` is not a Swift property name")

    @property
    def optional(self):
        return self.type.endswith("?")

    @property
    def base(self):
        return self.type[:-1] if self.optional else self.type

    @property
    def element(self):
        if not (self.type.startswith("[") and self.type.endswith("]")):
            raise TableError(f"{self.where}: `{self.kind}` needs an array type, not {self.type}")
        return self.type[1:-1]


class Struct:
    def __init__(self, table, number, declaration, file):
        match = re.fullmatch(r"struct ([A-Za-z][A-Za-z0-9]*): (.+)", declaration)
        if not match:
            raise TableError(f"{table}:{number}: expected `struct Name: Conformances`")
        if file is None:
            raise TableError(f"{table}:{number}: no `file` line before the first struct")
        self.where = f"{table}:{number}"
        self.table, self.file = table, file
        self.name = match.group(1)
        self.conformances = [c.strip() for c in match.group(2).split(",")]
        self.doc, self.fields, self.requires, self.variants = [], [], [], []
        self.init_doc = self.decode_doc = self.root = self.what = None
        self.empty_is_nil = self.no_decoding = False

    @property
    def decodable(self):
        return "Decodable" in self.conformances


def parse(path):
    table = os.path.relpath(path, ROOT)
    structs, current, file = [], None, None
    for number, raw in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        line = raw.rstrip()
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("file "):
            file, current = line[5:].strip(), None
        elif line.startswith("struct "):
            current = Struct(table, number, line, file)
            structs.append(current)
        elif current is None:
            raise TableError(f"{table}:{number}: a line outside any struct")
        elif line.startswith("///"):
            if current.fields:
                raise TableError(f"{table}:{number}: the struct's doc comment goes before its fields")
            current.doc.append(line)
        elif line.startswith("@"):
            directive, _, rest = line.partition(" ")
            rest = rest.strip()
            if directive == "@init":
                current.init_doc = rest
            elif directive == "@decode":
                current.decode_doc = rest
            elif directive == "@root":
                current.root = rest
            elif directive == "@require":
                current.requires.append(rest)
            elif directive == "@what":
                current.what = rest
            elif directive == "@variants":
                current.variants = rest.split()
            elif directive == "@empty-is-nil":
                current.empty_is_nil = True
            elif directive == "@no-decoding":
                current.no_decoding = True
            else:
                raise TableError(f"{table}:{number}: unknown directive {directive}")
        else:
            columns = [column.strip() for column in line.split("|", 6)]
            if len(columns) != 7:
                raise TableError(f"{table}:{number}: a field line has 7 columns separated by `|`")
            current.fields.append(Field(table, number, columns))
    return structs


def split_keys(expression):
    """`block.a ?? b` → (block, [[a], [b]]); `a, b` → (None, [[a, b]]); `-` → None."""
    expression = expression.strip()
    if expression == "-":
        return None
    block = None
    match = re.fullmatch(r"([A-Za-z][A-Za-z0-9]*)\.(.+)", expression)
    if match:
        block, expression = match.group(1), match.group(2)
    alternatives = [[key.strip() for key in alternative.split(",")] for alternative in expression.split("??")]
    for alternative in alternatives:
        for key in alternative:
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", key):
                raise TableError(f"`{key}` is not a wire key")
    return block, alternatives


def keys_of(struct, field, variant):
    """The field's key expression for the variant (index), split."""
    expressions = [part.strip() for part in field.key.split(";")]
    if struct.variants:
        if len(expressions) != len(struct.variants):
            raise TableError(f"{field.where}: {len(struct.variants)} variants, {len(expressions)} key expressions")
        expression = expressions[variant]
    elif len(expressions) != 1:
        raise TableError(f"{field.where}: `;` separates the keys of variants, and {struct.name} has none")
    else:
        expression = expressions[0]
    try:
        return split_keys(expression)
    except TableError as error:
        raise TableError(f"{field.where}: {error}")


def wrap_doc(text, indent):
    """A `/// …` comment wrapped at DOC_WIDTH."""
    words = text[3:].split()
    lines, current = [], indent + "///"
    for word in words:
        if len(current) + 1 + len(word) > DOC_WIDTH and current != indent + "///":
            lines.append(current)
            current = indent + "///"
        current += " " + word
    lines.append(current)
    return lines


def wrap_line(line):
    """A statement longer than WIDTH broken after `, ` (aligned after its open parenthesis) or before a top-level
    ` ?? ` (aligned with the expression)."""
    if len(line) <= WIDTH:
        return [line]
    start = len(line) - len(line.lstrip())
    match = re.match(r"\s*(?:guard let \w+ = |\w+ = )?(?:try )?", line)
    expression_column = match.end() if match else start
    breaks, stack, quoted = [], [], False  # breaks: (index where the next line starts, its indentation)
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in "([":
            stack.append(index)
        elif char in ")]":
            stack.pop()
        elif char == "," and stack and line[index + 1:index + 2] == " ":
            breaks.append((index + 2, stack[-1] + 1, len(stack)))
        elif line.startswith(" ?? ", index) and not stack:
            breaks.append((index + 1, expression_column, 0))
    lines, begin, indent = [], 0, start
    while len(line) - begin + (indent if begin else 0) > WIDTH:
        offset = (indent - begin) if begin else 0
        fitting = [(at, next_indent, depth) for at, next_indent, depth in breaks if begin < at and at + offset <= WIDTH]
        if not fitting:
            break
        # The outermost break that fits, the last of them: `a ?? b` splits before `??`, a call between arguments.
        at, next_indent, _ = max(fitting, key=lambda candidate: (-candidate[2], candidate[0]))
        lines.append((" " * indent if begin else "") + line[begin:at].rstrip() if begin else line[:at].rstrip())
        begin, indent = at, next_indent
    lines.append((" " * indent + line[begin:]) if begin else line)
    return lines


def wrap_call(prefix, items, suffix):
    """`prefix item, item…suffix` wrapped at WIDTH, continuation lines aligned after the prefix."""
    lines, current = [], prefix
    for index, item in enumerate(items):
        piece = item + (", " if index < len(items) - 1 else suffix)
        if len(current) + len(piece.rstrip()) > WIDTH and current != prefix:
            lines.append(current.rstrip())
            current = " " * len(prefix) + piece
        else:
            current += piece
    if not items:
        current += suffix
    lines.append(current)
    return lines


class Generator:
    def __init__(self, structs):
        self.structs = {struct.name: struct for struct in structs}

    def reader(self, struct, field, label):
        """The type's decoding init for `object`/`objects`/`inline`: (`T.init(label:)`, failable)."""
        name = field.element if field.kind == "objects" else field.base
        target = self.structs.get(name)
        if target is None or target.no_decoding:
            raise TableError(f"{field.where}: {name} is not a decoded struct of the tables")
        labels = target.variants or ["block"]
        if label not in labels:
            raise TableError(f"{field.where}: {name} has no decoding init `{label}:` (it has {', '.join(labels)})")
        return name, target.empty_is_nil

    def expression(self, struct, field, variant, locals_):
        """(Swift expression without `try`, whether it may be nil, the receiver of its first key, its keys)."""
        kind = field.kind
        split = keys_of(struct, field, variant)
        if kind in ("inline", "others"):
            if split is not None:
                raise TableError(f"{field.where}: `{kind}` reads no key of its own: put `-`")
            if kind == "inline":
                name, failable = self.reader(struct, field, field.argument or "block")
                return f"{name}({field.argument or 'block'}: block)", failable, "block", []
            named = []
            for other in struct.fields:
                for index in range(max(1, len(struct.variants))):
                    other_split = keys_of(struct, other, index)
                    if other_split:
                        for alternative in other_split[1]:
                            named += [key for key in alternative if key not in named]
            listed = ", ".join(f'"{key}"' for key in named)
            return f'block.otherFields(excluding: [{listed}])', False, "block", []
        if split is None:
            return None, False, None, []
        block, alternatives = split
        receiver, optional_receiver = "block", False
        if block is not None:
            if block not in locals_:
                raise TableError(f"{field.where}: internal: block {block} not loaded")
            receiver, optional_receiver = block, not locals_[block]
        chain = receiver + ("?" if optional_receiver else "")
        multi = kind in ("words", "paging", "call")
        if multi and len(alternatives) != 1:
            raise TableError(f"{field.where}: `{kind}` takes `a, b…`, not alternatives")
        if not multi and any(len(alternative) != 1 for alternative in alternatives):
            raise TableError(f"{field.where}: `{kind}` reads one key (alternatives with ` ?? `)")
        if kind == "paging" and len(alternatives[0]) != 4:
            raise TableError(f"{field.where}: `paging` takes four keys: page size, current page, pages, total")
        keys = [key for alternative in alternatives for key in alternative]
        parts, may_be_nil = [], optional_receiver
        for alternative in alternatives:
            quoted = ", ".join(f'"{key}"' for key in alternative)
            if kind in SCALARS or kind in ("words", "paging"):
                parts.append(f"{chain}.{kind}({quoted})")
                may_be_nil = may_be_nil or kind != "paging"
            elif kind == "value":
                parts.append(f"{chain}.value({field.base}.self, {quoted})")
                may_be_nil = True
            elif kind == "list":
                parts.append(f"{chain}.list({field.element}.self, {quoted})")
            elif kind == "objects":
                name, failable = self.reader(struct, field, field.argument or "block")
                if failable:
                    raise TableError(f"{field.where}: {name} reads as nil when empty; a list of it is not supported")
                parts.append(f"{chain}.items({quoted}, {name}.init({field.argument or 'block'}:))")
            elif kind == "object":
                name, failable = self.reader(struct, field, field.argument or "block")
                method = "flatMap" if failable else "map"
                loaded = alternative[0] in locals_ and receiver == "block" and not locals_[alternative[0]]
                source = alternative[0] if loaded else f"{chain}.object({quoted})"
                parts.append(f"{source}.{method}({name}.init({field.argument or 'block'}:))")
                may_be_nil = True
            elif kind == "call":
                if optional_receiver:
                    raise TableError(f"{field.where}: `call` reads from a block that is always there")
                parts.append(f"Self.{field.argument}({receiver}, {quoted})")
        return " ?? ".join(parts), may_be_nil, receiver, keys

    def decoding_init(self, struct, variant, out):
        label = struct.variants[variant] if struct.variants else "block"
        mark = "?" if struct.empty_is_nil else ""
        if struct.variants:
            out.append(f"    /// Reads the {label} keys{'; `nil` when none is present' if struct.empty_is_nil else ''}.")
        elif struct.empty_is_nil:
            out.append("    /// Reads the fields; `nil` when none is present.")
        parameter = "block" if label == "block" else f"{label} block"
        out.append(f"    init{mark}({parameter}: AnswerObject) throws {{")
        # The nested objects the fields read from, in order of first use; `@require`d ones must be there.
        locals_ = {}
        for name in struct.requires:
            locals_[name] = True
        for field in struct.fields:
            split = keys_of(struct, field, variant)
            if split and split[0] and split[0] not in locals_:
                locals_[split[0]] = False
        field_names = {field.name for field in struct.fields}
        for name, required in locals_.items():
            if name in field_names or name == "block":
                raise TableError(f"{struct.where}: the block `{name}` has the name of a property")
            if required:
                out.append(f'        guard let {name} = try block.object("{name}") else {{')
                out.append(f'            throw block.failure("{name}", "{self.what(struct)} has no {name}")')
                out.append("        }")
            else:
                out.append(f'        let {name} = try block.object("{name}")')
        for field in struct.fields:
            expression, may_be_nil, receiver, keys = self.expression(struct, field, variant, locals_)
            if expression is None:
                if field.default == "-":
                    raise TableError(f"{field.where}: not read in variant {label} and no init default")
                out.append(f"        {field.name} = {field.default}")
                continue
            if field.category == "descriptive" and field.kind != "others":
                # The policy of Sources/ChorusSDK/Model/AnswerReading.swift: an odd shape leaves a descriptive field
                # nil (or []) with a DecodingIssue in tolerant mode.
                if not (field.optional or field.type.startswith("[")):
                    raise TableError(f"{field.where}: a descriptive field is optional (or a list): an odd shape leaves it out")
                # The issue's path: the key in its block; a block that may be absent is named instead (its key in `block`).
                if receiver in ("block", None) or locals_.get(receiver):
                    host, key = receiver or "block", keys[0] if keys else field.name
                else:
                    host, key = "block", receiver
                expression = f'{host}.descriptive("{key}") {{ try {expression} }}'
            if field.fallback:
                expression += f" ?? {field.fallback}"
                may_be_nil = False
            if may_be_nil and not field.optional:
                if field.type.startswith("["):
                    expression += " ?? []"
                else:
                    out.append(f"        guard let {field.name} = try {expression} else {{")
                    out.append(f'            throw {receiver}.failure("{keys[0]}", "{self.what(struct)} has no {" or ".join(keys)}")')
                    out.append("        }")
                    out.append(f"        self.{field.name} = {field.name}")
                    continue
            out.append(f"        {field.name} = try {expression}")
        if struct.empty_is_nil:
            out.append(f"        if self == {struct.name}() {{ return nil }}")
        out.append("    }")

    def what(self, struct):
        if not struct.what:
            raise TableError(f"{struct.where}: a required field needs `@what` (\"the invoice\") for its failure")
        return struct.what

    def struct(self, struct):
        out = list(struct.doc)
        out.append(f"public struct {struct.name}: {', '.join(struct.conformances)} {{")
        for field in struct.fields:
            out += wrap_doc(field.doc if field.doc.startswith("///") else "/// " + field.doc, "    ")
            out.append(f"    public var {field.name}: {field.type}")
        if struct.decodable:
            out.append("    /// What the SDK read past in this value's answer (tolerant mode): descriptive fields left out, list items")
            out.append("    /// skipped. Empty when the answer had the documented shape.")
            out.append("    public var decodingIssues: [DecodingIssue] = []")
        out.append("")
        if not struct.init_doc:
            raise TableError(f"{struct.where}: no `@init /// …` doc comment")
        out += wrap_doc(struct.init_doc, "    ")
        parameters = [f"{field.name}: {field.type}" + ("" if field.default == "-" else f" = {field.default}")
                      for field in struct.fields]
        out += wrap_call("    public init(", parameters, ") {")
        out += [f"        self.{field.name} = {field.name}" for field in struct.fields]
        out.append("    }")
        if struct.empty_is_nil and any(field.default == "-" for field in struct.fields):
            raise TableError(f"{struct.where}: @empty-is-nil needs an init default for every field")
        if struct.decodable:
            if not struct.decode_doc or struct.variants or struct.no_decoding:
                raise TableError(f"{struct.where}: a Decodable struct needs `@decode /// …` and no variants")
            out.append("")
            out += wrap_doc(struct.decode_doc, "    ")
            if struct.root:
                out.append("    public init(from decoder: any Decoder) throws {")
                out.append("        let answer = try AnswerObject(decoder)")
                out.append("        let mark = answer.reading?.count ?? 0")
                out.append(f'        guard let block = try answer.object("{struct.root}") else {{')
                out.append(f'            throw answer.failure("{struct.root}", "the answer has no {struct.root}")')
                out.append("        }")
                out.append("        try self.init(block: block)")
                out.append("        decodingIssues = answer.reading?.issues(since: mark) ?? []")
                out.append("    }")
            else:
                out.append("    public init(from decoder: any Decoder) throws {")
                out.append("        let block = try AnswerObject(decoder)")
                out.append("        let mark = block.reading?.count ?? 0")
                out.append("        try self.init(block: block)")
                out.append("        decodingIssues = block.reading?.issues(since: mark) ?? []")
                out.append("    }")
        elif struct.decode_doc or struct.root:
            raise TableError(f"{struct.where}: `@decode`/`@root` without Decodable")
        if not struct.no_decoding:
            for variant in range(max(1, len(struct.variants))):
                out.append("")
                self.decoding_init(struct, variant, out)
        elif any(field.kind != "-" for field in struct.fields):
            raise TableError(f"{struct.where}: @no-decoding fields are read by nothing: put `-` as their read")
        out.append("}")
        return out

    def files(self, structs):
        grouped = {}
        for struct in structs:
            grouped.setdefault(struct.file, []).append(struct)
        result = {}
        for file, members in grouped.items():
            tables = sorted({struct.table for struct in members})
            lines = [f"{GENERATED_MARK} from {', '.join(tables)} — do not edit.",
                     "// Change the table and run `python3 scripts/generate-models.py` (GeneratedModelsTests runs it with --check).",
                     "// swift-format-ignore-file",
                     "", "import Foundation"]
            for struct in members:
                lines.append("")
                lines += [wrapped for line in self.struct(struct) for wrapped in wrap_line(line)]
            text = "\n".join(lines) + "\n"
            count = text.count("\n")
            if count > MAX_LINES:
                raise TableError(f"{file} would have {count} lines (at most {MAX_LINES}): give some structs another `file`")
            result[f"{SOURCES}/{file}"] = text
        return result


def main():
    os.chdir(ROOT)
    check = "--check" in sys.argv[1:]
    try:
        structs = [struct for path in sorted(glob.glob(f"{TABLES}/*.models")) for struct in parse(path)]
        names = [struct.name for struct in structs]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise TableError(f"structs defined twice: {', '.join(duplicates)}")
        files = Generator(structs).files(structs)
    except TableError as error:
        print(f"generate-models: {error}", file=sys.stderr)
        sys.exit(2)
    stale = [path for path in glob.glob(f"{SOURCES}/**/*.swift", recursive=True)
             if path not in files and open(path, encoding="utf-8").read().startswith(GENERATED_MARK)]
    if check:
        differing = [path for path, text in files.items()
                     if not os.path.exists(path) or open(path, encoding="utf-8").read() != text]
        for path in differing:
            print(f"{path} differs from its table; run scripts/generate-models.py")
        for path in stale:
            print(f"{path} is generated but no table produces it any more; delete it")
        if differing or stale:
            sys.exit(1)
        print(f"models match their tables: {len(structs)} structs, {sum(len(s.fields) for s in structs)} fields, "
              f"{len(files)} files")
    else:
        for path, text in files.items():
            if not os.path.exists(path) or open(path, encoding="utf-8").read() != text:
                open(path, "w", encoding="utf-8").write(text)
                print(f"wrote {path}")
        for path in stale:
            os.remove(path)
            print(f"removed {path} (no table produces it any more)")
        print(f"{len(structs)} structs, {sum(len(s.fields) for s in structs)} fields, {len(files)} files")


main()
