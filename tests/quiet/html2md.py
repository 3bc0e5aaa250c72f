#!/usr/bin/env python3
"""Turns a DocBook HTML page into Markdown prose for the "quiet on real
copy" check: paragraphs and list items as paragraphs, inline code as code
spans, preformatted blocks left out, white space collapsed as a browser
does. Usage: html2md.py IN.html OUT.md"""
import html.parser
import re
import sys

CODE_TAGS = {"code", "tt", "kbd", "samp", "var"}
CODE_CLASSES = {"command", "filename", "literal", "replaceable", "userinput", "systemitem",
                "computeroutput", "option", "envar", "package", "guimenu", "guibutton", "keycap"}
BLOCK_TAGS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "div", "br", "title"}
SKIP_TAGS = {"pre", "script", "style", "head"}


class Converter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.para, self.code_depth, self.skip_depth, self.stack = [], [], 0, 0, []

    def flush(self):
        text = re.sub(r"[ \t\r\n]+", " ", "".join(self.para)).strip()
        text = text.replace("``", "")
        if text:
            self.out.append(text)
        self.para = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        code = tag in CODE_TAGS or bool(classes & CODE_CLASSES)
        self.stack.append((tag, code))
        if tag in SKIP_TAGS:
            self.skip_depth += 1
        elif tag in BLOCK_TAGS:
            self.flush()
        if code:
            if self.code_depth == 0:
                self.para.append("`")
            self.code_depth += 1

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, code = self.stack.pop()
            if code:
                self.code_depth -= 1
                if self.code_depth == 0:
                    self.para.append("`")
            if open_tag in SKIP_TAGS:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if self.skip_depth:
            return
        if self.code_depth:
            data = data.replace("`", "'")
        else:
            data = re.sub(r"([\\*_`<>\[\]#|])", r"\\\1", data)
        self.para.append(data)


def main():
    conv = Converter()
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        conv.feed(f.read())
    conv.flush()
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n\n".join(conv.out) + "\n")


if __name__ == "__main__":
    main()
