"""Second-factor devices (django-otp) for staff accounts."""

from __future__ import annotations

import base64
import hashlib

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User


def b32_secret(device: TOTPDevice) -> str:
    """The secret as authenticator apps want it typed in (base32)."""
    return base64.b32encode(device.bin_key).decode("ascii")


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def setup_totp(user: User, *, key_hex: str | None = None, name: str = "authenticator") -> TOTPDevice:
    """Give a user a confirmed TOTP device; with key_hex the secret is fixed (demo accounts)."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name=name, defaults={"confirmed": True})
    if key_hex:
        device.key = key_hex
    device.confirmed = True
    device.save()
    return device


def demo_key_for(email: str) -> str:
    """A stable development-only TOTP key, so the printed secrets stay valid between `make run`s."""
    return hashlib.sha1(f"mos-demo-totp:{email}".encode(), usedforsecurity=False).hexdigest()


def reset_static_tokens(user: User, tokens: list[str]) -> StaticDevice:
    device, _ = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
    device.token_set.all().delete()
    for token in tokens:
        device.token_set.create(token=token)
    return device
