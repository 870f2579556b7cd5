"""Join codes, teacher secrets and seat tokens: random, stored as scrypt hashes, compared in constant time.

A secret carries 192 random bits (``secrets.token_urlsafe(24)``). A seat token is ``<student id>.<secret>`` so
the row can be found without a lookup by secret; only the secret's hash is stored. Tokens are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No look-alikes: 0/O, 1/I/L are left out, so a code read off a projector is typed right."""
CODE_LENGTH = 6
SECRET_BYTES = 24

# scrypt cost: about 16 MiB and a few tens of milliseconds per check on this machine; secrets are 192-bit
# random, so the cost guards a stolen database against nothing but makes the hash format a standard one.
_N, _R, _P = 2**14, 8, 1
_TOKEN = re.compile(r"^(\d{1,12})\.([A-Za-z0-9_-]{16,64})$")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: object) -> str | None:
    """A typed code in canonical form (upper case, spaces and dashes dropped), or None if it cannot be one."""
    if not isinstance(text, str):
        return None
    code = re.sub(r"[\s\-]", "", text).upper()
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_secret(secret: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, stored: str) -> bool:
    """True if ``secret`` hashes to ``stored``; constant-time comparison; False for any malformed input."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(
            secret.encode(),
            salt=_unb64(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=64 * 1024 * 1024,
            dklen=32,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def seat_token(student_id: int, secret: str) -> str:
    return f"{student_id}.{secret}"


def split_seat_token(token: object) -> tuple[int, str] | None:
    """(student id, secret) from a seat token, or None if it is not shaped like one."""
    if not isinstance(token, str):
        return None
    match = _TOKEN.match(token.strip())
    return (int(match[1]), match[2]) if match else None


def is_secret_shaped(text: object) -> bool:
    return isinstance(text, str) and re.fullmatch(r"[A-Za-z0-9_-]{16,64}", text) is not None


def client_key(client: str) -> str:
    """A short hash of a client address for the rate limiter: the address itself is not stored."""
    return hashlib.sha256(str(client).encode("utf-8", "replace")).hexdigest()[:32]
