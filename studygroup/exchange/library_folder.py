"""A team's library folder: each ended session's bundle is written there, and a sync imports the changed ones.

Any shared drive or git repository then carries a team's library between laptops. A file is new or
newer when its content is: the SHA-256 of each file as last imported or written here is kept in the
settings by file name, so an unchanged file is skipped after one read. Content, not mtime or size,
because git checkouts and copying tools set mtimes as they please. A re-import is harmless anyway:
the bundle merge goes by note id and keeps the newer edit (docs/bundle-format.md, "Import rules").
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
from pathlib import Path

from studygroup.errors import BundleError, InvalidRecord, LibraryFolderError
from studygroup.exchange.bundle import ImportReport, export_bundle, merge_bundle
from studygroup.exchange.bundle_check import bundle_from_bytes, read_capped
from studygroup.model import Session
from studygroup.scenarios import slugify
from studygroup.storage.store import Store
from studygroup.summary import plural

FOLDER_KEY = "library_folder"
IMPORTED_KEY = "library_folder.imported"  # {file name: SHA-256 of its content as last imported or written}
SUFFIX = ".json"


def library_folder(store: Store) -> Path | None:
    """This database's library folder, or None when none is set."""
    value = store.setting(FOLDER_KEY)
    return Path(value) if value else None


def set_library_folder(store: Store, folder: Path | None) -> Path | None:
    """Remember *folder* (an existing folder, made absolute) as the library folder; None forgets it."""
    chosen = None if folder is None else Path(os.path.abspath(usable_folder(folder)))
    store.put_setting(FOLDER_KEY, None if chosen is None else str(chosen))
    return chosen


def usable_folder(folder: Path) -> Path:
    """*folder* when it is an existing folder; never created, as a missing one is most often an unmounted drive."""
    folder = Path(folder).expanduser()
    if folder.is_file():
        raise LibraryFolderError(f"The library folder {folder} is a file, not a folder.")
    if not folder.is_dir():
        raise LibraryFolderError(
            f"There is no library folder {folder}; connect the shared drive or create the folder first."
        )
    return folder


def bundle_file_name(session: Session, whole_id: bool = False) -> str:
    """`<date>-<title>-<id>.json`, e.g. `2025-03-14-checkout-flow-3f1c9a2e.json`: sorted by date, readable.

    The first 8 characters of the id keep names short; *whole_id* is for the rare session whose
    8 characters another session's file already has.
    """
    title = slugify(session.title, fallback="session").replace("_", "-")
    return f"{session.date}-{title}-{session.id if whole_id else session.id[:8]}{SUFFIX}"


def write_session_bundle(store: Store, session_id: str, folder: Path) -> Path:
    """Write the session's bundle into the library folder, whole or not at all; the file written.

    A bundle of this session already there (another laptop's) is merged in first, so the file
    written holds everything both had and rewriting it drops nothing.
    """
    folder = usable_folder(folder)
    session = store.load_session(session_id)
    target = folder / bundle_file_name(session)
    if not _merge_existing(store, target, session.id):
        target = folder / bundle_file_name(session, whole_id=True)
        _merge_existing(store, target, session.id)
    try:
        export_bundle(store, session.id, target)
        digest = _sha256(target.read_bytes())
    except OSError as exc:
        raise LibraryFolderError(f"The library folder {folder} cannot be written: {exc.strerror or exc}.") from None
    _remember(store, {target.name: digest})
    return target


def _merge_existing(store: Store, target: Path, session_id: str) -> bool:
    """Merge the bundle at *target* when it is this session's; False when the name is taken by anything else."""
    if not target.is_file():
        return True  # none there (or a folder in the way, which the write then names)
    try:
        data = bundle_from_bytes(read_capped(target), target.name)
    except BundleError:
        return False  # unreadable (cut short, a merge conflict): kept for a person to look at, never overwritten
    if data["session"]["id"] != session_id:
        return False
    # Ids that clash with this database's refuse the merge: the folder then gets this laptop's bundle.
    with contextlib.suppress(BundleError, InvalidRecord):
        merge_bundle(store, data)
    return True


