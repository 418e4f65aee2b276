"""A built pack read back as its reader sees it: pdftotext's layout keeps table cells in their columns."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def layout_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
