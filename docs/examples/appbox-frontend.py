#!/usr/bin/env python3
"""A small software center on appbox's machine interface (docs/json.md).

It talks to appbox only through --json, as a graphical frontend would: it reads
JSON Lines progress events to draw a bar, takes the result from the last document,
and turns appbox's error codes into messages and exit statuses.

    appbox-frontend.py [--box BOX] update
    appbox-frontend.py [--box BOX] search WORD...
    appbox-frontend.py [--box BOX] install PKG...
    appbox-frontend.py [--box BOX] apps
    appbox-frontend.py [--box BOX] exports
    appbox-frontend.py [--box BOX] remove PKG...

appbox is $APPBOX when that is set, else `appbox` on PATH. Without --box, appbox
picks its default box. Exit status: 0 ok; for an appbox error, the status its code
stands for (2 bad usage, 3 not found, 4 no container engine, 5 conflict, 6 the
package manager failed, 1 anything else); 127 when appbox cannot be found.
Python 3.8 or newer, standard library only.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

# docs/json.md, "Error codes": what each code means for the exit status.
EXIT_STATUS = {
    "INVALID_INPUT": 2,
    "BOX_NOT_FOUND": 3,
    "PACKAGE_NOT_FOUND": 3,
    "PROFILE_NOT_FOUND": 3,
    "IMAGE_NOT_FOUND": 3,
    "EXPORT_NOT_FOUND": 3,
    "SNAPSHOT_NOT_FOUND": 3,
    "ENGINE_UNREACHABLE": 4,
    "ENGINE_UNSUPPORTED": 4,
    "BOX_EXISTS": 5,
    "EXPORT_CONFLICT": 5,
    "LOCKED": 5,
    "PACKAGE_MANAGER_FAILED": 6,
}


class AppboxError(Exception):
    """A failure as appbox reported it: a code to switch on, a message and a hint for people."""

    def __init__(self, code, message, hint="", status=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.status = status if status is not None else EXIT_STATUS.get(code, 1)


def printable(text):
    """Text from appbox (package names, the package manager's lines) without control characters."""
    return "".join(c if c.isprintable() or c == "\n" else "?" for c in str(text))


def find_appbox():
    explicit = os.environ.get("APPBOX")
    if explicit:
        if not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
            raise AppboxError(
                "APPBOX_MISSING", f"$APPBOX is {explicit}, which is not a program.",
                "Point APPBOX at the appbox command, or unset it to use the one on PATH.", 127)
        return explicit
    found = shutil.which("appbox")
    if not found:
        raise AppboxError(
            "APPBOX_MISSING", "appbox is not installed (not on PATH).",
            "Install appbox, or set APPBOX to its path.", 127)
    return found


def call(args, on_progress=None):
    """Runs `appbox --json ARGS` and returns the data of its result, or raises AppboxError.

    Every line of standard output is one JSON document. Progress events go to on_progress;
    the document that carries "ok" is the result (a result event for long operations, also
    when they fail before starting; the plain envelope for the other commands).
    """
    argv = [find_appbox(), "--json", *args]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as err:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=err, encoding="utf-8", errors="replace")
        result = None
        for line in proc.stdout:
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except ValueError:
                proc.kill()
                proc.wait()
                raise AppboxError("PROTOCOL", "appbox printed a line that is not JSON: "
                                  + printable(line.strip())[:200])
            if doc.get("event") == "progress":
                if on_progress:
                    on_progress(doc["phase"], doc["percent"], doc["message"])
            elif "ok" in doc:
                result = doc
        status = proc.wait()
        err.seek(0)
        stderr = err.read().strip()
    if result is None:
        raise AppboxError("FAILED", f"appbox ended with status {status} and no result.",
                          printable(stderr.splitlines()[-1]) if stderr else "")
    if not result["ok"]:
        error = result["error"]
        raise AppboxError(error["code"], error["message"], error.get("hint", ""))
    return result["data"]


class ProgressBar:
    """A bar on standard error from progress events. A null percent keeps the last one."""

    WIDTH = 30

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.terminal = stream.isatty()
        self.percent = 0
        self.shown = None

    def update(self, phase, percent, message):
        if percent is not None:
            self.percent = percent
        filled = self.percent * self.WIDTH // 100
        bar = "[" + "#" * filled + "-" * (self.WIDTH - filled) + "]"
        line = f"{bar} {self.percent:3d}% {printable(phase)}: {printable(message)}"
        if self.terminal:
            columns = shutil.get_terminal_size().columns
            self.stream.write("\r\x1b[K" + line[: columns - 1])
        elif (phase, self.percent) != self.shown:
            # Not a terminal (a log, a test): one line each time the bar moves.
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown = (phase, self.percent)

    def finish(self):
        if self.terminal and self.shown is not None:
            self.stream.write("\n")
            self.stream.flush()