def on_session_ended(store: Store, session_id: str) -> str | None:
    """Write an ended session's bundle into the library folder when one is set.

    Returns None when all is well (or no folder is set), else one sentence for a notice: a shared
    drive that is away must never stop a session from ending. The store's own errors propagate.
    """
    folder = library_folder(store)
    if folder is None:
        return None
    try:
        write_session_bundle(store, session_id, folder)
    except LibraryFolderError as exc:
        return str(exc)
    return None


@dataclasses.dataclass
class SyncReport:
    """What a sync did, file by file, for the command line and the app to say."""

    folder: Path
    imported: list[tuple[str, ImportReport]] = dataclasses.field(default_factory=list)
    unchanged: list[str] = dataclasses.field(default_factory=list)
    refused: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (file name, the sentence)

    @property
    def files(self) -> int:
        return len(self.imported) + len(self.unchanged) + len(self.refused)

    @property
    def new_notes(self) -> int:
        return sum(report.new_notes for _, report in self.imported)

    @property
    def updated_notes(self) -> int:
        return sum(report.updated_notes for _, report in self.imported)

    def lines(self) -> list[str]:
        notes = f"{plural(self.new_notes, 'new note')}, {self.updated_notes} updated from newer edits"
        counts = f"{len(self.imported)} imported ({notes}), {len(self.unchanged)} unchanged"
        counts += f", {len(self.refused)} refused"
        lines = [f"Synced {plural(self.files, 'bundle file')} from {self.folder}: {counts}."]
        for name, report in self.imported:
            lines.append(
                f"Imported {name}: '{report.session.title}', {plural(report.new_notes, 'new note')}, "
                f"{report.updated_notes} updated from newer edits."
            )
        lines += [f"Refused {name}: {reason}" for name, reason in self.refused]
        return lines


def sync_from_folder(store: Store, folder: Path) -> SyncReport:
    """Import every bundle in *folder* whose content changed since it was last imported or written here.

    Each file is merged in its own transaction; a refused file leaves the database as it was and
    the others go on.
    """
    folder = usable_folder(folder)
    report = SyncReport(folder)
    known: dict[str, str] = dict(store.setting(IMPORTED_KEY) or {})
    files = bundle_files(folder)
    for path in files:
        digest = _sync_file(store, path, known.get(path.name), report)
        if digest is not None:
            known[path.name] = digest
    present = {path.name for path in files}  # files gone from the folder are forgotten, so the setting stays small
    store.put_setting(IMPORTED_KEY, {name: digest for name, digest in known.items() if name in present})
    return report


def bundle_files(folder: Path) -> list[Path]:
    """The folder's `*.json` files by name, not in subfolders; hidden ones (our own partial writes) left out."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise LibraryFolderError(f"The library folder {folder} cannot be read: {exc.strerror or exc}.") from None
    return [folder / name for name in names if name.endswith(SUFFIX) and not name.startswith(".")]


def _sync_file(store: Store, path: Path, known_digest: str | None, report: SyncReport) -> str | None:
    """Import one file unless unchanged; its digest when it is now imported, else None."""
    try:
        raw = read_capped(path, path.name)
        digest = _sha256(raw)
        if digest == known_digest:
            report.unchanged.append(path.name)
            return None
        imported = merge_bundle(store, bundle_from_bytes(raw, path.name))
    except (BundleError, InvalidRecord) as exc:
        report.refused.append((path.name, str(exc)))
        return None
    report.imported.append((path.name, imported))
    return digest


def _remember(store: Store, digests: dict[str, str]) -> None:
    store.put_setting(IMPORTED_KEY, {**(store.setting(IMPORTED_KEY) or {}), **digests})


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()
