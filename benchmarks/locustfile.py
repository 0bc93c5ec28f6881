"""The Locust users of `benchmarks.load_bench`: applicants who log in, fill the wizard, upload, check, sign and
submit, then follow their case; officers who log in with a password and a TOTP code and work through the office's
pages. Every request goes to the host Locust is given (127.0.0.1); every answer that is not the expected one is a
failure. Run only by `load_bench`, which passes the prepared accounts in LOAD_BENCH_DATA (a JSON file)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import struct
import time

from locust import HttpUser, between, task

DATA = json.loads(open(os.environ["LOAD_BENCH_DATA"]).read())  # noqa: SIM115 - read once at import
APPLICANTS = iter(DATA["applicants"])
OFFICERS = iter(DATA["officers"])
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
CHECKBOX = re.compile(rb'type="checkbox" name="([^"]+)"')
OFFICE_CASE = re.compile(rb'href="(/office/cases/[0-9a-f-]{36}/)"')


def csrf(response) -> str:
    found = CSRF.search(response.content)
    return found.group(1).decode() if found else ""


def totp(key_hex: str, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), as django-otp's TOTPDevice checks it."""
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Page:
    """One request named by its page kind, whose status (and Location, for a redirect) must be the expected one."""

    def __init__(self, user: HttpUser) -> None:
        self.client = user.client

    def __call__(self, name: str, method: str, path: str, *, expect: int = 200, to: str = "", **kwargs):
        with self.client.request(
            method, path, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != expect or (to and to not in location):
                response.failure(f"{response.status_code} {location}"[:200])
            else:
                response.success()
            return response


class Applicant(HttpUser):
    wait_time = between(2, 6)
    weight = 10

    def on_start(self) -> None:
        self.account = next(APPLICANTS, None)
        self.page = Page(self)
        self.case_url = ""
        if self.account is None:  # more users than accounts: this one only reads public pages
            self.journey = iter(())
            return
        login = self.page("login_page", "GET", "/accounts/login/")
        form = {"csrfmiddlewaretoken": csrf(login), "email": self.account["email"], "password": DATA["password"]}
        self.page("login", "POST", "/accounts/login/", data=form, expect=302)
        self.journey = self.pages()

    def pages(self):
        """The applicant's way from the first wizard step to the submitted case, one page per call."""
        draft = f"/drafts/{self.account['draft']}"
        for step in DATA["steps"]:
            url = f"{draft}/step/{step['key']}/"
            page = self.page("step_page", "GET", url)
            yield
            data = {**step["data"], f"{DATA['prefix']}-current_step": step["key"], "csrfmiddlewaretoken": csrf(page)}
            self.page("step_post", "POST", url, data=data, expect=302)
            yield
        for upload in DATA["uploads"]:
            page = self.page("upload_page", "GET", f"{draft}/attachments/")
            files = {"file": (upload["name"], bytes.fromhex(upload["content"]), upload["type"])}
            body = {"csrfmiddlewaretoken": csrf(page), "requirement": upload["requirement"]}
            self.page("upload", "POST", f"{draft}/attachments/", data=body, files=files, expect=302)
            yield
        self.page("check", "GET", f"{draft}/check/")
        yield
        page = self.page("sign_page", "GET", f"{draft}/sign/")
        yield
        form = {"csrfmiddlewaretoken": csrf(page), "password": DATA["password"]}
        form.update({name.decode(): "on" for name in CHECKBOX.findall(page.content)})
        submitted = self.page("submit", "POST", f"{draft}/sign/", data=form, expect=302, to="submitted=1")
        self.case_url = submitted.headers.get("Location", "").split("?")[0]

    @task
    def next_page(self) -> None:
        if next(self.journey, "done") != "done":
            return
        if self.case_url:
            self.page("case_page", "GET", self.case_url)
            self.page("dashboard", "GET", "/my/")
        else:
            self.page("home", "GET", "/")


class Officer(HttpUser):
    wait_time = between(2, 6)
    fixed_count = int(os.environ.get("LOAD_BENCH_OFFICERS", "10"))

    def on_start(self) -> None:
        self.account = next(OFFICERS)
        self.page = Page(self)
        for _attempt in range(3):  # a code that waited past its 30 s window in a queue is refused: type a new one
            login = self.page("login_page", "GET", "/accounts/login/")
            form = {"csrfmiddlewaretoken": csrf(login), "email": self.account["email"], "password": DATA["password"]}
            self.page("login", "POST", "/accounts/login/", data=form, expect=302, to="second-factor")
            page = self.page("second_factor_page", "GET", "/accounts/login/second-factor/")
            token = {"csrfmiddlewaretoken": csrf(page), "token": totp(self.account["totp_key"])}
            done = self.page("second_factor", "POST", "/accounts/login/second-factor/", data=token, expect=302)
            if done.status_code == 302:
                return

    @task(3)
    def inbox(self) -> None:
        self.page("office_inbox", "GET", "/office/")

    @task(3)
    def queue(self) -> None:
        self.page("office_queue", "GET", "/office/queue/")

    @task(2)
    def cases(self) -> None:
        listing = self.page("office_cases", "GET", "/office/cases/")
        found = OFFICE_CASE.findall(listing.content)
        if found:
            self.page("office_case", "GET", found[0].decode())

    @task(1)
    def search(self) -> None:
        self.page("office_search", "GET", "/office/cases/", params={"q": "14/2026"})
