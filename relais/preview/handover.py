"""What the preview keeps when it restarts itself (``os.execv``) after its code or settings changed.

- the listening socket, so the port is never free for a moment and open
  pages find the preview again at the same address;
- the session and the number of builds, so an open page reloads once, after
  the new process's first build, and not before;
- what it watched, so a settings file that no longer reads can be fixed
  while the preview keeps showing the last good site.

They travel in one environment variable, removed as soon as it is read, so
no build or other program started by the preview sees it.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
from dataclasses import dataclass
from typing import Any

from .watching import WatchPlan

ENVIRONMENT = "RELAIS_PREVIEW_HANDOVER"


@dataclass(frozen=True)
class Handover:
    session: str
    builds: int = 0
    listener: socket.socket | None = None
    plan: WatchPlan | None = None

    @classmethod
    def fresh(cls) -> Handover:
        return cls(secrets.token_hex(4))

    @classmethod
    def take(cls, port: int) -> Handover:
        """The previous process's handover (when this one restarted), else a fresh start."""
        raw = os.environ.pop(ENVIRONMENT, "")
        if not raw:
            return cls.fresh()
        try:
            data = json.loads(raw)
            listener = socket.socket(fileno=int(data["fd"]))
        except (ValueError, KeyError, TypeError, OSError):
            return cls.fresh()
        if listener.getsockname()[1] != port:  # not ours after all
            with contextlib.suppress(OSError):
                listener.detach()
            return cls.fresh()
        listener.set_inheritable(False)
        plan = WatchPlan.from_dict(data["plan"]) if data.get("plan") else None
        return cls(str(data.get("session") or secrets.token_hex(4)), int(data.get("builds") or 0), listener, plan)

    def pass_on(self, listener: socket.socket, builds: int, plan: WatchPlan | None) -> None:
        """Leave the handover for the process about to replace this one."""
        listener.set_inheritable(True)
        data: dict[str, Any] = {"fd": listener.fileno(), "session": self.session, "builds": builds}
        data["plan"] = plan.as_dict() if plan else None
        os.environ[ENVIRONMENT] = json.dumps(data)
