"""What ``python build.py test --install`` sets up on a fresh Debian machine.

Kept free of third-party imports: it runs before the project's Python
dependencies exist.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Debian packages the tests use, each with how to tell it is already there.
DEBIAN_PACKAGES = {
    "chromium": lambda: shutil.which("chromium") is not None,  # browser tests (Playwright drives it)
    "libreoffice-impress-nogui": lambda: shutil.which("soffice") is not None,  # PDF decks
    "fonts-crosextra-carlito": lambda: _font_installed("Carlito"),  # deck font metrics
    "poppler-utils": lambda: shutil.which("pdfinfo") is not None,  # PDF page counts in tests
    "fonts-dejavu-core": lambda: _font_installed("DejaVu Sans"),  # the social cards' type (site/social.py)
    "nginx": lambda: Path("/usr/sbin/nginx").exists(),  # serves the site through deploy/nginx.conf
    "apache2": lambda: Path("/usr/sbin/apache2").exists(),  # serves the site through deploy/apache.htaccess
}


def _font_installed(name: str) -> bool:
    if not shutil.which("fc-list"):
        return False
    return name.lower() in subprocess.run(["fc-list"], capture_output=True, text=True).stdout.lower()


def missing_debian_packages() -> list[str]:
    return [name for name, present in DEBIAN_PACKAGES.items() if not present()]


def install_for_tests(root: Path) -> None:
    missing = missing_debian_packages()
    if missing:
        if not shutil.which("apt-get"):
            sys.exit(f"these packages are missing and there is no apt-get to install them: {', '.join(missing)}")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        print(f"installing Debian packages: {', '.join(missing)}", flush=True)
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env
        )
    print("installing the project with its test dependencies", flush=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", f"{root}[test]"],
        check=True,
    )
