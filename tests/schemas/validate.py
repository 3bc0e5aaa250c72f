#!/usr/bin/env python3
"""Validates JSON documents against a JSON schema (draft-04, as the SARIF
2.1.0 schema declares). Usage: validate.py SCHEMA DOCUMENT...
Exit 0 when every document is valid, 1 otherwise (errors on stderr)."""
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    checker = jsonschema.FormatChecker()
    # Without python3-rfc3987 jsonschema skips URI formats silently.
    if "uri-reference" not in checker.checkers:
        print("validate.py: URI format checks need python3-rfc3987", file=sys.stderr)
        return 2
    validator = jsonschema.Draft4Validator(schema, format_checker=checker)
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        for error in validator.iter_errors(document):
            failed = True
            print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
