#!/usr/bin/env python3
"""Runs the shell steps of copylint's CI plug-ins locally, as the CI would.

  run_ci.py github ACTION_YML [INPUT=VALUE...]
      every step of the composite action, in order, with bash -eo pipefail
      (GitHub's `shell: bash`); ${{ inputs.X }}, ${{ github.action_path }}
      and ${{ steps.ID.outputs.NAME }} (from $GITHUB_OUTPUT) in a step's env
      and `if:` are filled in, anything else in ${{ }} is an error. A step
      that `uses:` an action (actions/cache) is skipped, as a cache miss.
  run_ci.py gitlab TEMPLATE_YML [VARIABLE=VALUE...]
      the `copylint` job's before_script and script in one `sh -e`, with the
      job's variables under the environment and the arguments (as CI/CD
      variables do).

The environment CI would set (GITHUB_EVENT_NAME, CI_MERGE_REQUEST_DIFF_BASE_SHA,
...) comes from the caller. Exits with the status of the first failing step."""
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def fill(value, inputs, action_path, outputs, quote=False):
    def one(match):
        name = match.group(1)
        if name == "github.action_path":
            found = action_path
        elif name.startswith("inputs."):
            found = inputs[name[len("inputs."):]]
        elif name.startswith("steps.") and ".outputs." in name:
            step, output = name[len("steps."):].split(".outputs.", 1)
            found = outputs.get(step, {}).get(output, "")
        else:
            raise SystemExit(f"run_ci.py: unsupported expression {name}")
        return repr(found) if quote else found
    return EXPRESSION.sub(one, str(value))


def condition(text, inputs, action_path, outputs):
    """An `if:` of comparisons joined by && and ||, as the action writes them."""
    expression = text if EXPRESSION.search(text) else "${{ " + text + " }}"
    inner = EXPRESSION.sub(lambda m: m.group(1), expression)
    python = re.sub(r"(steps\.[\w-]+\.outputs\.[\w-]+|inputs\.[\w-]+|github\.action_path)",
                    lambda m: fill("${{ " + m.group(1) + " }}", inputs, action_path, outputs, True), inner)
    python = python.replace("&&", " and ").replace("||", " or ")
    return bool(eval(python, {"__builtins__": {}}))  # pylint: disable=eval-used


def read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                name, value = line.rstrip("\n").split("=", 1)
                outputs[name] = value
    return outputs


def assignments(args):
    return dict(arg.split("=", 1) for arg in args)


def run_github(path, args):
    with open(path, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name, value in assignments(args).items():
        if name not in inputs:
            raise SystemExit(f"run_ci.py: the action has no input {name}")
        inputs[name] = value
    action_path = os.path.dirname(os.path.abspath(path))
    outputs = {}
    for step in action["runs"]["steps"]:
        if "if" in step and not condition(step["if"], inputs, action_path, outputs):
            continue
        if "uses" in step:
            continue
        if EXPRESSION.search(step["run"]):
            raise SystemExit(f"run_ci.py: step {step['name']} puts an expression in its script")
        env = dict(os.environ)
        env.update({k: fill(v, inputs, action_path, outputs) for k, v in step.get("env", {}).items()})
        with tempfile.NamedTemporaryFile("r", encoding="utf-8", suffix=".out") as output:
            env["GITHUB_OUTPUT"] = output.name
            status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                    env=env, check=False).returncode
            if "id" in step:
                outputs[step["id"]] = read_outputs(output.name)
        if status:
            return status
    return 0


def run_gitlab(path, args):
    with open(path, encoding="utf-8") as f:
        job = yaml.safe_load(f)["copylint"]
    env = {k: str(v) for k, v in job.get("variables", {}).items()}
    env.update(os.environ)
    env.update(assignments(args))
    script = "\n".join(job.get("before_script", []) + job["script"])
    return subprocess.run(["sh", "-e", "-c", script], env=env, check=False).returncode


def main():
    kind, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    sys.stdout.flush()
    return run_github(path, rest) if kind == "github" else run_gitlab(path, rest)


if __name__ == "__main__":
    sys.exit(main())
