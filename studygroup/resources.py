"""The one loader for files in resources/, found beside the package, never via the working directory."""

from __future__ import annotations

from pathlib import Path

import studygroup

RESOURCES_DIR = Path(studygroup.__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource; raises FileNotFoundError naming the known ones."""
    path = RESOURCES_DIR.joinpath(*parts)
    if not path.exists():
        folder = path.parent
        known = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        raise FileNotFoundError(
            f"No resource {'/'.join(parts)!r}; known in {folder.name}/: {', '.join(known) or 'none'}"
        )
    return path