def table(rows, header):
    rows = [header] + [[printable(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths)] + [row[-1]]
        print("  ".join(cells).rstrip())


def box_args(options):
    """--box when given; the names that follow go after "--", so none is read as an option."""
    return ["--box", options.box] if options.box else []


def update(options):
    bar = ProgressBar()
    try:
        data = call(["update", *box_args(options)], bar.update)
    finally:
        bar.finish()
    for name in data["updated"]:
        print(f"Refreshed the package index of box {name}")


def installed_mark(hit):
    """yes, app / yes / no: an application is what a software center shows with an icon."""
    if not hit["installed"]:
        return "no"
    return "yes, app" if hit["app"] else "yes"


def search(options):
    hits = call(["search", *box_args(options), "--", *options.words])
    if not hits:
        print(f"No package matches {printable(' '.join(options.words))}.")
        return
    # The closest names come first; version is null where the package manager does not say.
    table([[h["name"], h["version"] or "-", installed_mark(h), h["summary"]] for h in hits],
          ["NAME", "VERSION", "INSTALLED", "SUMMARY"])


def install(options):
    bar = ProgressBar()
    try:
        data = call(["install", *box_args(options), "--", *options.packages], bar.update)
    finally:
        bar.finish()
    for p in data["installed"]:
        print(f"Installed {printable(p['name'])} {printable(p['version'])} in box {data['box']}")
    for e in data["exported"]:
        print(f"Added to your menu: {printable(e['name'])}")
    for w in data["warnings"]:
        print(f"warning: {printable(w)}", file=sys.stderr)


def apps(options):
    """The installed applications as a menu shows them: display name, box and icon file."""
    found = [e for e in call(["exports", *box_args(options)]) if e["kind"] == "app"]
    if not found:
        print("No applications are installed.")
        return
    table([[e["displayName"] or e["name"], e["box"], e["icon"] or "-"] for e in found],
          ["APPLICATION", "BOX", "ICON"])


def exports(options):
    found = call(["exports", *box_args(options)])
    if not found:
        print("Nothing is exported.")
        return
    table([[e["box"], e["kind"], e["name"], e["package"] or "-", e["state"]] for e in found],
          ["BOX", "KIND", "NAME", "PACKAGE", "STATE"])


def remove(options):
    bar = ProgressBar()
    try:
        data = call(["remove", *box_args(options), "--", *options.packages], bar.update)
    finally:
        bar.finish()
    for e in data["unexported"]:
        print(f"Removed from your menu: {printable(e['name'])}")
    for package in data["removed"]:
        along = "" if package["asked"] else " (taken along)"
        print(f"Removed {printable(package['name'])}{along} from box {data['box']}")


def main(argv):
    parser = argparse.ArgumentParser(
        prog="appbox-frontend.py", description="A small software center on appbox --json.")
    parser.add_argument("--box", help="the box (default: appbox's default box)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = commands.add_parser("update", help="refresh the package index (a new box has none)")
    p.set_defaults(run=update)
    p = commands.add_parser("search", help="search the box's repositories (every word matches)")
    p.add_argument("words", metavar="WORD", nargs="+")
    p.set_defaults(run=search)
    p = commands.add_parser("install", help="install packages, with a progress bar")
    p.add_argument("packages", metavar="PKG", nargs="+")
    p.set_defaults(run=install)
    p = commands.add_parser("apps", help="the installed applications, with their icons")
    p.set_defaults(run=apps)
    p = commands.add_parser("exports", help="what is exported, and whether it still works")
    p.set_defaults(run=exports)
    p = commands.add_parser("remove", help="remove packages and what they exported")
    p.add_argument("packages", metavar="PKG", nargs="+")
    p.set_defaults(run=remove)
    options = parser.parse_args(argv)
    try:
        options.run(options)
    except AppboxError as e:
        print(f"error: {printable(e.message)}", file=sys.stderr)
        if e.hint:
            print(f"hint: {printable(e.hint)}", file=sys.stderr)
        return e.status
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
