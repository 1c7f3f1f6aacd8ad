"""The binary part of the model: the logit z, the label y, the race's learning rate."""

from __future__ import annotations

from lossexplorer import losses
from lossexplorer.parts import checks

# Seed 003's lesson starts from a confidently wrong binary model: y = 1, z = -6.
DEFAULT_Z = -6.0
Z_LIMIT = 1000.0
LEARNING_RATE_RANGE = (0.001, 100.0)


class BinaryPart:
    """``z`` (|z| <= Z_LIMIT), ``y`` in [0, 1] and ``learning_rate``, with their readouts.

    The readouts (ŷ, the losses and their gradients) are computed once per
    (z, y): every binary panel reads them on every drag step.
    """

    FIELDS = ("z", "y", "learning_rate")
    SIGNAL = "binary_changed"

    def __init__(self):
        self.z = DEFAULT_Z
        self.y = 1.0
        self.learning_rate = 1.0
        self._memo = {}  # name -> (z, y, value)

    # ----------------------------------------------------------- requests
    @staticmethod
    def z_change(z) -> dict:
        return {"z": checks.in_range(z, -Z_LIMIT, Z_LIMIT, "z")}

    @staticmethod
    def y_change(y) -> dict:
        return {"y": checks.in_range(y, 0.0, 1.0, "The label y")}

    @staticmethod
    def learning_rate_change(lr) -> dict:
        return {"learning_rate": checks.in_range(lr, *LEARNING_RATE_RANGE, "The learning rate")}

    def state_change(self, state: dict) -> dict:
        """The checked change for this part's entries of a saved state."""
        change = {}
        for key, check in (
            ("z", self.z_change),
            ("y", self.y_change),
            ("learning_rate", self.learning_rate_change),
        ):
            if key in state:
                change.update(check(state[key]))
        return change

    # ------------------------------------------------------------- state
    def apply(self, change: dict) -> frozenset:
        """Apply a checked change; return the names of the fields that changed."""
        changed = frozenset(k for k, v in change.items() if getattr(self, k) != v)
        for key in changed:
            setattr(self, key, change[key])
        return changed

    def state(self) -> dict:
        """This part's slice of the model's state."""
        return {"z": self.z, "y": self.y, "learning_rate": self.learning_rate}

    # ---------------------------------------------------------- readouts
    def at_z_y(self, name: str, function) -> float:
        """``function(z, y)`` as a float, computed once per (z, y)."""
        hit = self._memo.get(name)
        if hit is None or hit[0] != self.z or hit[1] != self.y:
            hit = (self.z, self.y, float(function(self.z, self.y)))
            self._memo[name] = hit
        return hit[2]

    @property
    def y_hat(self) -> float:
        return self.at_z_y("y_hat", lambda z, y: losses.sigmoid(z))
