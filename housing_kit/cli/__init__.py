"""Command line: parses arguments and calls the package; nothing else.

Exit status: 0 done, 1 the build failed, 2 bad input (a content problem,
an unknown command or topic). Content problems print as ``path:line:
field: message`` without a traceback; real bugs keep theirs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from ..errors import BuildError, ContentError

ROOT = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build the housing-led knowledge site and presentation decks from topics/*.yaml.",
        epilog="Run 'python build.py COMMAND --help' for a command's options.",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate every topic and event file and print a summary")
    check.add_argument(
        "--stale",
        nargs="?",
        type=int,
        const=18,
        metavar="MONTHS",
        help="also list dated statements and sources older than MONTHS (default 18)",
    )

    site = commands.add_parser("site", help="build the website into site/ (decks included)")
    site.add_argument("--no-decks", action="store_true", help="skip building the downloadable decks")
    site.add_argument(
        "--release", action="store_true", help="refuse to build while site_url in mkdocs.yml is a placeholder"
    )
    site.add_argument(
        "--offline", action="store_true", help="write site-offline.zip, a copy that works opened from the disk"
    )

    serve = commands.add_parser("serve", help="preview the site with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")

    slides = commands.add_parser(
        "slides",
        help="build a PowerPoint deck for one or more topics",
        description="Build a deck. Several topics give one combined deck with an agenda.",
    )
    slides.add_argument("topics", nargs="*", metavar="TOPIC", help="topic slugs or aliases, e.g. ans housing-first")
    slides.add_argument(
        "--lang",
        default=None,
        help="language code, or 'all' for one deck per language (default: the site's first language)",
    )
    slides.add_argument("--out", help="where to write the deck (default: slides/<topic>.<lang>.pptx)")
    slides.add_argument("--event", type=Path, help="a visit file from slides/events/ (host, city, date, topics)")
    slides.add_argument("--template", type=Path, help="an organisation's own .pptx template, mapped by layout names")
    slides.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the date of the talk on the title slide (default: the event's date, else today)",
    )
    slides.add_argument("--pdf", action="store_true", help="also write a PDF (needs LibreOffice)")
    slides.add_argument("--list", action="store_true", help="list the topics and their aliases")
    slides.add_argument(
        "--all", action="store_true", help="every topic's own deck, in every language (or --lang), in one run"
    )

    request = commands.add_parser(
        "request",
        help="save a presentation request from the site as slides/events/<date>-<city>.yaml",
        description="Read a request sent from the site's form (the downloaded .yaml, the e-mail or its "
        "YAML block pasted into a file) and save it as an event with status 'requested'.",
    )
    request.add_argument("file", type=Path, metavar="FILE", help="the saved request or e-mail")

    commands.add_parser("schema", help="write the JSON Schemas editors use (schema/*.schema.json)")

    test = commands.add_parser(
        "test",
        help="run the test suite (other arguments are passed to pytest)",
        description="Run every test. With --install, first install what the tests need: "
        "Debian's chromium, LibreOffice and fonts when missing, and the Python test dependencies.",
    )
    test.add_argument("--install", action="store_true", help="install the test requirements first")
    return parser


def _date(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    # `test` hands every argument it does not know to pytest (`test -q -k deck`);
    # argparse's REMAINDER cannot start with an option, so collect the leftovers.
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "test":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.pytest_args = extra
    if args.command is None:
        parser.print_help()
        return 2
    started = time.perf_counter()
    try:
        code = COMMANDS[args.command](args)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; {_written(exc.written)}.", file=sys.stderr)
        return 2
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        if exc.written:
            print(f"{_written(exc.written).capitalize()}.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C: no traceback; child processes were ended where they were started
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        if exc.filename is None:
            raise  # not a refusal about a path we were given: a bug, keep its traceback
        print(f"error: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if code == 0 and args.command not in ("serve", "test"):
        print(f"done in {time.perf_counter() - started:.2f} s")
    return code


def _written(paths: tuple[str, ...]) -> str:
    """The end of a failure message: what is on disk now."""
    if not paths:
        return "nothing was written"
    return f"written before the failure: {', '.join(paths)}"


def _address_problem(text: str) -> str | None:
    """What is wrong with --addr, if anything: HOST:PORT with a port the system can open (1-65535)."""
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit():
        return f"--addr: {text!r} is not HOST:PORT, e.g. 127.0.0.1:8000"
    if not 1 <= int(port) <= 65535:
        return f"--addr: port {port} is out of range; use 1-65535"
    return None


def cmd_check(args: argparse.Namespace) -> int:
    from ..loader import load_events, load_topics
    from ..models import EVENT_STATUSES

    library = load_topics(args.root)
    events = load_events(library)
    from ..deck.build import check_decks  # python-pptx only now: the planner reads the template's boxes

    problems = check_decks(library)
    if problems:
        raise ContentError(problems)
    for topic in library.topics:
        aliases = f" ({', '.join(topic.aliases)})" if topic.aliases else ""
        print(
            f"  {topic.slug}{aliases}: {len(topic.sections)} sections, {len(topic.figures)} figures, "
            f"{len(topic.glossary)} terms, {len(topic.sources)} sources, reviewed {topic.reviewed}"
        )
    for status in EVENT_STATUSES:
        listed = [(p, e) for p, e in events if e.status == status]
        if listed:
            print(f"  {status} ({len(listed)}):")
            for path, event in sorted(listed, key=lambda pe: pe[1].date):
                public = ", public" if event.public else ""
                print(
                    f"    {event.date} {event.city}: {', '.join(event.topics)} ({event.language}{public}) {path.name}"
                )
    decks = len(library.topics) * len(library.codes)
    print(
        f"{len(library.topics)} topics in {', '.join(library.codes)}; {len(events)} event file(s); "
        f"{decks} decks planned; all valid."
    )
    from ..site.topic_markup import markup_warnings  # the site's allow-lists, without MkDocs

    for problem in markup_warnings(library):
        print(f"warning: {problem}", file=sys.stderr)
    if library.settings.site_url_is_placeholder:
        print(
            f"warning: mkdocs.yml: site_url is a placeholder ({library.settings.site_url or 'empty'}); "
            "set it to the site's real address: decks leave out the web address and QR code until then",
            file=sys.stderr,
        )
    if args.stale is not None:
        import datetime as dt

        from ..currency import stale_report

        print(stale_report(library, dt.date.today(), args.stale))
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from ..site.build import build_site

    if args.release:
        from ..site.release import release_problem

        problem = release_problem(args.root)
        if problem:
            print(problem, file=sys.stderr)
            return 2
    if args.offline:
        from ..site.offline import build_offline

        path = build_offline(args.root, decks=not args.no_decks)
        print(f"offline copy written to {path} ({path.stat().st_size / 1e6:.1f} MB): unzip it, open index.html")
        return 0
    path = build_site(args.root, decks=not args.no_decks)
    print(f"site written to {path}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from ..site.build import serve_site

    problem = _address_problem(args.addr)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    serve_site(args.root, args.addr)
    return 0


def cmd_slides(args: argparse.Namespace) -> int:
    from .slides import SlidesArgs, run_slides

    if args.out is not None and not str(args.out).strip():
        print("--out: empty; give a file name such as slides/talk.pptx", file=sys.stderr)
        return 2
    return run_slides(
        SlidesArgs(
            root=args.root,
            topics=tuple(args.topics),
            lang=args.lang,
            out=Path(args.out) if args.out is not None else None,
            event=args.event,
            template=args.template,
            pdf=args.pdf,
            list=args.list,
            date=args.date,
            all=args.all,
        )
    )


def cmd_request(args: argparse.Namespace) -> int:
    from ..loader import load_topics, relative
    from ..request import save_request

    library = load_topics(args.root)
    saved = save_request(args.file, library)
    event, path = saved.event, relative(saved.event_path, args.root)
    topics = ", ".join(event.topics)
    print(f"wrote {path} (requested: {event.host}, {event.city}, {event.date}; {topics}; {event.language})")
    print(f"wrote {relative(saved.contact_path, args.root)} (contact details; not committed)")
    print(f"next: python build.py slides --event {path}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from ..languages import load_languages
    from ..schema import write_schemas

    codes = tuple(lang.code for lang in load_languages(args.root / "mkdocs.yml"))
    for path in write_schemas(args.root, codes):
        print(f"wrote {path.relative_to(args.root)}")
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    """The tests, then the static checks CI runs with them: ruff, mypy, import contracts."""
    import subprocess

    if args.install:
        from ..install import install_for_tests

        install_for_tests(args.root)
    code = 0
    for name, command in _static_checks():  # first: quick, and pytest's summary stays the last line
        print(f"{name}: {' '.join(command[2:4])}", flush=True)
        code = subprocess.call(command, cwd=args.root) or code
    return subprocess.call([sys.executable, "-m", "pytest", *args.pytest_args], cwd=args.root) or code


def _static_checks() -> list[tuple[str, list[str]]]:
    """Checks beside the tests, each run with this Python from the test dependencies."""
    python = sys.executable
    return [
        ("lint", [python, "-m", "ruff", "check", "."]),
        ("format", [python, "-m", "ruff", "format", "--check", "."]),
        ("types", [python, "-m", "mypy"]),  # strict; the shrinking exception list is in pyproject.toml
        (
            "import contracts",
            [python, "-c", "import sys, importlinter.cli as c; sys.exit(c.lint_imports(no_cache=True, no_logo=True))"],
        ),
    ]


COMMANDS = {
    "check": cmd_check,
    "site": cmd_site,
    "serve": cmd_serve,
    "slides": cmd_slides,
    "request": cmd_request,
    "schema": cmd_schema,
    "test": cmd_test,
}
