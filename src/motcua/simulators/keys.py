"""Signing keys of the simulators that sign (identity provider, timestamp authority)."""

from __future__ import annotations

import os
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

KEY_SIZE = 2048


def signing_key(path_env: str) -> rsa.RSAPrivateKey:
    """The RSA private key in the PEM file named by environment variable `path_env`, or a new one.

    A fresh key per start is enough for the demo: verifiers fetch the public part from the
    simulator (`/jwks`, `/certificate`). A key file keeps signatures verifiable across restarts.
    """
    path = os.environ.get(path_env, "").strip()
    if not path:
        return rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    try:
        with open(path, "rb") as file:
            key = serialization.load_pem_private_key(file.read(), password=None)
    except (OSError, ValueError, TypeError) as error:
        sys.exit(f"{path_env}: cannot read an unencrypted PEM private key from {path}: {error}")
    if not isinstance(key, rsa.RSAPrivateKey):
        sys.exit(f"{path_env}: {path} holds no RSA private key")
    return key
