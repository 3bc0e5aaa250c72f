#!/usr/bin/env python3
"""Writes a folder of synthetic Markdown articles (deterministic) for benchmarks.
usage: make-articles.py OUTDIR MEGABYTES"""
import os
import random
import sys

WORDS = ("the of and a to in is was for on that with as by at from his it an were are which this be "
         "also has had first one their its new after who they have two her she been other when time "
         "during there into school more may years over only year most would world city some where "
         "between later three state such then national used made known under many university united "
         "while part season team these than film second born south became states war through being "
         "including both century minister government election report council budget market").split()


def article(rng, n):
    parts = ["---\ntitle: Article %d\nlang: en\n---\n# Article number %d\n" % (n, n)]
    for s in range(rng.randint(3, 8)):
        parts.append("\n## Section %d\n" % s)
        for _ in range(rng.randint(2, 5)):
            sentences = []
            for _ in range(rng.randint(2, 6)):
                words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
                sentences.append(" ".join(words).capitalize() + ".")
            parts.append("\n" + " ".join(sentences) + "\n")
    return "".join(parts)


def main():
    out, megabytes = sys.argv[1], float(sys.argv[2])
    rng = random.Random(42)
    os.makedirs(out, exist_ok=True)
    total, n = 0, 0
    while total < megabytes * 1048576:
        folder = os.path.join(out, "%03d" % (n // 500))
        os.makedirs(folder, exist_ok=True)
        text = article(rng, n)
        with open(os.path.join(folder, "a%06d.md" % n), "w") as f:
            f.write(text)
        total += len(text)
        n += 1


if __name__ == "__main__":
    main()
