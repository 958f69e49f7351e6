"""The facilitator lock: a PIN kept only as a salted scrypt hash, with back-off on wrong tries.

With a PIN set, participant mode locks the session: the actions the UI's action table marks
as the facilitator's ask for the PIN first (ui.facilitator_gate). Without a PIN nothing is ever
locked. State lives in the database's `settings` table, so killing the app neither forgets the
mode nor resets the back-off.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

from studygroup.errors import StudygroupError
from studygroup.storage.store import Store

MIN_PIN_LENGTH = 4
FREE_TRIES = 3  # wrong PINs allowed before any waiting
MAX_WAIT_SECONDS = 300.0

# scrypt cost: ~16 MB and a few tens of ms, cheap for one check, costly for guessing offline.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PIN_KEY, _FAILURES_KEY, _MODE_KEY = "facilitator_pin", "pin_failures", "participant_mode"


class PinBackoff(StudygroupError):
    """Too many wrong PINs in a row; the next try must wait."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"Too many wrong PINs: wait {seconds:.0f} seconds, then try again.")


def hash_pin(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def wait_after(failures: int) -> float:
    """Seconds to wait after *failures* wrong PINs in a row: none for the first few, then doubling."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_WAIT_SECONDS, 2.0 ** (failures - FREE_TRIES + 1))


class PinStore:
    """The PIN, the failure count and participant mode, in the store's settings; *now* is wall time."""

    def __init__(self, store: Store, now: Callable[[], float] = time.time):
        self.store = store
        self.now = now

    # --- the PIN ----------------------------------------------------------------

    def has_pin(self) -> bool:
        return self.store.setting(_PIN_KEY) is not None

    def set_pin(self, pin: str) -> None:
        """Replace the PIN; only a salted hash and its cost parameters are stored."""
        if len(pin.strip()) < MIN_PIN_LENGTH:
            raise ValueError(f"A PIN needs at least {MIN_PIN_LENGTH} characters.")
        salt = secrets.token_bytes(16)
        record = dict(_SCRYPT, salt=salt.hex(), hash=hash_pin(pin, salt, **_SCRYPT).hex())
        self.store.put_setting(_PIN_KEY, record)
        self.store.put_setting(_FAILURES_KEY, None)

    def clear_pin(self) -> None:
        """Remove the PIN: nothing is locked any more."""
        for key in (_PIN_KEY, _FAILURES_KEY, _MODE_KEY):
            self.store.put_setting(key, None)

    def seconds_to_wait(self) -> float:
        failures = self.store.setting(_FAILURES_KEY) or {"count": 0, "last": 0.0}
        ready_at = failures["last"] + wait_after(failures["count"])
        return max(0.0, float(ready_at) - self.now())

    def check_pin(self, pin: str) -> bool:
        """True for the right PIN. A wrong one counts; while backing off, raises PinBackoff unchecked."""
        record = self.store.setting(_PIN_KEY)
        if record is None:
            return True  # no PIN: nothing to protect
        wait = self.seconds_to_wait()
        if wait > 0:
            raise PinBackoff(wait)
        salt = bytes.fromhex(record["salt"])
        given = hash_pin(pin, salt, n=record["n"], r=record["r"], p=record["p"])
        if hmac.compare_digest(given, bytes.fromhex(record["hash"])):
            self.store.put_setting(_FAILURES_KEY, None)
            return True
        failures = self.store.setting(_FAILURES_KEY) or {"count": 0}
        self.store.put_setting(_FAILURES_KEY, {"count": failures["count"] + 1, "last": self.now()})
        return False

    # --- participant mode -------------------------------------------------------

    @property
    def participant_mode(self) -> bool:
        return bool(self.store.setting(_MODE_KEY))

    @participant_mode.setter
    def participant_mode(self, on: bool) -> None:
        self.store.put_setting(_MODE_KEY, True if on else None)


class FacilitatorLock:
    """What the UI asks: is the session locked now; lock it; unlock it with the PIN."""

    def __init__(self, pins: PinStore):
        self.pins = pins

    @property
    def locked(self) -> bool:
        return self.pins.participant_mode and self.pins.has_pin()

    def lock(self) -> None:
        """Enter participant mode; needs a PIN, or the facilitator could not get back in."""
        if not self.pins.has_pin():
            raise ValueError("Set a facilitator PIN before locking.")
        self.pins.participant_mode = True

    def unlock(self, pin: str) -> bool:
        """Leave participant mode with the right PIN; raises PinBackoff while backing off."""
        if not self.pins.check_pin(pin):
            return False
        self.pins.participant_mode = False
        return True
